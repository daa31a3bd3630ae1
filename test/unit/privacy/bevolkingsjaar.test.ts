import { describe, expect, it } from 'vitest';
import { bouwRegio } from '../../../server/config/regio.js';
import { bevolkingsjaarVan, inwonersVan } from '../../../server/privacy/service.js';
import { perGemeente } from '../../../server/charts/instroom.js';
import { gemeenteVsRegio } from '../../../server/charts/gemeente.js';
import { kaartCijfer, regioKaart } from '../../../server/charts/kaart.js';
import regioJson from '../../../config/regio/gelderland-zuid.json' with { type: 'json' };

// hand-made figures, not CBS's: 2023 and 2024 only, so a quarter of 2025 has no figure of its own year
const bron = 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85755NED/table';
const bestand = structuredClone(regioJson) as { gemeenten: Record<string, unknown>[] };
bestand.gemeenten = bestand.gemeenten.map((g, i) => ({
  ...g,
  inwonersPerJaar: { 2023: { aantal: 1000 + i, tabel: '03759ned', bron }, 2024: { aantal: 2000 + i, tabel: '85755NED', bron } },
}));
const regio = bouwRegio(bestand);

describe('bevolkingsjaarVan: the CBS year and table every per-1.000 figure names', () => {
  it('a quarter of 2025 (no 2025 figures) says 2024, one of 2023 says 2023, before any figure there is none', () => {
    const jaar = bevolkingsjaarVan(regio);
    expect(jaar('2025-Q3')).toEqual({
      jaar: 2024,
      tabellen: ['85755NED'],
      label: 'CBS, 1 januari 2024',
      noot: 'Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).',
    });
    expect(jaar('2023-Q1')).toEqual({
      jaar: 2023,
      tabellen: ['03759ned'],
      label: 'CBS, 1 januari 2023',
      noot: 'Inwoners: CBS, 1 januari 2023 (StatLine 03759ned).',
    });
    expect(jaar('2024-Q4')!.jaar).toBe(2024);
    expect(jaar('2022-Q4')).toBeNull();
    // read once per year
    expect(jaar('2025-Q1')).toBe(jaar('2025-Q4'));
  });

  it('names the year whose population the rate is divided by: the same rule as inwonersVan, for every gemeente and the region', () => {
    const jaar = bevolkingsjaarVan(regio);
    const inwoners = inwonersVan(regio);
    for (const k of ['2023-Q2', '2024-Q1', '2025-Q2', '2026-Q4'] as const) {
      const b = jaar(k)!;
      for (const g of regio.gemeenten) expect(inwoners(g.code, k), `${g.code} ${k}`).toBe(regio.inwonersOp(g.code, b.jaar));
      expect(inwoners('regio', k)).toBe(regio.inwonersRegioOp(b.jaar));
    }
    // and a year CBS has not published would be named, never the year the quarter lies in
    expect(jaar('2026-Q4')!.label).toBe('CBS, 1 januari 2024');
  });

  it('every per-1.000 chart shows it: column headers (and so the CSV/XLSX downloads), axis, definition, map tooltip and description', () => {
    const b = bevolkingsjaarVan(regio)('2025-Q2');
    const rij = { code: 'GM0281', naam: 'Tiel', adviezen: 2.5, meldingen: 1.25 };
    const per = perGemeente([rij], 'per1000', '2025-Q2', b);
    expect(per.tabel.kolommen).toEqual(['Gemeente', 'CBS-code', 'Adviezen per 1.000 (CBS, 1 januari 2024)', 'Meldingen per 1.000 (CBS, 1 januari 2024)']);
    expect(per.definitie).toContain('Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).');
    // counts are not per 1.000: no year there
    expect(perGemeente([rij], 'aantal', '2025-Q2', b).tabel.kolommen).toEqual(['Gemeente', 'CBS-code', 'Adviezen', 'Meldingen']);
    const vs = gemeenteVsRegio({ meldingen: 1.25 }, { meldingen: 1.5 }, 'Tiel', '2025-Q2', b);
    expect(vs.tabel.kolommen).toEqual(['Indicator', 'Tiel per 1.000 (CBS, 1 januari 2024)', 'Regio per 1.000 (CBS, 1 januari 2024)']);
    expect(vs.definitie).toContain('Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).');
    const kaart = regioKaart({
      kaart: { type: 'FeatureCollection', features: [] } as never,
      kaartNaam: 't',
      regioNaam: 'Gelderland-Zuid',
      gemeenten: [{ code: 'GM0281', naam: 'Tiel', waarden: { per_1000_inwoners: { meldingen: 1.25 } }, inwonersBekend: true }],
      cijfer: kaartCijfer('meldingen-per-1000'),
      kwartaal: '2025-Q2',
      beschermd: false,
      bevolking: b,
    });
    expect(kaart.tabel.kolommen).toEqual(['Gemeente', 'Meldingen per 1.000 inwoners (CBS, 1 januari 2024)']);
    expect(kaart.definitie).toContain('Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).');
    expect(kaart.beschrijving).toContain('de kleur geeft meldingen per 1.000 inwoners (CBS, 1 januari 2024)');
    expect(JSON.stringify(kaart.option)).toContain('Tiel: 1,25 per 1.000 inwoners (CBS, 1 januari 2024)');
    // a percentage on the map divides by no population: no year
    const vb = regioKaart({
      kaart: { type: 'FeatureCollection', features: [] } as never,
      kaartNaam: 't',
      regioNaam: 'Gelderland-Zuid',
      gemeenten: [{ code: 'GM0281', naam: 'Tiel', waarden: { vb_binnen_termijn_pct: 80 }, inwonersBekend: true }],
      cijfer: kaartCijfer('vb-binnen-termijn'),
      kwartaal: '2025-Q2',
      beschermd: false,
      bevolking: b,
    });
    expect(JSON.stringify(vb)).not.toContain('1 januari');
  });
});
