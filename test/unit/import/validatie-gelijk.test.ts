/**
 * The row validation, its cell parsers and the row hash were rewritten to cost less per row
 * (issue 18). These tests hold them to what they did before: the boundaries of each rule with
 * exact answers, and a seeded comparison with the former implementation
 * (referentie/oude-validatie.ts) on random rows built to hit those boundaries — every value,
 * every message, their order, and the hash byte for byte.
 */
import { hash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bouwRegio } from '../../../server/config/regio.js';
import { Random } from '../../../server/demo/random.js';
import { rijHash, rijHashTekst } from '../../../server/import/hash.js';
import { cellenVan, controleerCellen, controleerRij, controleerSamengevoegd, registratieVan } from '../../../server/import/validate-row.js';
import { cellText, codeParser, isoGetal, leesDatum, leesGemeenteCode, leesJaNee, maakOpzoeker, type RawCell } from '../../../server/import/values.js';
import { COLUMN_NAMES, COLUMNS, kolomObject, type Registratie } from '../../../server/registraties/schema.js';
import regioJson from '../../../config/regio/gelderland-zuid.json' with { type: 'json' };
import * as oud from './referentie/oude-validatie.js';

const regio = bouwRegio(regioJson);
const ctx = { bestand: 'export.csv', regel: 12, regio, vandaag: '2024-06-30' };

describe('cell parsers at their boundaries', () => {
  it('cellText trims exactly what String.prototype.trim trims', () => {
    const gevallen: [RawCell, string][] = [
      ['melding', 'melding'],
      [' melding', 'melding'],
      ['melding\t', 'melding'],
      ['\u00a0melding\u00a0', 'melding'],
      ['\u3000GM0268', 'GM0268'],
      ['\ufeffR1', 'R1'],
      ['\u2028R1\u2029', 'R1'],
      ['é', 'é'],
      ['~x!', '~x!'],
      ['\u007fx', '\u007fx'],
      ['', ''],
      ['   ', ''],
      [null, ''],
      [undefined, ''],
      [0, '0'],
      [12.5, '12.5'],
      [true, 'true'],
      [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
      [new Date(Number.NaN), ''],
    ];
    for (const [cel, tekst] of gevallen) expect(cellText(cel), JSON.stringify(cel)).toBe(tekst);
  });

  it('dates: the canonical form without a regular expression, every other form as before', () => {
    const goed: [RawCell, string][] = [
      ['2024-02-29', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['1900-01-01', '1900-01-01'],
      ['2999-12-31', '2999-12-31'],
      ['2024-01-31', '2024-01-31'],
      ['2024-04-30', '2024-04-30'],
      [' 2024-03-01 ', '2024-03-01'],
      ['2024-3-1', '2024-03-01'],
      ['01-03-2024', '2024-03-01'],
      ['1-3-2024', '2024-03-01'],
      [new Date(Date.UTC(2015, 0, 1)), '2015-01-01'],
    ];
    for (const [cel, datum] of goed) expect(leesDatum(cel), String(cel)).toEqual({ ok: true, value: datum });
    const bestaatNiet = [
      '2023-02-29',
      '2100-02-29',
      '1899-12-31',
      '3000-01-01',
      '2024-00-10',
      '2024-13-01',
      '2024-01-00',
      '2024-01-32',
      '2024-04-31',
      '31-02-2024',
    ];
    for (const cel of bestaatNiet) expect(leesDatum(cel), cel).toEqual({ ok: false, melding: 'is geen bestaande datum' });
    // fullwidth digits are digits in the normal form of text (issue 25)
    expect(leesDatum('２０２４-03-01')).toEqual({ ok: true, value: '2024-03-01' });
    const geenDatum = ['2024/03/01', '2024-03-0a', '2024-03-01x', '20240301', '2024--3-01', '+02024-03-01', 'ja'];
    for (const cel of geenDatum) expect(leesDatum(cel), cel).toEqual({ ok: false, melding: 'is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ' });
    expect(leesDatum(new Date(Number.NaN))).toEqual({ ok: false, melding: 'is geen geldige datum' });
  });

  it('isoGetal reads YYYY-MM-DD as one integer and nothing else', () => {
    expect(isoGetal('2024-02-29')).toBe(20240229);
    expect(isoGetal('0000-00-00')).toBe(0);
    for (const tekst of ['2024-2-29', '2024-02-290', '2024/02/29', '2024-02-2:', '2024-02-2/', ' 2024-02-2', '']) expect(isoGetal(tekst), tekst).toBe(-1);
  });

  it('codes: as written, in any case, and nothing that only looks alike', () => {
    const soort = codeParser(['advies', 'melding']);
    for (const cel of ['melding', 'MELDING', 'Melding', ' melding ']) expect(soort(cel), cel).toEqual({ ok: true, value: 'melding' });
    // the Kelvin sign lower-cases to k: accepted before, so still
    expect(codeParser(['kanaal'])('\u212Aanaal')).toEqual({ ok: true, value: 'kanaal' });
    for (const cel of ['meldin', 'meldingg', 'advies_', 'adviez', '', 1, true]) {
      expect(soort(cel), String(cel)).toEqual({ ok: false, melding: 'is geen geldige code; toegestaan: advies, melding' });
    }
    const zoek = maakOpzoeker(['a', 'bb', 'cc', 'ddd']);
    expect([zoek('a'), zoek('bb'), zoek('cc'), zoek('ddd'), zoek('b'), zoek('bc'), zoek('dddd'), zoek('')]).toEqual([0, 1, 2, 3, -1, -1, -1, -1]);
  });

  it('ja/nee: text in any case, booleans and numbers of an XLSX cell', () => {
    for (const cel of ['ja', 'J', '1', 'true', 'TRUE', ' Ja ', true, 1]) expect(leesJaNee(cel), String(cel)).toEqual({ ok: true, value: 1 });
    for (const cel of ['nee', 'N', '0', 'false', 'False', false, 0]) expect(leesJaNee(cel), String(cel)).toEqual({ ok: true, value: 0 });
    for (const cel of ['jaa', 'yes', '2', 'nee ja', 0.5])
      expect(leesJaNee(cel), String(cel)).toEqual({ ok: false, melding: 'is geen ja/nee-waarde; gebruik ja of nee' });
  });

  it('gemeentecode: GM and four digits in any case, nothing else', () => {
    for (const [cel, code] of [
      ['GM0268', 'GM0268'],
      ['gm0268', 'GM0268'],
      ['Gm0268', 'GM0268'],
      [' GM0268 ', 'GM0268'],
      ['GM9999', 'GM9999'],
      ['GM０268', 'GM0268'],
      ['GM0268\u200b', 'GM0268'],
    ]) {
      expect(leesGemeenteCode(cel), cel).toEqual({ ok: true, value: code });
    }
    for (const cel of ['GM026', 'GM02681', 'GM026a', 'GN0268', 'G M0268', '0268']) {
      expect(leesGemeenteCode(cel), cel).toEqual({ ok: false, melding: 'is geen CBS-gemeentecode (GM gevolgd door 4 cijfers, zoals GM0268)' });
    }
  });
});

describe('controleerRij at its boundaries', () => {
  const basis = { registratie_id: 'R1', soort: 'melding', datum_binnenkomst: '2024-03-01', gemeente_code: 'GM0268', melder_categorie: 'politie' };
  const fouten = (extra: Record<string, RawCell>) => {
    const res = controleerRij({ ...basis, ...extra }, ctx);
    return res.ok ? [] : res.fouten.map((f) => `${f.kolom}|${f.waarde}|${f.melding}`);
  };

  it('empty cells: empty, blank, a no-break space, null and undefined all count as missing', () => {
    for (const leeg of ['', '   ', '\u00a0', '\t', null, undefined]) {
      expect(fouten({ registratie_id: leeg }), JSON.stringify(leeg)).toEqual(['registratie_id||registratie_id is verplicht en ontbreekt']);
    }
    expect(fouten({ beroepsgroep: ' ', datum_afgesloten: '\u00a0', spoed: '' })).toEqual([]);
  });

  it('registratie_id: 64 characters, not 65; a control character anywhere, also at an end', () => {
    expect(fouten({ registratie_id: 'x'.repeat(64) })).toEqual([]);
    expect(fouten({ registratie_id: 'x'.repeat(65) })).toEqual([`registratie_id|${'x'.repeat(65)}|registratie_id is 65 tekens lang; het maximum is 64`]);
    for (const id of ['R1\t', '\nR1', 'R\u00001', 'R\u001f1', 'R\u007f1']) {
      expect(fouten({ registratie_id: id }), JSON.stringify(id)).toHaveLength(1);
    }
    expect(fouten({ registratie_id: 'R\u00801' })).toEqual([]);
  });

  it('dates: 2015-01-01 and the ingest day are in, the days around them are out', () => {
    expect(fouten({ datum_binnenkomst: '2015-01-01' })).toEqual([]);
    expect(fouten({ datum_binnenkomst: '2024-06-30' })).toEqual([]);
    expect(fouten({ datum_binnenkomst: '2014-12-31' })).toEqual([
      'datum_binnenkomst|2014-12-31|datum 2014-12-31 ligt vóór 2015-01-01, de start van Veilig Thuis',
    ]);
    expect(fouten({ datum_binnenkomst: '2024-07-01' })).toEqual(['datum_binnenkomst|2024-07-01|datum 2024-07-01 ligt in de toekomst (na 2024-06-30)']);
    expect(fouten({ datum_afgesloten: '2024-03-01' })).toEqual([]);
    expect(fouten({ datum_afgesloten: '29-02-2024' })).toEqual(['datum_afgesloten|29-02-2024|datum 2024-02-29 ligt vóór datum_binnenkomst (2024-03-01)']);
  });

  it('the registration has the columns of the format in their order, whatever the order of the record', () => {
    const res = controleerRij(
      { melder_categorie: 'politie', gemeente_code: 'GM0268', datum_binnenkomst: '2024-03-01', soort: 'melding', registratie_id: 'R1' },
      ctx,
    );
    expect(res.ok && Object.keys(res.registratie)).toEqual(COLUMN_NAMES);
  });

  it('cellenVan and registratieVan name every column of COLUMNS, in order', () => {
    const raw = Object.fromEntries(COLUMN_NAMES.map((c) => [c, `cel ${c}`]));
    expect(cellenVan(raw)).toEqual(COLUMN_NAMES.map((c) => `cel ${c}`));
    const r = registratieVan(COLUMN_NAMES);
    expect(Object.entries(r)).toEqual(COLUMN_NAMES.map((c) => [c, c]));
    expect(Object.keys(r)).toEqual(Object.keys(kolomObject(null)));
  });
});

describe('rijHash', () => {
  it('hashes the text of the loop over COLUMN_NAMES, byte for byte (a stored value)', () => {
    // every column a different value: a column left out or out of order changes the text
    const r = Object.fromEntries(COLUMN_NAMES.map((c, i) => [c, i % 3 === 0 ? null : i % 3 === 1 ? `w${i}é` : i])) as unknown as Registratie;
    let tekst = '';
    for (const c of COLUMN_NAMES) tekst += `${(r as unknown as Record<string, unknown>)[c] ?? '\u0000'}\u001f`;
    expect(rijHashTekst(r)).toBe(tekst);
    expect(rijHash(r)).toBe(hash('sha1', tekst, 'hex'));
    expect(rijHash(r)).toBe(oud.rijHash(r));
  });
});

/** A pool of cells per column kind, chosen to sit on and around every boundary of the rules. */
function cel(r: Random, kind: string, values: readonly string[]): RawCell {
  const kies = <T>(lijst: readonly T[]): T => lijst[r.int(0, lijst.length - 1)]!;
  const rand = () => kies(['', ' ', '\t', '\u00a0', '\u3000', '\n']);
  const omhul = (s: string) => (r.chance(0.15) ? `${rand()}${s}${rand()}` : s);
  const hoofd = (s: string) => (r.chance(0.5) ? s.toUpperCase() : s.charAt(0).toUpperCase() + s.slice(1));
  const leeg = () => kies<RawCell>(['', ' ', null, undefined, '\u00a0']);
  if (r.chance(0.12)) return leeg();
  switch (kind) {
    case 'text':
      return omhul(
        kies([
          'R1',
          'VT-20240301-0001',
          'x'.repeat(64),
          'x'.repeat(65),
          'R\t1',
          'R1\r',
          '\u0000',
          'R\u007f',
          'é€',
          '=1+1',
          'Nijmegen',
          'nijmegen',
          'West Maas en Waal',
          'Atlantis',
          'Groesbeek',
          'Druten',
          'Berg en Dal',
          'GM0268',
        ]),
      );
    case 'code': {
      const v = kies(values);
      return omhul(kies([v, v, v, hoofd(v), `${v}x`, v.slice(1), v.replace(/k/g, '\u212A'), 'onbekend', '1']));
    }
    case 'boolean':
      return kies<RawCell>(['ja', 'nee', 'J', 'N', '1', '0', 'true', 'FALSE', ' ja', 'Nee ', 'misschien', true, false, 1, 0, 2]);
    case 'gemeente_code':
      return omhul(kies(['GM0268', 'GM1945', 'GM0209', 'gm0281', 'Gm0668', 'GM9999', 'GM026', 'GM02681', 'GM02a8', 'G0268']));
    default: {
      if (r.chance(0.04)) return kies<RawCell>([new Date(Date.UTC(2024, 2, 4)), new Date(Date.UTC(2014, 11, 31)), new Date(Number.NaN), 45000]);
      // days around the boundaries: 2015-01-01, datum_binnenkomst, the ingest day, month ends, leap days
      const dagen = [
        '2014-12-31',
        '2015-01-01',
        '2015-01-02',
        '2024-02-28',
        '2024-02-29',
        '2024-03-01',
        '2024-03-02',
        '2024-03-15',
        '2024-04-30',
        '2024-06-29',
        '2024-06-30',
        '2024-07-01',
        '2023-02-29',
        '2024-02-30',
        '2024-13-01',
        '2024-00-01',
      ];
      const d = kies(dagen);
      const [j, m, dd] = d.split('-');
      return omhul(
        kies([d, d, d, `${dd}-${m}-${j}`, `${Number(dd)}-${Number(m)}-${j}`, `${j}-${Number(m)}-${Number(dd)}`, `${j}/${m}/${dd}`, `${d}x`, '２０２４-03-01']),
      );
    }
  }
}

/** Valid registrations of each shape, to change a few cells of. */
const GELDIG: readonly Record<string, string>[] = [
  {
    registratie_id: 'R1',
    soort: 'melding',
    datum_binnenkomst: '2024-03-01',
    gemeente_code: 'GM0268',
    melder_categorie: 'politie',
    kanaal: 'telefoon',
    aard_geweld: 'partnergeweld',
    spoed: 'nee',
    eerdere_betrokkenheid: 'hermelding',
    datum_veiligheidsbeoordeling: '2024-03-04',
    besluit_veiligheidsbeoordeling: 'vervolg_veilig_thuis',
    datum_besluit_vervolg: '2024-03-15',
    vervolg: 'onderzoek',
    datum_start_onderzoek: '2024-03-15',
    datum_einde_onderzoek: '2024-06-29',
    uitkomst_onderzoek: 'bevestigd',
    datum_overdracht: '2024-06-29',
    overdracht_aan: 'lokaal_team',
    monitoring: 'ja',
    datum_monitoring_3m: '2024-06-30',
    datum_afgesloten: '2024-06-30',
  },
  {
    registratie_id: 'A7',
    soort: 'advies',
    datum_binnenkomst: '2015-01-01',
    gemeente: 'Nijmegen',
    melder_categorie: 'niet_professional',
    kanaal: 'mail',
    monitoring: 'nee',
    datum_afgesloten: '2015-01-02',
  },
  {
    registratie_id: 'VT-3',
    soort: 'Melding',
    datum_binnenkomst: '29-02-2024',
    gemeente_code: 'gm1945',
    melder_categorie: 'OVERIGE_PROFESSIONAL',
    beroepsgroep: 'huisarts',
    datum_veiligheidsbeoordeling: '2024-03-01',
    besluit_veiligheidsbeoordeling: 'vervolg_veilig_thuis',
    datum_besluit_vervolg: '1-3-2024',
    vervolg: 'voorwaarden_en_vervolg',
    datum_start_vv: '2024-03-01',
    datum_einde_vv: '2024-03-01',
  },
];

function rijVan(r: Random): Record<string, RawCell> {
  const cellVan = (col: (typeof COLUMNS)[number]) => cel(r, col.type.kind, col.type.kind === 'code' ? col.type.values : []);
  if (r.chance(0.7)) {
    // a valid registration with up to three cells changed (or left out of the file)
    const raw: Record<string, RawCell> = { ...GELDIG[r.int(0, GELDIG.length - 1)]! };
    for (let k = r.int(0, 3); k > 0; k--) {
      const col = COLUMNS[r.int(0, COLUMNS.length - 1)]!;
      if (r.chance(0.1)) delete raw[col.name];
      else raw[col.name] = cellVan(col);
    }
    return raw;
  }
  const raw: Record<string, RawCell> = {};
  for (const col of COLUMNS) {
    // a column the file does not carry is absent from the record
    if (!r.chance(0.03)) raw[col.name] = cellVan(col);
  }
  if (r.chance(0.3)) raw.gemeente_code = '';
  if (r.chance(0.5)) raw.soort = r.chance(0.5) ? 'advies' : 'melding';
  if (r.chance(0.6)) raw.datum_binnenkomst = '2024-03-01';
  return raw;
}

describe('the same answers as the former implementation, on random rows (seeded)', () => {
  // compared with isDeepStrictEqual (stricter than toEqual: undefined keys and prototypes count) and
  // handed to expect only when they differ: 100.000 expect calls with a JSON message took most of this file's time
  const verschil = (wat: () => string, nieuw: unknown, verwacht: unknown) => (isDeepStrictEqual(nieuw, verwacht) ? [] : [{ wat: wat(), nieuw, verwacht }]);
  const RIJEN = 20_000;
  it(`controleerRij, controleerCellen and controleerSamengevoegd on ${RIJEN.toLocaleString('nl-NL')} rows; rijHash of every valid one`, () => {
    const r = new Random(18);
    let geldig = 0;
    let afgewezen = 0;
    const verschillen: { wat: string; nieuw: unknown; verwacht: unknown }[] = [];
    for (let n = 0; n < RIJEN && verschillen.length < 5; n++) {
      const raw = rijVan(r);
      const alleenVelden = r.chance(0.2);
      const rowCtx = { ...ctx, regel: n + 2 };
      const verwacht = oud.controleerRij(raw, rowCtx, { alleenVelden });
      const nieuw = controleerRij(raw, rowCtx, { alleenVelden });
      verschillen.push(...verschil(() => `controleerRij ${JSON.stringify(raw)}`, nieuw, verwacht));
      verschillen.push(...verschil(() => `controleerCellen ${JSON.stringify(raw)}`, controleerCellen(cellenVan(raw), rowCtx, { alleenVelden }), verwacht));
      if (nieuw.ok) {
        geldig++;
        verschillen.push(...verschil(() => 'kolommen', Object.keys(nieuw.registratie), COLUMN_NAMES));
        verschillen.push(...verschil(() => 'rijHash', rijHash(nieuw.registratie), oud.rijHash(nieuw.registratie)));
        verschillen.push(
          ...verschil(() => 'controleerSamengevoegd', controleerSamengevoegd(nieuw.registratie, rowCtx), oud.controleerSamengevoegd(nieuw.registratie, rowCtx)),
        );
      } else afgewezen++;
      // a merged registration need not satisfy the rules: check the rules on the raw values too
      const samengevoegd = { ...kolomObject(null), ...raw } as unknown as Registratie;
      verschillen.push(
        ...verschil(() => 'controleerSamengevoegd (ruw)', controleerSamengevoegd(samengevoegd, rowCtx), oud.controleerSamengevoegd(samengevoegd, rowCtx)),
      );
    }
    expect(verschillen).toEqual([]);
    // both outcomes are well represented, or the comparison proves little
    expect(geldig).toBeGreaterThan(RIJEN / 5);
    expect(afgewezen).toBeGreaterThan(RIJEN / 2);
  });

  it('each cell parser on random cells', () => {
    const r = new Random(7);
    const verschillen: { wat: string; nieuw: unknown; verwacht: unknown }[] = [];
    for (let n = 0; n < 20_000 && verschillen.length < 5; n++) {
      const col = COLUMNS[r.int(0, COLUMNS.length - 1)]!;
      const c = cel(r, col.type.kind, col.type.kind === 'code' ? col.type.values : ['advies', 'melding']);
      const values = col.type.kind === 'code' ? col.type.values : ['advies', 'melding'];
      verschillen.push(
        ...verschil(() => `cellText ${String(c)}`, cellText(c), oud.cellText(c)),
        ...verschil(() => `leesDatum ${String(c)}`, leesDatum(c), oud.leesDatum(c)),
        ...verschil(() => `leesJaNee ${String(c)}`, leesJaNee(c), oud.leesJaNee(c)),
        ...verschil(() => `leesGemeenteCode ${String(c)}`, leesGemeenteCode(c), oud.leesGemeenteCode(c)),
        ...verschil(() => `codeParser ${String(c)}`, codeParser(values)(c), oud.codeParser(values)(c)),
      );
    }
    expect(verschillen).toEqual([]);
  });
});
