import { describe, expect, it } from 'vitest';
import { extraheerBevolking, extraheerGebieden, leesBevolking, leesGebieden } from '../../../server/config/genereer-inwoners.js';

// the first lines of the downloads, in their own form (hand-made rows, real column names)
const KOP_37259 = 'ID,Sex,Sex Label,Regions,Regions Label,Periods,Periods Label,PopulationOn1January_1,PopulationDensity_2,PopulationOn31December_20';
const RIJEN_37259 = [
  '1,T001038,Total male and female,NL01  ,The Netherlands,2019JJ00,2019,17282163,508,17407585',
  '2,T001038,Total male and female,GM0202    ,Arnhem,2018JJ00,2018,157223,1600,159265',
  '3,T001038,Total male and female,GM0202    ,Arnhem,2019JJ00,2019,159265,1628,161348',
  '4,3000   ,Men,GM0202    ,Arnhem,2019JJ00,2019,79573,,80500',
  '5,T001038,Total male and female,GM0820    ,"Nuenen, Gerwen en Nederwetten",2023JJ00,2023,23786,700,23900',
  '6,T001038,Total male and female,GM0457    ,Weesp,2022JJ00,2022,20766,950,',
  '7,T001038,Total male and female,GM0202    ,Arnhem,2024JJ00,2024,167632,1700,169000',
];

describe('genereer-inwoners: the extracts of the downloaded CBS tables', () => {
  it('37259eng: only gemeenten, men and women together, 2019–2023; a quoted name with a comma does not shift the columns', () => {
    const uit = extraheerBevolking(`\uFEFF${KOP_37259}\r\n${RIJEN_37259.join('\r\n')}\r\n`);
    expect(uit).toBe(
      'Regions;Periods;PopulationOn1January_1;PopulationOn31December_20\nGM0202;2019JJ00;159265;161348\nGM0820;2023JJ00;23786;23900\nGM0457;2022JJ00;20766;\n',
    );
    expect(leesBevolking(uit)).toEqual([
      { code: 'GM0202', jaar: 2019, op1Januari: 159265, op31December: 161348 },
      { code: 'GM0820', jaar: 2023, op1Januari: 23786, op31December: 23900 },
      { code: 'GM0457', jaar: 2022, op1Januari: 20766, op31December: null }, // Weesp ended during 2022
    ]);
  });

  it('85755NED: the five columns of each gemeente, padding trimmed; another layout is refused by name', () => {
    const kop = 'ID;RegioS;Code_1;Naam_2;Code_44;Naam_45;Inwonertal_54;Omgevingsadressendichtheid_55';
    const tekst =
      `\uFEFF${kop}\n0;GM0202    ;GM0202    ;Arnhem                    ;VT05      ;Gelderland-Midden ` +
      `       ;167632;2202\n1;NL01      ;NL01      ;Nederland ;;;17942942;\n`;
    const uit = extraheerGebieden(tekst);
    expect(uit).toBe('RegioS;Naam_2;Code_44;Naam_45;Inwonertal_54\nGM0202;Arnhem;VT05;Gelderland-Midden;167632\n');
    expect(leesGebieden(uit)).toEqual([{ code: 'GM0202', naam: 'Arnhem', vt: 'VT05', vtNaam: 'Gelderland-Midden', inwoners: 167632 }]);
    // a later edition numbers its columns differently (Inwonertal_56 in 2026): refused, not misread
    expect(() => extraheerGebieden(tekst.replace('Inwonertal_54', 'Inwonertal_56'))).toThrow(/85755NED: kolom Inwonertal_54 ontbreekt/);
    expect(() => extraheerBevolking(KOP_37259.replace('PopulationOn1January_1', 'BevolkingOp1Januari_1'))).toThrow(/kolom PopulationOn1January_1 ontbreekt/);
  });

  it('a hand edit of an extract that breaks its form is refused with file and line', () => {
    expect(() => leesGebieden('RegioS;Naam_2;Code_44;Naam_45;Inwonertal_54\nGM0202;Arnhem;VT5;Gelderland-Midden;167632\n')).toThrow(
      /gebieden-in-nederland-2024\.csv regel 2: .* geen gemeente met VT-regio/,
    );
    expect(() => leesBevolking('Regions;Periods;PopulationOn1January_1\n')).toThrow(/de eerste regel moet/);
    expect(() => leesBevolking('Regions;Periods;PopulationOn1January_1;PopulationOn31December_20\nGM0202;2019JJ00;-5;1\n')).toThrow(
      /regel 2: '-5' is geen aantal/,
    );
  });
});
