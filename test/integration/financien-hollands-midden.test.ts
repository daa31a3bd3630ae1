import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importeerFinancieel } from '../../server/financien/importer.js';
import { financienVoorKwartaal } from '../../server/financien/service.js';
import { financienTabel } from '../../server/financien/tabel.js';
import { leesTabel } from '../../server/import/readers.js';
import { testContext, type TestContext } from '../helpers/context.js';

/**
 * The finance table of the kwartaalrapportage Veilig Thuis Hollands Midden Q1 2019: its totals
 * (income 2.084, total costs −1.938, result 146 in k€) and its release "Lasten vorig boekjaar
 * € 24", a positive amount on a cost post. The report's own post lines were not found in a
 * stored public source: the split over the other posts below is made up so that the totals and
 * the € 24 are the report's (see the report of issue 15).
 */
const BESTAND = [
  'kwartaal;post;realisatie;begroting;begroting_jaar',
  '2019-Q1;subsidie_gemeenten;2.084.000;2.084.000;8.336.000',
  '2019-Q1;personeelskosten;-1.600.000;-1.580.000;-6.320.000',
  '2019-Q1;externe_personeelskosten;-150.000;-100.000;-400.000',
  '2019-Q1;overige_personeelskosten;-62.000;-60.000;-240.000',
  '2019-Q1;organisatiekosten;-150.000;-160.000;-640.000',
  '2019-Q1;lasten_vorig_boekjaar;24.000;;',
];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2019-12-31');
});
afterAll(async () => {
  await ctx.close();
});

describe('finance: signs as given (Hollands Midden Q1 2019)', () => {
  it('accepts the release on a cost post, totals it as given and marks it in the post table', async () => {
    const pad = join(ctx.dir, 'hm-q1-2019.csv');
    writeFileSync(pad, `${BESTAND.join('\n')}\n`);
    const s = await importeerFinancieel(ctx.db, 'financien', { bestand: 'hm-q1-2019.csv', sha256: '-', rows: leesTabel(pad) }, { door: 'test' });
    expect(s).toMatchObject({ geladen: true, afgewezen: 0, rijen: 6 });

    const f = await financienVoorKwartaal(ctx.db, '2019-Q1');
    const totaal = (t: string) => f.totalen.find((x) => x.totaal === t)!.realisatie;
    expect(totaal('inkomsten')).toBe(2_084_000);
    expect(totaal('overige_kosten')).toBe(-126_000);
    expect(totaal('kosten')).toBe(-1_938_000);
    expect(totaal('resultaat')).toBe(146_000);
    // the balancing line of the report: costs and result together equal minus the income
    expect(totaal('kosten') - totaal('resultaat')).toBe(-2_084_000);
    expect(f.posten.find((p) => p.post === 'lasten_vorig_boekjaar')).toMatchObject({ realisatie: 24_000, afwijkend_teken: true });
    expect(f.posten.filter((p) => p.afwijkend_teken).map((p) => p.post)).toEqual(['lasten_vorig_boekjaar']);

    const tabel = financienTabel(f);
    const rij = (naam: string) => tabel.find((r) => r.naam === naam)!.cellen[0];
    expect(rij('Lasten vorig boekjaar (vrijval)')).toBe('24');
    expect(rij('Totaal kosten')).toBe('−1.938');
    expect(rij('Resultaat')).toBe('146');
    expect(rij('Totaal inkomsten')).toBe('2.084');
    expect(tabel.filter((r) => r.naam.includes('vrijval'))).toHaveLength(1);
  });

  it('a negative amount on an income post is accepted too, and marked', async () => {
    const pad = join(ctx.dir, 'terug.csv');
    writeFileSync(pad, 'kwartaal;post;realisatie;begroting;begroting_jaar\n2019-Q2;overige_inkomsten;-5.000;;\n2019-Q2;subsidie_gemeenten;100.000;;\n');
    await importeerFinancieel(ctx.db, 'financien', { bestand: 'terug.csv', sha256: '-', rows: leesTabel(pad) }, { door: 'test' });
    const f = await financienVoorKwartaal(ctx.db, '2019-Q2');
    expect(f.totalen.find((x) => x.totaal === 'inkomsten')!.realisatie).toBe(95_000);
    expect(financienTabel(f).find((r) => r.naam.startsWith('Overige inkomsten'))!.naam).toBe('Overige inkomsten (negatief: terugbetaling of correctie)');
  });
});
