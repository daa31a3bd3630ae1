import { describe, expect, it } from 'vitest';
import { laadRegio } from '../../../server/config/regio.js';
import { projectPath } from '../../../server/config/paths.js';
import { REGIO } from '../../../server/indicatoren/gebieden.js';
import { inwonersVan } from '../../../server/privacy/service.js';

/**
 * The divisor of every published per-1.000 figure (inwonersVan, the one place the publication step
 * reads a population), on the shipped region files and their CBS figures (2019–2024).
 */
const gz = inwonersVan(laadRegio(projectPath('config', 'regio', 'gelderland-zuid.json')));
const ob = laadRegio(projectPath('config', 'regio', 'oost-brabant.json'));
const oostBrabant = inwonersVan(ob);

describe('the population of a quarter: CBS on 1 January of its year', () => {
  it("a quarter takes its own year's figure (Tiel: 41.978 in 2019, 41.920 in 2021, 42.370 in 2024)", () => {
    expect(gz('GM0281', '2019-Q1')).toBe(41978);
    expect(gz('GM0281', '2021-Q4')).toBe(41920);
    expect(gz('GM0281', '2024-Q3')).toBe(42370);
  });

  it('before CBS publishes a year, the latest published one (2025 and 2026: 2024); before 2019, none', () => {
    expect(gz('GM0281', '2025-Q1')).toBe(42370);
    expect(gz('GM0281', '2026-Q4')).toBe(42370);
    expect(gz('GM0281', '2018-Q4')).toBeNull();
  });

  it('a gemeente formed later (Maashorst, 2022) has, before it existed, the sum of the gemeenten its registrations came from', () => {
    expect(oostBrabant('GM1991', '2021-Q2')).toBe(42291 + 15817); // Uden + Landerd, 1 January 2021
    expect(oostBrabant('GM1991', '2022-Q1')).toBe(58362);
    expect(oostBrabant('GM0856', '2021-Q2')).toBeNull(); // Uden itself is no gebied of its own: counted under Maashorst
  });

  it("the region is the sum of that year's gemeenten, former ones included; outside the region, none", () => {
    const codes2021 = ob.gemeentenPerJaar!['2021']!;
    expect(oostBrabant(REGIO, '2021-Q3')).toBe(ob.inwonersRegioOp(2021));
    expect(ob.inwonersRegioCijfersOp(2021)!.map((c) => c.code)).toEqual(codes2021);
    expect(oostBrabant(REGIO, '2021-Q3')).toBe(ob.gemeenten.reduce((som, g) => som + (oostBrabant(g.code, '2021-Q3') ?? NaN), 0));
    expect(gz('buiten_regio', '2024-Q1')).toBeNull();
    expect(gz('onbekend', '2024-Q1')).toBeNull();
  });
});
