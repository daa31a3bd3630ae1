import { describe, expect, it } from 'vitest';
import { berekenKwartaal, doorstroomPerFte, metTotaal } from '../../../server/financien/compute.js';
import { leesBedrag, leesFte, valideerFinancienRij, type FinancienRij } from '../../../server/financien/validate.js';
import { formatteerKeuro } from '../../../server/shared/formaat.js';

const rij = (kwartaal: string, post: string, realisatie: number, begroting: number | null, begroting_jaar: number | null = null): FinancienRij => ({
  kwartaal,
  post,
  realisatie,
  begroting,
  begroting_jaar,
});

/** A hand-made quarter with known sums; lasten_vorig_boekjaar has no budget. */
const Q1 = [
  rij('2019-Q1', 'subsidie_gemeenten', 2_084_000, 2_100_000, 8_400_000),
  rij('2019-Q1', 'overige_inkomsten', 16_000, 10_000, 40_000),
  rij('2019-Q1', 'personeelskosten', -1_500_000, -1_450_000, -5_800_000),
  rij('2019-Q1', 'externe_personeelskosten', -200_000, -150_000, -600_000),
  rij('2019-Q1', 'overige_personeelskosten', -50_000, -60_000, -240_000),
  rij('2019-Q1', 'organisatiekosten', -300_000, -320_000, -1_280_000),
  rij('2019-Q1', 'lasten_vorig_boekjaar', -25_000, null),
];

describe('financien: totals and differences', () => {
  const q = berekenKwartaal('2019-Q1', Q1)!;
  const totaal = (t: string) => q.totalen.find((x) => x.totaal === t)!;

  it('sums income, personnel costs, other costs, costs and result with the sign convention', () => {
    expect(totaal('inkomsten')).toMatchObject({ realisatie: 2_100_000, begroting: 2_110_000, verschil: -10_000, begroting_jaar: 8_440_000 });
    expect(totaal('personeelskosten')).toMatchObject({ realisatie: -1_750_000, begroting: -1_660_000, verschil: -90_000 });
    // the post without budget counts in the realisation, not in the budget
    expect(totaal('overige_kosten')).toMatchObject({ realisatie: -325_000, begroting: -320_000, verschil: -5_000, begroting_jaar: -1_280_000 });
    expect(totaal('kosten')).toMatchObject({ realisatie: -2_075_000, begroting: -1_980_000, verschil: -95_000 });
    expect(totaal('resultaat')).toMatchObject({ realisatie: 25_000, begroting: 130_000, verschil: -105_000, begroting_jaar: 520_000 });
  });

  it('a post without budget has no difference; a cost below budget is a positive (favourable) difference', () => {
    expect(q.posten.find((p) => p.post === 'lasten_vorig_boekjaar')).toMatchObject({
      realisatie: -25_000,
      begroting: null,
      verschil: null,
      begroting_jaar: null,
    });
    expect(q.posten.find((p) => p.post === 'organisatiekosten')!.verschil).toBe(20_000);
    expect(q.posten.find((p) => p.post === 'subsidie_gemeenten')!.verschil).toBe(-16_000);
  });

  it('year to date and the latest full-year budget; a quarter without rows has no figures', () => {
    const Q2 = [rij('2019-Q2', 'subsidie_gemeenten', 2_100_000, 2_100_000, 8_500_000), rij('2019-Q2', 'personeelskosten', -1_400_000, -1_450_000, -5_800_000)];
    const q2 = berekenKwartaal('2019-Q2', [...Q1, ...Q2])!;
    expect(q2.posten.find((p) => p.post === 'subsidie_gemeenten')).toMatchObject({ realisatie_jaar_tot_nu: 4_184_000, begroting_jaar: 8_500_000 });
    // a post missing from the quarter: 0 realisation, no budget
    expect(q2.posten.find((p) => p.post === 'organisatiekosten')).toMatchObject({ realisatie: 0, begroting: null, realisatie_jaar_tot_nu: -300_000 });
    expect(berekenKwartaal('2019-Q3', Q1)).toBeNull();
  });

  it('FTE totals and throughput per FTE', () => {
    const formatie = metTotaal([
      { maand: '2019-01', fte_personeel: 80.5, fte_inhuur: 9.5, status: 'realisatie' },
      { maand: '2019-02', fte_personeel: 81, fte_inhuur: 10, status: 'realisatie' },
      { maand: '2019-03', fte_personeel: 82, fte_inhuur: 11, status: 'prognose' },
    ]);
    expect(formatie.map((f) => f.fte_totaal)).toEqual([90, 91, 93]);
    expect(doorstroomPerFte('2019-Q1', formatie, 1527, 1195)).toEqual({
      kwartaal: '2019-Q1',
      fte_gemiddeld: 91.33,
      prognose: true,
      meldingen: 1527,
      adviezen: 1195,
      meldingen_per_fte: 16.7,
      adviezen_per_fte: 13.1,
    });
    expect(doorstroomPerFte('2019-Q2', formatie, 10, 10).meldingen_per_fte).toBeNull();
  });
});

describe('financien: values and signs in the file', () => {
  it('whole euros with or without thousands dots; no cents', () => {
    expect(leesBedrag('-1.646.100')).toEqual({ ok: true, value: -1_646_100 });
    expect(leesBedrag('2084000')).toEqual({ ok: true, value: 2_084_000 });
    expect(leesBedrag('−12 345')).toEqual({ ok: true, value: -12_345 });
    expect(leesBedrag(-5000)).toEqual({ ok: true, value: -5000 });
    expect(leesBedrag('1234,56').ok).toBe(false);
    expect(leesBedrag('abc').ok).toBe(false);
    expect(leesFte('87,5')).toEqual({ ok: true, value: 87.5 });
    expect(leesFte('87.5')).toEqual({ ok: true, value: 87.5 });
  });

  it("signs are the file's: a positive cost (a vrijval) and a negative income are accepted as given", () => {
    const plaats = { bestand: 'f.csv', regel: 4 };
    const kosten = valideerFinancienRij({ kwartaal: '2019-Q1', post: 'lasten_vorig_boekjaar', realisatie: '24000', begroting: '', begroting_jaar: '' }, plaats);
    expect(kosten).toEqual({
      ok: true,
      rij: { kwartaal: '2019-Q1', post: 'lasten_vorig_boekjaar', realisatie: 24_000, begroting: null, begroting_jaar: null },
    });
    const inkomsten = valideerFinancienRij(
      { kwartaal: '2019-Q1', post: 'subsidie_gemeenten', realisatie: '2000', begroting: '-5', begroting_jaar: '' },
      plaats,
    );
    expect(inkomsten.ok && inkomsten.rij.begroting).toBe(-5);
    const q = berekenKwartaal('2019-Q1', [rij('2019-Q1', 'lasten_vorig_boekjaar', 24_000, null), rij('2019-Q1', 'organisatiekosten', -150_000, null)])!;
    expect(q.posten.find((p) => p.post === 'lasten_vorig_boekjaar')!.afwijkend_teken).toBe(true);
    expect(q.posten.find((p) => p.post === 'organisatiekosten')!.afwijkend_teken).toBe(false);
    expect(q.totalen.find((t) => t.totaal === 'overige_kosten')!.realisatie).toBe(-126_000);
    // a bad amount is still refused with file, line, column and value
    const fout = valideerFinancienRij({ kwartaal: '2019-Q1', post: 'personeelskosten', realisatie: '1.500,50', begroting: '', begroting_jaar: '' }, plaats);
    expect(fout.ok).toBe(false);
    if (!fout.ok) expect(fout.fouten[0]).toMatchObject({ bestand: 'f.csv', regel: 4, kolom: 'realisatie', waarde: '1.500,50' });
  });

  it('k€ formatting as in the report', () => {
    expect(formatteerKeuro(2_084_000)).toBe('€ 2.084');
    expect(formatteerKeuro(-1_646_100)).toBe('€ −1.646');
    expect(formatteerKeuro(-500)).toBe('€ −1');
    expect(formatteerKeuro(null)).toBe('–');
  });
});
