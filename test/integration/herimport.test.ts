import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rijHash } from '../../server/import/hash.js';
import { ImportAfgewezen, importeer, type ImportSamenvatting } from '../../server/import/importer.js';
import { importDeps } from '../../server/import/service.js';
import { COLUMN_NAMES, type Registratie } from '../../server/registraties/schema.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';

/**
 * The quarterly re-export (issue 29, part 5): a file whose lines are all stored unchanged takes a
 * short path (the worker sends each line as one text, SQLite compares the hashes in its query and
 * names only the lines that differ). These tests try to slip a change or a refusal past it.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

const N = 240;
const GEMEENTEN = ['GM0268', 'GM0281', 'GM0209', 'GM1945'];
/** Line i of the export (full width, COLUMN_NAMES order); lines 7, 77 and 177 close before their monitoring ends (a warning). */
function regel(i: number, wijzig: Partial<Record<string, string>> = {}): string {
  const dag = String(1 + (i % 28)).padStart(2, '0');
  const r: Record<string, string> = {
    registratie_id: `HER-${String(i).padStart(4, '0')}`,
    soort: 'melding',
    datum_binnenkomst: `2024-01-${dag}`,
    gemeente_code: GEMEENTEN[i % GEMEENTEN.length]!,
    melder_categorie: i % 3 === 0 ? 'politie' : 'overige_professional',
    beroepsgroep: i % 3 === 0 ? '' : 'onderwijs',
    kanaal: 'telefoon',
    aard_geweld: 'kindermishandeling',
    spoed: i % 2 === 0 ? 'ja' : 'nee',
    eerdere_betrokkenheid: 'eerste_melding',
    datum_veiligheidsbeoordeling: `2024-02-${dag}`,
    besluit_veiligheidsbeoordeling: 'overdracht_lokaal_team',
    datum_overdracht: `2024-03-${dag}`,
    overdracht_aan: 'lokaal_team',
    monitoring: 'ja',
    datum_monitoring_3m: `2024-06-${dag}`,
    datum_einde_monitoring: `2024-09-${dag}`,
    datum_afgesloten: i % 70 === 7 ? `2024-08-${dag}` : `2024-10-${dag}`,
    ...wijzig,
  };
  return COLUMN_NAMES.map((c) => r[c] ?? '').join(';');
}
const regels = (wijzig: Record<number, Partial<Record<string, string>>> = {}) => Array.from({ length: N }, (_, i) => regel(i, wijzig[i]));
const bestand = (lijnen: string[]) => `${COLUMN_NAMES.join(';')}\n${lijnen.join('\n')}\n`;

let volgnummer = 0;
async function importeerTekst(tekst: string): Promise<{ s?: ImportSamenvatting; fout?: ImportAfgewezen; naam: string }> {
  const naam = `herimport-${++volgnummer}.csv`;
  const pad = join(ctx.dir, naam);
  writeFileSync(pad, tekst);
  try {
    return { s: await importeer(importDeps(ctx), [{ bestand: naam, sha256: 'x', pad }], { door: 'test' }), naam };
  } catch (error) {
    if (error instanceof ImportAfgewezen) return { fout: error, naam };
    throw error;
  }
}

type Opgeslagen = Registratie & { rij_hash: string; importbatch_id: number };
async function opgeslagen(): Promise<Map<string, Opgeslagen>> {
  const rijen = (await ctx.db('registraties').select('*').orderBy('registratie_id')) as Opgeslagen[];
  return new Map(
    rijen.map((r) => [
      r.registratie_id,
      { ...r, spoed: r.spoed === null ? null : Number(r.spoed), monitoring: r.monitoring === null ? null : Number(r.monitoring) } as Opgeslagen,
    ]),
  );
}
const zonder = (r: Opgeslagen) => Object.fromEntries(COLUMN_NAMES.map((c) => [c, r[c as keyof Registratie]])) as unknown as Registratie;

describe('re-import of an export whose lines are stored unchanged', () => {
  let eerste: ImportSamenvatting;
  let basis: Map<string, Opgeslagen>;

  beforeAll(async () => {
    const { s } = await importeerTekst(bestand(regels()));
    eerste = s!;
    basis = await opgeslagen();
  });

  it(`the same ${N} lines again: all unchanged, nothing written, the same date-order warning with the same lines`, async () => {
    expect(eerste.nieuw).toBe(N);
    const { s } = await importeerTekst(bestand(regels()));
    expect(s).toMatchObject({ rijen: N, nieuw: 0, gewijzigd: 0, ongewijzigd: N, afgewezen: 0, geladen: true });
    const volgorde = (x: ImportSamenvatting) => x.waarschuwingen.filter((w) => w.soort === 'datum_volgorde').map((w) => w.melding);
    expect(volgorde(s!)).toEqual([
      'datum_afgesloten ligt vóór datum_einde_monitoring bij 4 registratie(s): regel 9 (2024-08-08 vóór 2024-09-08), ' +
        'regel 79 (2024-08-22 vóór 2024-09-22), regel 149 (2024-08-08 vóór 2024-09-08), regel 219 (2024-08-22 vóór 2024-09-22); ' +
        'geladen zoals aangeleverd, controleer de datums',
    ]);
    expect(volgorde(s!)).toEqual(volgorde(eerste));
    // every stored row is the one of the first import, with its batch
    expect(await opgeslagen()).toEqual(basis);
  });

  it('one byte changed in kanaal of the first line, the last field of a middle line, spoed of the last line: exactly those three are seen', async () => {
    const lijnen = regels({ 0: { soort: 'melding', kanaal: 'mail' }, 120: { datum_afgesloten: '2024-10-02' }, [N - 1]: { spoed: 'ja' } });
    // N - 1 is odd: spoed was nee; line 120 closed on 2024-10-01; line 0 was telefoon
    const { s } = await importeerTekst(bestand(lijnen));
    expect(s).toMatchObject({ rijen: N, nieuw: 0, gewijzigd: 3, ongewijzigd: N - 3, afgewezen: 0 });
    const na = await opgeslagen();
    const gewijzigd = [...na.values()].filter((r) => r.importbatch_id !== basis.get(r.registratie_id)!.importbatch_id).map((r) => r.registratie_id);
    expect(gewijzigd).toEqual(['HER-0000', 'HER-0120', `HER-0${N - 1}`]);
    expect(na.get('HER-0000')!.kanaal).toBe('mail');
    expect(na.get('HER-0120')!.datum_afgesloten).toBe('2024-10-02');
    expect(na.get(`HER-0${N - 1}`)!.spoed).toBe(1);
    for (const r of na.values()) expect(r.rij_hash).toBe(rijHash(zonder(r)));
    expect(await verschilMetVolledigeTelling(ctx.db, ctx.regio, ctx.kalender)).toEqual([]);
    basis = na;
  });

  it('the same file except one refused line (and one changed line): refused as a whole, named exactly, nothing written', async () => {
    const voor = await ctx.db('importbatches').count<{ n: number }[]>({ n: '*' });
    const lijnen = regels({ 0: { kanaal: 'mail' }, 50: { kanaal: 'chat' }, 200: { datum_overdracht: '2024-02-30' } });
    const { fout, naam } = await importeerTekst(bestand(lijnen));
    expect(fout).toBeDefined();
    expect(fout!.samenvatting).toMatchObject({ rijen: N, afgewezen: 1, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, geladen: false });
    expect(fout!.samenvatting.fouten).toEqual([
      { bestand: naam, regel: 202, kolom: 'datum_overdracht', waarde: '2024-02-30', melding: '2024-02-30 is geen bestaande datum' },
    ]);
    expect(await opgeslagen()).toEqual(basis);
    expect(basis.get('HER-0050')!.kanaal).toBe('telefoon');
    const na = await ctx.db('importbatches').count<{ n: number }[]>({ n: '*' });
    expect(Number(na[0]!.n)).toBe(Number(voor[0]!.n) + 1);
    const laatste = await ctx.db('importbatches').orderBy('id', 'desc').first();
    expect(laatste).toMatchObject({ bestand: naam, status: 'afgewezen', rijen: N, afgewezen: 1 });
  });

  it('every warning an unchanged line can raise (read from its text in place) is raised again, the same, on the second import', async () => {
    // ids of their own (PLA-…): a gemeente name that is another gemeente (and one that is the same),
    // a code outside every list, an id that loads in its normal form, a formula-like id and five date
    // pairs in the wrong order (datum_afgesloten is the last field of the text)
    const lijnen = [
      regel(1, { registratie_id: 'PLA-0001', gemeente: 'Nijmegen', gemeente_code: 'GM0268' }),
      regel(2, { registratie_id: 'PLA-0002', gemeente: 'Arnhem', gemeente_code: 'GM0268' }),
      regel(3, { registratie_id: 'PLA-0003', gemeente_code: 'GM9876' }),
      regel(4, { registratie_id: 'ＰＬＡ-０００4' }),
      regel(5, { registratie_id: '=PLA-0005' }),
      regel(6, { registratie_id: 'PLA-0006', datum_afgesloten: '2024-02-06', datum_monitoring_3m: '2024-03-05' }),
      regel(8, { registratie_id: 'PLA-0008', datum_einde_monitoring: '2024-06-07', datum_afgesloten: '2024-06-08' }),
    ];
    const eerst = await importeerTekst(bestand(lijnen));
    expect(eerst.fout?.samenvatting.fouten ?? []).toEqual([]);
    const eersteKeer = eerst.s!;
    expect(eersteKeer).toMatchObject({ rijen: 7, nieuw: 7, afgewezen: 0 });
    const tweedeKeer = (await importeerTekst(bestand(lijnen))).s!;
    expect(tweedeKeer).toMatchObject({ rijen: 7, nieuw: 0, gewijzigd: 0, ongewijzigd: 7, afgewezen: 0 });
    const zonderBestand = (x: ImportSamenvatting) => x.waarschuwingen.map((w) => [w.soort, w.melding]);
    expect(zonderBestand(tweedeKeer)).toEqual(zonderBestand(eersteKeer));
    const volgorde = (regel: number, later: string, eerder: string, tot: string, van: string) =>
      `${later} ligt vóór ${eerder} bij 1 registratie(s): regel ${regel} (${tot} vóór ${van}); geladen zoals aangeleverd, controleer de datums`;
    expect(zonderBestand(tweedeKeer)).toEqual([
      ['onbekende_gemeentecode', 'gemeente_code GM9876 ligt buiten de regio en is geen bekende CBS-gemeentecode (regel 4); controleer de code'],
      ['formule_id', `1 registratie_id('s) beginnen met =, +, - of @ en worden in Excel als formule gelezen: regel 6 ("=PLA-0005")`],
      ['datum_volgorde', volgorde(7, 'datum_afgesloten', 'datum_veiligheidsbeoordeling', '2024-02-06', '2024-02-07')],
      ['datum_volgorde', volgorde(7, 'datum_afgesloten', 'datum_overdracht', '2024-02-06', '2024-03-07')],
      ['datum_volgorde', volgorde(7, 'datum_afgesloten', 'datum_einde_monitoring', '2024-02-06', '2024-09-07')],
      ['datum_volgorde', volgorde(7, 'datum_monitoring_3m', 'datum_overdracht', '2024-03-05', '2024-03-07')],
      ['datum_volgorde', volgorde(8, 'datum_einde_monitoring', 'datum_monitoring_3m', '2024-06-07', '2024-06-09')],
      [
        'gemeente_tegenstrijdig',
        'gemeente_code GM0268 en gemeente "Arnhem" (GM0202) zijn verschillende gemeenten bij 1 registratie(s) (regel 3); geteld voor de code GM0268',
      ],
      [
        'id_genormaliseerd',
        "1 registratie_id('s) bevatten onzichtbare tekens (zoals een zero-width space) of bijzondere vormen van cijfers of letters " +
          '(zoals fullwidth) en zijn in hun gewone vorm geladen: regel 5 ("ＰＬＡ-０００4" werd "PLA-0004")',
      ],
    ]);
  });
});
