import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leesPeriode, leesWaarde } from '../../../server/spiegel/cbs-bestand.js';
import { leesOdataJson, leesStatlineCsv, regioCode } from '../../../server/spiegel/importer.js';

const fixture = (naam: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'cbs', naam), 'utf8');
const gemeenteCode = (n: string) => (n === 'Nijmegen' ? 'GM0268' : null);
const opties = { bron: 'test', gemeenteCode };

describe('CBS periods and values as StatLine writes them', () => {
  it('reads period codes and labels, with * as voorlopig', () => {
    expect(leesPeriode('2023HJ01')).toEqual({ periode: '2023HJ01', voorlopig: false });
    expect(leesPeriode('2023JJ00')).toEqual({ periode: '2023JJ00', voorlopig: false });
    expect(leesPeriode('1e halfjaar 2023*')).toEqual({ periode: '2023HJ01', voorlopig: true });
    expect(leesPeriode('2e halfjaar 2020')).toEqual({ periode: '2020HJ02', voorlopig: false });
    expect(leesPeriode('2023*')).toEqual({ periode: '2023JJ00', voorlopig: true });
    expect(leesPeriode('3e halfjaar 2023')).toBeNull();
    expect(leesPeriode('2023KW01')).toBeNull();
  });

  it('reads Dutch and English number formats and . as unknown', () => {
    expect(leesWaarde('2.695')).toEqual({ waarde: 2695 });
    expect(leesWaarde('2,695')).toEqual({ waarde: 2695 });
    expect(leesWaarde('127.340')).toEqual({ waarde: 127340 });
    expect(leesWaarde('17.282.163')).toEqual({ waarde: 17282163 });
    expect(leesWaarde('13,3')).toEqual({ waarde: 13.3 });
    expect(leesWaarde('13.3')).toEqual({ waarde: 13.3 });
    expect(leesWaarde('2700')).toEqual({ waarde: 2700 });
    expect(leesWaarde('.')).toEqual({ waarde: null });
    expect(leesWaarde('veel')).toBeNull();
  });
});

describe('StatLine CSV download', () => {
  it('reads a hand-written file in the real format: title rows, unit row, codes and labels, ., *, footer', () => {
    const g = leesStatlineCsv(fixture('84852NED-statline.csv'), '84852NED-statline.csv', opties);
    expect(g.fouten).toEqual([]);
    expect(g.tabel).toBe('84852NED');
    const cel = (periode: string, regio: string, maat: string) => g.cijfers.find((c) => c.periode === periode && c.regio === regio && c.maat === maat);
    expect(g.cijfers).toHaveLength(8);
    expect(cel('2023HJ01', 'NL01', 'meldingen')).toMatchObject({
      waarde: 63105,
      waarde_tekst: '63.105',
      voorlopig: false,
      cbs_maat: 'Totaal | Totaal | Ontvangen meldingen (aantal)',
    });
    expect(cel('2023HJ01', 'VT06', 'meldingen')).toMatchObject({ waarde: 1340, regio_naam: 'Gelderland-Zuid (VT)' });
    expect(cel('2023HJ01', 'VT06', 'overdracht')?.waarde).toBe(745);
    expect(cel('2023HJ01', 'VT06', 'nog_niet_beoordeeld')).toMatchObject({ waarde: null, waarde_tekst: '.' });
    expect(cel('2023HJ02', 'VT06', 'meldingen')).toMatchObject({ waarde: 1355, voorlopig: true });
    expect(cel('2023JJ00', 'VT06', 'meldingen')).toMatchObject({ waarde: 2700, voorlopig: false });
    expect(cel('2023JJ00', 'GM0268', 'meldingen')).toMatchObject({ waarde: 1105, voorlopig: true, regio_naam: 'Nijmegen' });
    expect(cel('2023JJ00', 'VT06', 'acute_onveiligheid')?.waarde).toBe(115);
  });

  it('names file, line, column and value of every error', () => {
    const g = leesStatlineCsv(fixture('84852NED-fout.csv'), '84852NED-fout.csv', opties);
    expect(g.fouten).toEqual([
      expect.objectContaining({ bestand: '84852NED-fout.csv', regel: 5, kolom: 'Perioden (kolom 4)', waarde: '3e halfjaar 2023' }),
      expect.objectContaining({ bestand: '84852NED-fout.csv', regel: 6, kolom: 'Ontvangen meldingen (kolom 5)', waarde: 'veel' }),
    ]);
    expect(g.fouten[0]!.melding).toContain('onbekende periode');
  });

  it('refuses a file without the StatLine header', () => {
    const g = leesStatlineCsv('registratie_id;soort\n1;melding\n', 'export.csv', opties);
    expect(g.fouten).toHaveLength(1);
    expect(g.fouten[0]!.melding).toContain("Regio's");
  });
});

describe('CBS OData v4 JSON', () => {
  it('reads observations: table from @odata.context, codes trimmed, null Value as .', () => {
    const g = leesOdataJson(fixture('84852NED-observations.json'), '84852NED-observations.json', opties);
    expect(g.fouten).toEqual([]);
    expect(g.tabel).toBe('84852NED');
    expect(g.cijfers).toEqual([
      expect.objectContaining({
        periode: '2023HJ02',
        regio: 'VT06',
        regio_naam: 'Gelderland-Zuid (VT)',
        cbs_maat: 'T001 | T001 | M001',
        waarde: 1355,
        maat: null,
      }),
      expect.objectContaining({ periode: '2023HJ02', regio: 'NL01', regio_naam: 'Nederland', waarde: null, waarde_tekst: '.' }),
    ]);
  });

  it('names the line of a bad observation', () => {
    const tekst =
      '{"value": [\n{"Measure": "M001", "RegioS": "VT06", "Perioden": "2023HJ02", "Value": 5},\n{"Measure": ' +
      '"M001", "RegioS": "VT06", "Perioden": "2023Q3", "Value": 5}\n]}';
    const g = leesOdataJson(tekst, '84852NED.json', opties);
    expect(g.fouten).toEqual([expect.objectContaining({ bestand: '84852NED.json', regel: 3, kolom: 'Perioden', waarde: '2023Q3' })]);
  });
});

describe('Veilig Thuis-regio names of the 2022 and the 2024 indeling', () => {
  it.each([
    ['Oost-Brabant (VT)', 'VT27'],
    ['Midden-Brabant (VT)', 'VT15'],
    ['Noord-Brabant Midden (VT)', 'VT15'],
    ['Zuidoost-Brabant (VT)', 'VT26'],
    ['Noord-Brabant Noord (VT)', 'VT16'],
    ['VT27', 'VT27'],
  ])('%s → %s', (label, code) => {
    expect(regioCode(label, gemeenteCode).regio).toBe(code);
  });
  it('a gemeente of StatLine with "(gemeente)" is a gemeente, a province never', () => {
    const nl = (n: string) => (n === 'Groningen (gemeente)' ? 'GM0014' : null);
    expect(regioCode('Groningen (gemeente)', nl).regio).toBe('GM0014');
    expect(regioCode('Groningen (PV)', () => 'GM0014').regio).toBe('Groningen (PV)');
  });
});
