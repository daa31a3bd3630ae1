import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDeps } from '../../server/import/service.js';
import { COLUMN_NAMES, type Registratie } from '../../server/registraties/schema.js';
import { rijHash } from '../../server/import/hash.js';
import { ImportAfgewezen, importeer, type ImportSamenvatting } from '../../server/import/importer.js';
import { herberekenIndicatoren } from '../../server/indicatoren/herbereken.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { zipBom } from '../helpers/zip.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext('2024-12-31');
});
afterEach(async () => {
  await ctx.close();
});

let volgnummer = 0;
/** Writes `tekst` (or bytes) as a file and imports it through the worker path; the error (if any) is returned. */
async function importeerTekst(tekst: string | Buffer, naam = `bestand-${++volgnummer}.csv`): Promise<{ s?: ImportSamenvatting; fout?: ImportAfgewezen }> {
  const pad = join(ctx.dir, naam);
  writeFileSync(pad, tekst);
  try {
    return { s: await importeer(importDeps(ctx), [{ bestand: naam, sha256: 'x', pad }], { door: 'test' }) };
  } catch (error) {
    if (error instanceof ImportAfgewezen) return { fout: error };
    throw error;
  }
}

const VOL = COLUMN_NAMES.join(';');
/** The encoding is sniffed from the first megabyte: a long ignored cell per line carries a file past it in few rows. */
const MEGABYTE = 1024 * 1024;
const OPVULLING = 'o'.repeat(1_000);
/** Text as UTF-32, little- or big-endian, without BOM. */
const utf32 = (tekst: string, volgorde: 'le' | 'be') => {
  const punten = [...tekst].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(punten.length * 4);
  punten.forEach((p, i) => (volgorde === 'le' ? b.writeUInt32LE(p, i * 4) : b.writeUInt32BE(p, i * 4)));
  return b;
};
/** A full line in COLUMN_NAMES order from a partial record. */
const volRegel = (r: Partial<Record<string, string>>) => COLUMN_NAMES.map((c) => r[c] ?? '').join(';');

const R1 = {
  registratie_id: 'R1',
  soort: 'melding',
  datum_binnenkomst: '2024-01-08',
  gemeente_code: 'GM0268',
  gemeente: 'Nijmegen',
  melder_categorie: 'overige_professional',
  beroepsgroep: 'onderwijs',
  kanaal: 'telefoon',
  aard_geweld: 'kindermishandeling',
  spoed: 'nee',
  eerdere_betrokkenheid: 'eerste_melding',
  datum_veiligheidsbeoordeling: '2024-01-10',
  besluit_veiligheidsbeoordeling: 'vervolg_veilig_thuis',
  datum_besluit_vervolg: '2024-01-20',
  vervolg: 'onderzoek',
  datum_start_onderzoek: '2024-01-22',
  datum_einde_onderzoek: '2024-03-15',
  uitkomst_onderzoek: 'bevestigd',
  datum_overdracht: '2024-03-20',
  overdracht_aan: 'lokaal_team',
  monitoring: 'ja',
  datum_monitoring_3m: '2024-06-20',
  datum_einde_monitoring: '2024-09-30',
  datum_afgesloten: '2024-10-01',
};
const R2 = {
  registratie_id: 'R2',
  soort: 'melding',
  datum_binnenkomst: '2024-02-05',
  gemeente_code: 'GM0281',
  melder_categorie: 'politie',
  datum_veiligheidsbeoordeling: '2024-02-07',
  besluit_veiligheidsbeoordeling: 'vervolg_veilig_thuis',
  datum_besluit_vervolg: '2024-02-12',
  vervolg: 'voorwaarden_en_vervolg',
  datum_start_vv: '2024-02-14',
};

const opgeslagen = async () => (await ctx.db('registraties').select('*').orderBy('registratie_id')) as Record<string, unknown>[];
const indicatoren = () => ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']);

/** A stored row must carry its own hash; the kept counts must equal a full pass over what is stored. */
async function controleerAfgeleid(rij: Record<string, unknown>) {
  const r = Object.fromEntries(COLUMN_NAMES.map((c) => [c, rij[c] ?? null])) as unknown as Registratie;
  expect(rij.rij_hash).toBe(rijHash(r));
  expect(await verschilMetVolledigeTelling(ctx.db, ctx.regio, ctx.kalender)).toEqual([]);
}

describe('a file changes only the columns it carries', () => {
  it('a narrower file after a full one keeps every stored value it does not carry, exactly', async () => {
    expect((await importeerTekst(`${VOL}\n${volRegel(R1)}\n${volRegel(R2)}\n`)).s).toMatchObject({ nieuw: 2 });
    const voor = await opgeslagen();
    // the narrow export of the issue: a new melder_categorie for R1, R2 unchanged, one new registration
    const { s } = await importeerTekst(
      'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\n' +
        'R1;melding;2024-01-08;GM0268;niet_professional\nR2;melding;2024-02-05;GM0281;politie\n' +
        'R3;advies;2024-03-01;GM0209;politie\n',
    );
    expect(s).toMatchObject({ nieuw: 1, gewijzigd: 1, ongewijzigd: 1, afgewezen: 0 });
    const na = await opgeslagen();
    const [r1, r2, r3] = na;
    for (const c of COLUMN_NAMES) {
      if (c === 'melder_categorie') continue;
      expect(r1![c], `R1.${c}`).toEqual(voor[0]![c]);
    }
    expect(r1!.melder_categorie).toBe('niet_professional');
    expect(r1).toMatchObject({
      datum_veiligheidsbeoordeling: '2024-01-10',
      datum_einde_onderzoek: '2024-03-15',
      overdracht_aan: 'lokaal_team',
      monitoring: 1,
      gemeente: 'Nijmegen',
    });
    expect(r2).toEqual(voor[1]);
    expect(r3).toMatchObject({ soort: 'advies', gemeente_code: 'GM0209', datum_veiligheidsbeoordeling: null });
    for (const rij of na) await controleerAfgeleid(rij);
    // the indicators refreshed from the merged registrations equal a full rebuild
    const incrementeel = await indicatoren();
    await ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null));
    expect(incrementeel).toEqual(await indicatoren());
  });

  it('an empty cell in a carried column clears it; the merge is checked against the rules', async () => {
    await importeerTekst(`${VOL}\n${volRegel(R1)}\n${volRegel(R2)}\n`);
    // clearing the monitoring dates of R1 is what a newer export says
    const { s } = await importeerTekst(
      'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie;datum_einde_monitoring\nR1;melding;2024-01-08;GM0268;overige_professional;\n',
    );
    expect(s).toMatchObject({ gewijzigd: 1 });
    const [r1] = await opgeslagen();
    expect(r1).toMatchObject({ datum_einde_monitoring: null, datum_monitoring_3m: '2024-06-20' });
    await controleerAfgeleid(r1!);
    // an end before the stored start: refused, named with the merged value
    const voor = await opgeslagen();
    const { fout } = await importeerTekst(
      'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie;datum_einde_vv\nR2;melding;2024-02-05;GM0281;politie;2024-02-10\n',
      'eind.csv',
    );
    expect(fout!.samenvatting.fouten).toEqual([
      expect.objectContaining({
        bestand: 'eind.csv',
        regel: 2,
        kolom: 'datum_einde_vv',
        waarde: '2024-02-10',
        melding: 'datum_einde_vv (2024-02-10) ligt vóór datum_start_vv (2024-02-14) (na samenvoegen met de opgeslagen registratie)',
      }),
    ]);
    // a VB date without its decision in a file that does not carry the decision: the stored one counts
    expect(
      (
        await importeerTekst(
          'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie;datum_veiligheidsbeoordeling\n' +
            'R2;melding;2024-02-05;GM0281;politie;2024-02-08\n',
        )
      ).s,
    ).toMatchObject({ gewijzigd: 1 });
    expect((await opgeslagen())[1]).toMatchObject({ datum_veiligheidsbeoordeling: '2024-02-08', besluit_veiligheidsbeoordeling: 'vervolg_veilig_thuis' });
    expect(voor.length).toBe(2);
  });

  it('a file with gemeente names but no codes keeps the stored name-derived code; without any gemeente column it is refused on line 1', async () => {
    await importeerTekst(`${VOL}\n${volRegel(R1)}\n`);
    const voor = await opgeslagen();
    const { fout } = await importeerTekst('registratie_id;soort;datum_binnenkomst;melder_categorie\nR1;melding;2024-01-08;politie\n', 'zonder.csv');
    expect(fout!.samenvatting.weigering).toBe('zonder.csv: regel 1: de kopregel noemt geen gemeente_code en geen gemeente; een van beide is verplicht');
    expect(await opgeslagen()).toEqual(voor);
    expect(
      (await importeerTekst('registratie_id;soort;datum_binnenkomst;gemeente;melder_categorie\nR1;melding;2024-01-08;Tiel;overige_professional\n')).s,
    ).toMatchObject({ gewijzigd: 1 });
    expect((await opgeslagen())[0]).toMatchObject({ gemeente_code: 'GM0281', gemeente: 'Tiel', datum_veiligheidsbeoordeling: '2024-01-10' });
  });
});

describe('rows and values that are refused', () => {
  it('a line with more or fewer fields than the header, a file cut off mid-row', async () => {
    const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie;kanaal;aard_geweld;spoed;monitoring;datum_afgesloten';
    const { fout } = await importeerTekst(
      `${kop}\nA1;advies;2024-01-02;GM0268;politie;;;;;\nA2;advies;2024-01-02;GM0268;politie;;;;;;\nA3;advies\n`,
      'velden.csv',
    );
    expect(fout!.samenvatting.fouten.map((f) => f.melding)).toEqual(['regel 3: 11 velden, de kop heeft 10', 'regel 4: 2 velden, de kop heeft 10']);
    const afgebroken = await importeerTekst(`${kop}\nA1;advies;2024-01-02;GM0268;politie;;;;;\nA2;advies;2024-01-0`, 'afgebroken.csv');
    expect(afgebroken.fout!.samenvatting.fouten).toEqual([expect.objectContaining({ regel: 3, melding: 'regel 3: 3 velden, de kop heeft 10' })]);
    expect(await opgeslagen()).toEqual([]);
  });

  it('registratie_id of more than 64 characters or with control characters; dates before 2015 or after the ingest day', async () => {
    const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie';
    const { fout } = await importeerTekst(
      `${kop}\n${'x'.repeat(65)};advies;2024-01-02;GM0268;politie\n` +
        `A\u0000B;advies;2024-01-02;GM0268;politie\nA\tC;advies;2024-01-02;GM0268;politie\n` +
        `"A\nD";advies;2024-01-02;GM0268;politie\nB1;advies;1900-01-01;GM0268;politie\n` +
        `B2;advies;2014-12-31;GM0268;politie\nB3;advies;2025-01-01;GM0268;politie\n` +
        `B4;advies;2015-01-01;GM0268;politie\n`,
      'ids.csv',
    );
    expect(fout!.samenvatting.fouten.map((f) => [f.regel, f.kolom, f.melding])).toEqual([
      [2, 'registratie_id', 'registratie_id is 65 tekens lang; het maximum is 64'],
      [3, 'registratie_id', 'registratie_id bevat een stuurteken (zoals NUL, CR, LF of TAB)'],
      [4, 'registratie_id', 'registratie_id bevat een stuurteken (zoals NUL, CR, LF of TAB)'],
      [6, 'registratie_id', 'registratie_id bevat een stuurteken (zoals NUL, CR, LF of TAB)'],
      [7, 'datum_binnenkomst', 'datum 1900-01-01 ligt vóór 2015-01-01, de start van Veilig Thuis'],
      [8, 'datum_binnenkomst', 'datum 2014-12-31 ligt vóór 2015-01-01, de start van Veilig Thuis'],
      [9, 'datum_binnenkomst', 'datum 2025-01-01 ligt in de toekomst (na 2024-12-31)'],
    ]);
    expect(fout!.samenvatting.fouten[1]!.waarde).toBe('A\\x00B');
  });
});

describe('every file gets a located Dutch answer', () => {
  const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie';
  const gevallen: [string, () => string | Buffer, RegExp][] = [
    ['leeg.csv', () => '', /^leeg\.csv: het bestand is leeg$/],
    ['alleen-bom.csv', () => '\uFEFF\r\n', /^alleen-bom\.csv: het bestand is leeg$/],
    ['utf16.csv', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${kop}\r\n`, 'utf16le')]), /^utf16\.csv: het bestand is als UTF-16/],
    ['utf16-zonder-bom.csv', () => iconv.encode(`${kop}\r\n`, 'utf16le'), /^utf16-zonder-bom\.csv: het bestand is als UTF-16/],
    // UTF-32 (little-endian with its BOM, big-endian without): not UTF-16
    [
      'utf32.csv',
      () => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(`${kop}\r\n`, 'le')]),
      /^utf32\.csv: het bestand is als UTF-32 \(Unicode\) opgeslagen; sla het op als CSV UTF-8 of als Windows-1252-CSV$/,
    ],
    ['utf32-be-zonder-bom.csv', () => utf32(`${kop}\r\n`, 'be'), /^utf32-be-zonder-bom\.csv: het bestand is als UTF-32 \(Unicode\) opgeslagen/],
    ['export.csv.gz', () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), /^export\.csv\.gz: dit is een gzip-bestand/],
    ['binair.csv', () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /^binair\.csv: (is geen CSV-bestand|regel \d+: )/],
    ['geen-zip.xlsx', () => 'registratie_id;soort\n', /^geen-zip\.xlsx: is geen geldig Excel-bestand \(xlsx\): het is geen zip-archief$/],
    [
      'afgebroken.xlsx',
      () => Buffer.from('PK\u0003\u0004 afgebroken zip zonder centrale map'),
      /^afgebroken\.xlsx: is geen geldig Excel-bestand \(xlsx\): het zip-archief is beschadigd of afgebroken$/,
    ],
    ['oud.xls', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^oud\.xls: dit is een oud Excel-bestand/],
    [
      'onbekend.csv',
      () => 'naam;adres;telefoon\nJan;Straat 1;06\n',
      /^onbekend\.csv: regel 1: de kopregel bevat geen enkele kolom van het exportformaat \(gevonden: "naam", "adres", "telefoon"\)/,
    ],
    ['alleen-kop.csv', () => `${kop}\r\n`, /^alleen-kop\.csv: regel 2: het bestand bevat alleen een kopregel en geen enkele registratie$/],
    [
      'dubbel.csv',
      () => `${kop};soort\nA;advies;2024-01-02;GM0268;politie;melding\n`,
      /^dubbel\.csv: regel 1: kolom soort staat meer dan eens in de kopregel$/,
    ],
    // UTF-8 from its first non-ASCII character (in an ignored column), an invalid byte after the first megabyte
    // (distinct ids: a repeated id makes the importer write the earlier line first; 1.200 lines of over 1.000
    // characters, a long ignored cell each, carry the byte past the megabyte without 40.000 rows to validate)
    [
      'utf8-laat.csv',
      () => {
        const voor = Buffer.from(
          `${kop};opmerking cliënt\n${Array.from({ length: 1_200 }, (_, i) => `A${i};advies;2024-01-02;GM0268;politie;${OPVULLING}\n`).join('')}`,
        );
        expect(voor.length).toBeGreaterThan(MEGABYTE);
        return Buffer.concat([voor, Buffer.from([0x41, 0xff, 0x3b, 0x0a])]);
      },
      /^utf8-laat\.csv: regel 1202: bevat ongeldige UTF-8/,
    ],
    ['regel-te-lang.csv', () => `${kop}\nA;${'x'.repeat(1_200_000)}`, /^regel-te-lang\.csv: regel 2: de regel is langer dan 1 miljoen tekens/],
  ];
  for (const [naam, maak, verwacht] of gevallen) {
    it(`${naam}: refused with one Dutch line, recorded, nothing stored`, async () => {
      const { fout, s } = await importeerTekst(maak(), naam);
      expect(s).toBeUndefined();
      expect(fout!.samenvatting.weigering).toMatch(verwacht);
      expect(await opgeslagen()).toEqual([]);
      expect(await ctx.db('importbatches').select('status', 'bestand')).toEqual([{ status: 'afgewezen', bestand: naam }]);
    });
  }

  it('pure ASCII for more than the first megabyte, then Windows-1252: read as Windows-1252', async () => {
    const regels = Array.from({ length: 1_200 }, (_, i) => `W${i};advies;2024-01-02;GM0268;politie;${OPVULLING}`).join('\n');
    const ascii = Buffer.from(`${kop};opmerking\n${regels}\nW-laat;advies;2024-01-02;GM0268;politie;`);
    expect(ascii.length).toBeGreaterThan(MEGABYTE);
    const { s } = await importeerTekst(Buffer.concat([ascii, iconv.encode('café', 'win1252'), Buffer.from('\n')]), 'laat-1252.csv');
    expect(s).toMatchObject({ nieuw: 1_201, afgewezen: 0 });
  });

  it('an XLSX whose data is on the second sheet only; a zip bomb is refused before it is inflated', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leeg');
    const ws = wb.addWorksheet('Export');
    ws.addRow(kop.split(';'));
    ws.addRow(['A1', 'advies', '2024-01-02', 'GM0268', 'politie']);
    const pad = join(ctx.dir, 'tweede.xlsx');
    await wb.xlsx.writeFile(pad);
    const tweede = await importeer(importDeps(ctx), [{ bestand: 'tweede.xlsx', sha256: 'x', pad }], { door: 'test' }).catch(
      (e: unknown) => e as ImportAfgewezen,
    );
    expect((tweede as ImportAfgewezen).samenvatting.weigering).toBe(
      'tweede.xlsx: het eerste werkblad is leeg; de gegevens staan op werkblad 2 ("Export"). Zet de export op het eerste werkblad',
    );

    // a workbook whose sheet inflates to 200 MB of repeated cells (~1000 : 1)
    const bomPad = join(ctx.dir, 'bom.xlsx');
    writeFileSync(bomPad, await zipBom(200 * 1024 * 1024));
    const start = process.memoryUsage().rss;
    const fout = await importeer(importDeps(ctx), [{ bestand: 'bom.xlsx', sha256: 'x', pad: bomPad }], { door: 'test' }).catch(
      (e: unknown) => e as ImportAfgewezen,
    );
    expect((fout as ImportAfgewezen).samenvatting.weigering).toMatch(
      /^bom\.xlsx: is geen normaal Excel-bestand: onderdeel xl\/worksheets\/sheet1\.xml pakt uit tot 200 MB, meer dan 100 keer/,
    );
    expect(process.memoryUsage().rss - start).toBeLessThan(100 * 1024 * 1024);
    expect(await opgeslagen()).toEqual([]);
  });
});

describe('plausibility warnings', () => {
  it('a quarter jump, a code outside the region that CBS never used, ids that look like formulas: loaded, with warnings', async () => {
    const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie';
    const regels: string[] = [];
    // GM0281 (Tiel): 4 a quarter through 2023, then 13 in 2024-Q1 (> 3 × 4); GM0268: 4, 4, 4, 4, then 12 (not more than 3 ×)
    let n = 0;
    for (const maand of ['02', '05', '08', '11']) {
      for (let i = 0; i < 4; i++) regels.push(`T${++n};advies;2023-${maand}-0${i + 1};GM0281;politie`, `N${n};advies;2023-${maand}-0${i + 1};GM0268;politie`);
    }
    for (let i = 0; i < 13; i++) regels.push(`T${++n};advies;2024-02-0${(i % 9) + 1};GM0281;politie`);
    for (let i = 0; i < 12; i++) regels.push(`N${++n};advies;2024-02-0${(i % 9) + 1};GM0268;politie`);
    regels.push(
      'X1;advies;2024-02-01;GM0363;politie',
      'X2;advies;2024-02-01;GM9999;politie',
      '=HYPERLINK("x");advies;2024-02-01;GM0209;politie',
      '@SUM;advies;2024-02-01;GM0209;politie',
    );
    const { s } = await importeerTekst(`${kop}\n${regels.join('\n')}\n`, 'plausibel.csv');
    expect(s!.geladen).toBe(true);
    expect(s!.waarschuwingen.map((w) => w.soort).sort()).toEqual(['formule_id', 'kwartaal_sprong', 'onbekende_gemeentecode']);
    const melding = (soort: string) => s!.waarschuwingen.find((w) => w.soort === soort)!.melding;
    expect(melding('kwartaal_sprong')).toBe(
      'Tiel (GM0281) heeft in 2024-Q1 13 registraties in dit bestand, meer dan 3 keer het gemiddelde ' +
        'van de vier kwartalen ervoor (4); controleer de gemeentecodes en de periode van de export',
    );
    expect(melding('onbekende_gemeentecode')).toMatch(/^gemeente_code GM9999 ligt buiten de regio en is geen bekende CBS-gemeentecode \(regel \d+\)/);
    expect(melding('formule_id')).toMatch(/^2 registratie_id\('s\) beginnen met =, \+, - of @/);
    const [batch] = await ctx.db('importbatches').select('waarschuwingen');
    expect(JSON.parse(batch.waarschuwingen as string)).toHaveLength(3);
  });
});

describe('the web upload', () => {
  it('an .xlsx that is no zip, a zip bomb, a file without a gemeente column: 400 in Dutch, recorded and audited as refused; a warning shows', async () => {
    const { startServer, sessieAls } = await import('../helpers/server.js');
    const { server, base } = await startServer(ctx);
    try {
      const s = await sessieAls(ctx, 'beheerder');
      const stuur = async (inhoud: Buffer | string, naam: string) => {
        const form = new FormData();
        form.set('soort', 'registraties');
        form.set('bestand', new Blob([typeof inhoud === 'string' ? inhoud : new Uint8Array(inhoud)]), naam);
        const res = await s.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': s.csrf } });
        return { status: res.status, html: await res.text() };
      };
      const geenZip = await stuur('registratie_id;soort\nA;advies\n', 'export.xlsx');
      expect(geenZip.status).toBe(400);
      expect(geenZip.html).toContain('export.xlsx: is geen geldig Excel-bestand (xlsx): het is geen zip-archief');
      const bom = await stuur(await zipBom(300 * 1024 * 1024), 'bom.xlsx');
      expect(bom.status).toBe(400);
      expect(bom.html).toContain('bom.xlsx: is geen normaal Excel-bestand');
      const zonder = await stuur('registratie_id;soort;datum_binnenkomst;melder_categorie\nA;advies;2024-01-02;politie\n', 'zonder.csv');
      expect(zonder.status).toBe(400);
      expect(zonder.html).toContain('zonder.csv: regel 1: de kopregel noemt geen gemeente_code en geen gemeente');
      const goed = await stuur('registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\n=1+1;advies;2024-01-02;GM0268;politie\n', 'formule.csv');
      expect(goed.status).toBe(200);
      expect(goed.html).toContain('id="waarschuwingen"');
      expect(goed.html).toContain('registratie_id(&#x27;s) beginnen met');
      const { leegWachtrij } = await import('../../server/db/schrijfwachtrij.js');
      await leegWachtrij(ctx.db);
      expect(await ctx.db('importbatches').select('bestand', 'status').orderBy('id')).toEqual([
        { bestand: 'export.xlsx', status: 'afgewezen' },
        { bestand: 'bom.xlsx', status: 'afgewezen' },
        { bestand: 'zonder.csv', status: 'afgewezen' },
        { bestand: 'formule.csv', status: 'geladen' },
      ]);
      const audit = (await ctx.db('audit_log').whereIn('actie', ['import', 'import_afgewezen']).select('actie', 'details').orderBy('id')) as {
        actie: string;
        details: string;
      }[];
      expect(audit.map((a) => [a.actie, JSON.parse(a.details).bestand])).toEqual([
        ['import_afgewezen', 'export.xlsx'],
        ['import_afgewezen', 'bom.xlsx'],
        ['import_afgewezen', 'zonder.csv'],
        ['import', 'formule.csv'],
      ]);
      expect(JSON.parse(audit[0]!.details).weigering).toBe('export.xlsx: is geen geldig Excel-bestand (xlsx): het is geen zip-archief.');
    } finally {
      server.close();
    }
  });
});
