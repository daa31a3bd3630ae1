import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Tabel } from '../../../server/shared/tabel.js';
import {
  alsCsv,
  alsWerkboek,
  bladnaamVan,
  geldigeBladnaam,
  kolomsoorten,
  metTekens,
  uniekeKoppen,
  type Toelichting,
} from '../../../server/export/tabel-export.js';

/** A hand-made open-work table: counts, a hidden count (null), an exact zero, a share, a provisional quarter. */
const OPEN_WERK: Tabel = {
  kolommen: ['Kwartaal', 'Open VB', 'waarvan over termijn', 'Lopende V&V', 'waarvan over termijn', '% binnen termijn'],
  rijen: [
    ['Q1 2024', 1527, 12, null, 0, 29.4],
    ['Q2 2024*', 5, null, 7, 3, 100],
  ],
};

const PER_WEEK: Tabel = {
  kolommen: ['Week (maandag)', 'Veiligheidsbeoordelingen', 'Per 1.000 inwoners'],
  rijen: [
    ['2024-01-01', 36, 2.85],
    ['2024-01-08', 0, 0.5],
  ],
};

const GELD: Tabel = {
  kolommen: ['Post', 'Realisatie (€)', 'Begroting (€)'],
  rijen: [
    ['Subsidie gemeenten', 2084000, 2100000],
    ['Lasten vorig boekjaar', -25000, '–'],
  ],
  soorten: ['tekst', 'bedrag', 'bedrag'],
};

const TOELICHTING: Toelichting = {
  onderwerp: 'Gemeente Tiel: alle tabellen',
  periode: [['Kwartaal', 'eerste kwartaal van 2024 (Q1 2024)']],
  bron: 'VT Monitor, registraties van Veilig Thuis Testregio',
  organisatie: 'Veilig Thuis Testregio',
  exportdatum: '2024-05-01',
  exportdatumTekst: '1 mei 2024',
  definitieversie: '2027.1',
  bescherming: 'Alle aantallen zijn afgerond op veelvouden van 5.',
  tekens: [
    ['.', 'geheim of onbekend'],
    ['–', 'nihil'],
    ['*', 'voorlopig cijfer'],
  ],
};

async function lees(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const werkboek = async () =>
  lees(
    await alsWerkboek(
      [
        { titel: 'Openstaand werk op de laatste dag van elk kwartaal', blad: 'Openstaand werk', definitie: 'Open werk.', tabel: metTekens(OPEN_WERK, true) },
        { titel: 'Veiligheidsbeoordeling binnen termijn per week — Q1 2024', tabel: metTekens(PER_WEEK, false) },
        { titel: 'Realisatie en begroting', tabel: GELD },
        { titel: 'Nog een keer open werk', blad: 'openstaand werk', tabel: metTekens(OPEN_WERK, false) },
      ],
      TOELICHTING,
    ),
  );

describe('XLSX workbook', () => {
  it('names its sheets in Dutch, unique (Excel compares case-insensitively), with the sheet Toelichting last', async () => {
    const wb = await werkboek();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Openstaand werk',
      'Veiligheidsbeoordeling binnen',
      'Realisatie en begroting',
      'openstaand werk (2)',
      'Toelichting',
    ]);
  });

  it('writes counts as numbers with #,##0, shares as fractions with 0.0%, and keeps the signs as text', async () => {
    const ws = (await werkboek()).getWorksheet('Openstaand werk')!;
    const r2 = ws.getRow(2);
    expect(r2.getCell(2).value).toBe(1527);
    expect(r2.getCell(2).numFmt).toBe('#,##0');
    expect(r2.getCell(4).value).toBe('.'); // hidden: CBS's sign, not 0, not empty
    expect(r2.getCell(5).value).toBe(0); // a protected table's rounded zero stays a number
    expect(r2.getCell(6).value).toBe(0.294);
    expect(r2.getCell(6).numFmt).toBe('0.0%');
    const r3 = ws.getRow(3);
    expect(r3.getCell(1).value).toBe('Q2 2024*'); // the provisional quarter keeps its star, as text
    expect(r3.getCell(3).value).toBe('.');
    expect(r3.getCell(6).value).toBe(1);
    // the unprotected copy: an exact zero is nihil
    expect((await werkboek()).getWorksheet('openstaand werk (2)')!.getRow(2).getCell(5).value).toBe('–');
  });

  it('names each repeated header by its group', async () => {
    const ws = (await werkboek()).getWorksheet('Openstaand werk')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Kwartaal',
      'Open VB',
      'Open VB: waarvan over termijn',
      'Lopende V&V',
      'Lopende V&V: waarvan over termijn',
      '% binnen termijn',
    ]);
  });

  it('writes ISO dates as Excel dates with d-m-yyyy, decimals with their decimals, euros with € #,##0', async () => {
    const wb = await werkboek();
    const week = wb.getWorksheet('Veiligheidsbeoordeling binnen')!;
    const datum = week.getRow(2).getCell(1);
    expect(datum.value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(datum.type).toBe(ExcelJS.ValueType.Date);
    expect(datum.numFmt).toBe('d-m-yyyy');
    expect(week.getRow(3).getCell(2).value).toBe('–');
    expect(week.getRow(2).getCell(3).value).toBe(2.85);
    expect(week.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    const geld = wb.getWorksheet('Realisatie en begroting')!;
    expect(geld.getRow(2).getCell(2).value).toBe(2084000);
    expect(geld.getRow(2).getCell(2).numFmt).toBe('"€" #,##0');
    expect(geld.getRow(3).getCell(2).value).toBe(-25000);
    expect(geld.getRow(3).getCell(3).value).toBe('–');
  });

  it('freezes the header row, sets an autofilter over the table and sensible widths', async () => {
    const ws = (await werkboek()).getWorksheet('Openstaand werk')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F3');
    for (let i = 1; i <= 6; i++) expect(ws.getColumn(i).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(3).width).toBeLessThanOrEqual(50);
  });

  it('explains itself in the sheet Toelichting: period, source, export date, definitions, protection, signs, tables', async () => {
    const ws = (await werkboek()).getWorksheet('Toelichting')!;
    const regels = new Map<string, unknown>();
    ws.eachRow((r) => regels.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(ws.getRow(1).getCell(1).value).toBe('Gemeente Tiel: alle tabellen');
    expect(regels.get('Kwartaal')).toBe('eerste kwartaal van 2024 (Q1 2024)');
    expect(regels.get('Bron')).toBe('VT Monitor, registraties van Veilig Thuis Testregio');
    expect(regels.get('Organisatie')).toBe('Veilig Thuis Testregio');
    expect(regels.get('Geëxporteerd op')).toBe('1 mei 2024');
    expect(regels.get('Definitieversie')).toBe('VT Monitor, Indicatoren 2027.1');
    expect(regels.get('Bescherming kleine aantallen')).toBe('Alle aantallen zijn afgerond op veelvouden van 5.');
    expect(regels.get('.')).toBe('geheim of onbekend');
    expect(regels.get('–')).toBe('nihil');
    expect(regels.get('*')).toBe('voorlopig cijfer');
    expect(regels.get('Openstaand werk')).toBe('Openstaand werk op de laatste dag van elk kwartaal. Open werk.');
    expect(regels.get('Veiligheidsbeoordeling binnen')).toBe('Veiligheidsbeoordeling binnen termijn per week — Q1 2024');
  });
});

describe('sheet names', () => {
  it('drop what Excel forbids, stay within 31 characters and cut at a word', () => {
    expect(geldigeBladnaam('Kosten [k€]: a/b?')).toBe('Kosten k€ a b');
    expect(geldigeBladnaam("'Tussen' aanhalingstekens'")).toBe("Tussen' aanhalingstekens");
    expect(geldigeBladnaam('Adviezen en meldingen per kwartaal')).toBe('Adviezen en meldingen');
    // a cut name ends neither in an opened bracket nor in a word that leads on
    expect(geldigeBladnaam('Prognose instroom 2026 (geen norm of doel)')).toBe('Prognose instroom 2026');
    expect(geldigeBladnaam("Meldingen per jaar tegen de scenario's laag")).toBe('Meldingen per jaar');
    expect(geldigeBladnaam('Aantal meldingen van de politie (kort)')).toBe('Aantal meldingen van de politie');
    expect(geldigeBladnaam('Ééntweedrieviervijfzeszeveneightnegentien')).toHaveLength(31);
    expect(geldigeBladnaam('*?')).toBe('Tabel');
  });

  it('come from the blad of a table, else from its title without the "— gebied" suffix or the voorlopig mark', () => {
    expect(bladnaamVan({ titel: 'Besluiten na de veiligheidsbeoordeling — Tiel', blad: 'Besluiten na de VB' })).toBe('Besluiten na de VB');
    expect(bladnaamVan({ titel: 'Aard van het geweld — Tiel' })).toBe('Aard van het geweld');
    expect(bladnaamVan({ titel: 'Wachtlijst* (voorlopig)' })).toBe('Wachtlijst');
  });
});

describe('column kinds and headers', () => {
  it('reads dates, shares, decimals, counts and text from the values and headers; a given kind wins', () => {
    expect(kolomsoorten(OPEN_WERK)).toEqual(['tekst', 'aantal', 'aantal', 'aantal', 'aantal', 'aandeel']);
    expect(kolomsoorten(PER_WEEK)).toEqual(['datum', 'aantal', 'decimaal']);
    expect(kolomsoorten(GELD)).toEqual(['tekst', 'bedrag', 'bedrag']);
    // a column of signs only stays a count column
    expect(
      kolomsoorten({
        kolommen: ['Gemeente', 'Meldingen'],
        rijen: [
          ['Tiel', '.'],
          ['Buren', '–'],
        ],
      }),
    ).toEqual(['tekst', 'aantal']);
  });

  it('makes repeated headers unique by their group, and numbers what still repeats', () => {
    expect(uniekeKoppen(['Kwartaal', 'Onderzoek: afgesproken', 'met monitoring', '%', 'V&V: afgesproken', 'met monitoring', '%'])).toEqual([
      'Kwartaal',
      'Onderzoek: afgesproken',
      'Onderzoek: met monitoring',
      'Onderzoek: %',
      'V&V: afgesproken',
      'V&V: met monitoring',
      'V&V: %',
    ]);
    expect(uniekeKoppen(['a', 'a'])).toEqual(['a', 'a (2)']);
  });

  it('CSV carries the same unique headers, a decimal comma and the signs', () => {
    const csv = alsCsv(metTekens(OPEN_WERK, true));
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFKwartaal;Open VB;Open VB: waarvan over termijn;Lopende V&V;Lopende V&V: waarvan over termijn;% binnen termijn',
      'Q1 2024;1527;12;.;0;29,4',
      'Q2 2024*;5;.;7;3;100',
    ]);
  });
});
