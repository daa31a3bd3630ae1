import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableRow } from '../../server/import/readers.js';
import { importeer } from '../../server/import/importer.js';
import { importDeps } from '../../server/import/service.js';
import { COLUMN_NAMES } from '../../server/registraties/schema.js';
import { importeerRijen, testContext, type Rij, type TestContext } from '../helpers/context.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';
import { melding } from '../helpers/registraties.js';

/**
 * One normal form of text (issue 25 § 2): an id that looks the same as a stored one — with a
 * zero-width space, a word joiner, fullwidth digits, in lower case — is that registration, and a
 * header with an invisible character is the column it looks like.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

function bestand(kop: string[], rijen: Rij[], naam = 'kop.csv') {
  async function* rows(): AsyncGenerator<TableRow> {
    yield { regel: 1, values: kop };
    let regel = 1;
    for (const r of rijen) yield { regel: ++regel, values: COLUMN_NAMES.map((c) => r[c] ?? '') };
  }
  return { bestand: naam, sha256: naam, rows: rows() };
}
const ids = async () =>
  (await ctx.db('registraties').select('registratie_id').orderBy('registratie_id')).map((r: { registratie_id: string }) => r.registratie_id);

describe('ids in one normal form', () => {
  it('U+200B, U+2060, fullwidth digits, lower case, RLM: each updates the stored registration, never a second one', async () => {
    const basis = melding({ id: 'VT-2024-0042', binnenkomst: '2024-03-01' });
    expect(await importeerRijen(ctx, [basis])).toMatchObject({ nieuw: 1 });
    const varianten: [string, string][] = [
      ['VT-2024-0042\u200b', '2024-03-02'],
      ['VT-\u20602024-0042', '2024-03-03'],
      ['VT-\uff12\uff10\uff12\uff14-\uff10\uff10\uff14\uff12', '2024-03-04'],
      ['vt-2024-0042', '2024-03-05'],
      ['\u200fVt-2024-0042\u202c', '2024-03-06'],
    ];
    for (const [id, vb] of varianten) {
      const s = await importeerRijen(ctx, [{ ...basis, registratie_id: id, datum_afgesloten: vb }]);
      expect(s, JSON.stringify(id)).toMatchObject({ nieuw: 0, gewijzigd: 1 });
      expect(await ids()).toEqual(['VT-2024-0042']);
      expect((await ctx.db('registraties').first()).datum_afgesloten).toBe(vb);
    }
    expect(await verschilMetVolledigeTelling(ctx.db, ctx.regio, ctx.kalender)).toEqual([]);
  });

  it('an id changed by its normal form is named in a warning with the line and both forms; case alone is not', async () => {
    const s = await importeerRijen(ctx, [melding({ id: 'vt-9', binnenkomst: '2024-04-01' }), melding({ id: 'VT-\u200b10', binnenkomst: '2024-04-01' })]);
    expect(s.waarschuwingen.filter((w) => w.soort === 'id_genormaliseerd').map((w) => w.melding)).toEqual([
      "1 registratie_id('s) bevatten onzichtbare tekens (zoals een zero-width space) of bijzondere " +
        'vormen van cijfers of letters (zoals fullwidth) en zijn in hun gewone vorm geladen: regel ' +
        '3 ("VT-\u200b10" werd "VT-10")',
    ]);
    expect(await ids()).toEqual(['VT-10', 'VT-2024-0042', 'VT-9']);
    const batch = await ctx.db('importbatches').orderBy('id', 'desc').first();
    expect(JSON.parse(batch.waarschuwingen as string)).toEqual(expect.arrayContaining([expect.objectContaining({ soort: 'id_genormaliseerd' })]));
  });

  it('two spellings of one id in one file are one registration (the later line wins)', async () => {
    const s = await importeerRijen(ctx, [melding({ id: 'nieuw-1', binnenkomst: '2024-05-01' }), melding({ id: 'NIEUW-\u200d1', binnenkomst: '2024-05-02' })]);
    expect(s.nieuw).toBe(1);
    expect((await ctx.db('registraties').where({ registratie_id: 'NIEUW-1' }).first()).datum_binnenkomst).toBe('2024-05-02');
  });
});

describe('headers in one normal form', () => {
  it('datum_afgesloten followed by a zero-width space is the column datum_afgesloten (not silently dropped)', async () => {
    const kop = COLUMN_NAMES.map((c) => (c === 'datum_afgesloten' ? 'datum_afgesloten\u200b' : c === 'soort' ? '\ufeffSOORT\u2060' : c));
    const r = melding({ id: 'KOP-1', binnenkomst: '2024-06-01', datum_afgesloten: '2024-06-10' });
    const s = await importeer(importDeps(ctx), [bestand(kop, [r])], { door: 'test' });
    expect(s).toMatchObject({ geladen: true, nieuw: 1 });
    expect((await ctx.db('registraties').where({ registratie_id: 'KOP-1' }).first()).datum_afgesloten).toBe('2024-06-10');
  });

  it('codes too: a code with a zero-width space or fullwidth letters is the code', async () => {
    const s = await importeerRijen(ctx, [melding({ id: 'CODE-1', binnenkomst: '2024-06-01', gemeente: 'GM\uff10268\u200b', melder: 'politie\u2060' })]);
    expect(s.nieuw).toBe(1);
    expect(await ctx.db('registraties').where({ registratie_id: 'CODE-1' }).first()).toMatchObject({ gemeente_code: 'GM0268', melder_categorie: 'politie' });
  });
});

describe('the migration that brings stored ids to the normal form', () => {
  it('renames stored ids; two spellings of one id keep the version of the latest batch; the counts are rebuilt next start', async () => {
    const { up } = await import('../../migrations/20261207070000_normalise_registratie_ids.js');
    const voorbeeld = await ctx.db('registraties').where({ registratie_id: 'VT-9' }).first();
    const batches = (await ctx.db('importbatches').select('id').orderBy('id')).map((r: { id: number }) => r.id);
    await ctx.db('registraties').insert([
      { ...voorbeeld, registratie_id: 'oud-1', datum_afgesloten: '2024-04-02', importbatch_id: batches[0] },
      { ...voorbeeld, registratie_id: 'OUD-1', datum_afgesloten: '2024-04-03', importbatch_id: batches[1] },
      { ...voorbeeld, registratie_id: 'oud-\u200b2', importbatch_id: batches[0] },
    ]);
    await up(ctx.db);
    expect(await ids()).toEqual(['CODE-1', 'KOP-1', 'NIEUW-1', 'OUD-1', 'OUD-2', 'VT-10', 'VT-2024-0042', 'VT-9']);
    expect((await ctx.db('registraties').where({ registratie_id: 'OUD-1' }).first()).datum_afgesloten).toBe('2024-04-03');
    expect(await ctx.db('metagegevens').where({ sleutel: 'tellingen_basis' }).first()).toBeUndefined();
  });
});

describe('the protocol order of the dates (issue 25 § 3)', () => {
  const vt = { vb: '2024-07-02', besluit: 'vervolg_veilig_thuis', besluitVervolg: '2024-07-05', vervolg: 'onderzoek' };
  it('an impossible order that would make a waiting time negative is refused, naming line, columns and values', async () => {
    const gevallen: [Record<string, string>, string, string][] = [
      [{ besluitVervolg: '2024-07-01' }, 'datum_besluit_vervolg', 'datum_besluit_vervolg (2024-07-01) ligt vóór datum_veiligheidsbeoordeling (2024-07-02)'],
      [{ startOnderzoek: '2024-07-04' }, 'datum_start_onderzoek', 'datum_start_onderzoek (2024-07-04) ligt vóór datum_besluit_vervolg (2024-07-05)'],
      [
        { vervolg: 'voorwaarden_en_vervolg', startVv: '2024-07-03' },
        'datum_start_vv',
        'datum_start_vv (2024-07-03) ligt vóór datum_besluit_vervolg (2024-07-05)',
      ],
      [
        { overdracht: '2024-07-01', overdrachtAan: 'lokaal_team' },
        'datum_overdracht',
        'datum_overdracht (2024-07-01) ligt vóór datum_veiligheidsbeoordeling (2024-07-02)',
      ],
    ];
    for (const [extra, kolom, tekst] of gevallen) {
      const fout = (await importeerRijen(ctx, [melding({ id: 'ORDE-X', binnenkomst: '2024-07-01', ...vt, ...extra })]).catch((e: unknown) => e)) as {
        samenvatting: { fouten: unknown[] };
      };
      expect(fout.samenvatting.fouten, tekst).toEqual([expect.objectContaining({ regel: 2, kolom, melding: tekst })]);
    }
    expect(await ctx.db('registraties').where({ registratie_id: 'ORDE-X' }).first()).toBeUndefined();
  });

  it(
    'a slip of registration loads, with a named warning per pair: afgesloten before the end of ' +
      'onderzoek, 12m before 3m, monitoring ended before its contact',
    async () => {
      const s = await importeerRijen(ctx, [
        melding({
          id: 'ORDE-1',
          binnenkomst: '2024-07-01',
          ...vt,
          startOnderzoek: '2024-07-08',
          eindeOnderzoek: '2024-08-20',
          uitkomst: 'weerlegd',
          datum_afgesloten: '2024-08-01',
        }),
        melding({
          id: 'ORDE-2',
          binnenkomst: '2024-07-01',
          vb: '2024-07-02',
          overdracht: '2024-07-03',
          overdrachtAan: 'lokaal_team',
          monitoring: 'ja',
          datum_monitoring_3m: '2024-11-01',
          datum_monitoring_12m: '2024-10-01',
          eindeMonitoring: '2024-10-15',
        }),
      ]);
      expect(s.nieuw).toBe(2);
      expect(s.waarschuwingen.filter((w) => w.soort === 'datum_volgorde').map((w) => w.melding)).toEqual([
        'datum_afgesloten ligt vóór datum_einde_onderzoek bij 1 registratie(s): regel 2 (2024-08-01 ' +
          'vóór 2024-08-20); geladen zoals aangeleverd, controleer de datums',
        'datum_monitoring_12m ligt vóór datum_monitoring_3m bij 1 registratie(s): regel 3 (2024-10-01 ' +
          'vóór 2024-11-01); geladen zoals aangeleverd, controleer de datums',
        'datum_einde_monitoring ligt vóór datum_monitoring_3m bij 1 registratie(s): regel 3 (2024-10-15 ' +
          'vóór 2024-11-01); geladen zoals aangeleverd, controleer de datums',
      ]);
    },
  );

  it('gemeente_code GM0281 with gemeente "Nijmegen": a warning, counted for the code (Tiel)', async () => {
    const s = await importeerRijen(ctx, [{ ...melding({ id: 'GEM-1', binnenkomst: '2024-07-01', gemeente: 'GM0281' }), gemeente: 'Nijmegen' }]);
    expect(s.waarschuwingen.filter((w) => w.soort === 'gemeente_tegenstrijdig').map((w) => w.melding)).toEqual([
      'gemeente_code GM0281 en gemeente "Nijmegen" (GM0268) zijn verschillende gemeenten bij 1 registratie(s) (regel 2); geteld voor de code GM0281',
    ]);
    expect((await ctx.db('registraties').where({ registratie_id: 'GEM-1' }).first()).gemeente_code).toBe('GM0281');
  });
});
