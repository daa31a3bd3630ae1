import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { herberekenIndicatoren } from '../../server/indicatoren/herbereken.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';

/**
 * A correction that moves the first (or last) registration of the data moves the computed range:
 * the quarters that leave it take their growth figures' basis with them, so the quarters that
 * compared with them (one and four later) must be recomputed, exactly as a full rebuild does.
 */
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext('2024-12-31');
});
afterEach(async () => {
  await ctx.close();
});

const alles = () => ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']);
async function groei(kwartaal: string): Promise<Record<string, number | null> | null> {
  const rij = (await ctx.db('indicatoren').where({ kwartaal, gebied: 'regio', indicator: 'groei' }).first()) as { waarde: unknown } | undefined;
  if (!rij) return null;
  return (typeof rij.waarde === 'string' ? JSON.parse(rij.waarde) : rij.waarde) as Record<string, number | null>;
}
async function gelijkAanVolledig(): Promise<void> {
  const incrementeel = await alles();
  await ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null));
  expect(incrementeel).toEqual(await alles());
}
const kwartalen = async () => (await ctx.db('indicatoren').distinct('kwartaal').orderBy('kwartaal')).map((r: { kwartaal: string }) => r.kwartaal);

describe('a correction that moves the range', () => {
  it('the only 2023-Q1 melding moved to 2024-Q2: 2024-Q1 loses its year-on-year growth', async () => {
    // closed at once: no open stock reaches from 2023-Q1 into 2024-Q1
    const eerste = melding({ id: 'A', binnenkomst: '2023-02-10', vb: '2023-02-10', datum_afgesloten: '2023-02-10' });
    await importeerRijen(ctx, [
      eerste,
      melding({ id: 'B', binnenkomst: '2024-01-15' }),
      melding({ id: 'C', binnenkomst: '2024-02-15' }),
      advies({ id: 'D', binnenkomst: '2024-03-01' }),
    ]);
    expect(await groei('2024-Q1')).toMatchObject({ meldingen_yoy: 100, totaal_yoy: 200 });
    await importeerRijen(ctx, [{ ...eerste, datum_binnenkomst: '2024-05-10', datum_veiligheidsbeoordeling: '2024-05-10', datum_afgesloten: '2024-05-10' }]);
    expect(await kwartalen()).toEqual(['2024-Q1', '2024-Q2']);
    expect(await groei('2024-Q1')).toEqual({
      meldingen_qoq: null,
      adviezen_qoq: null,
      totaal_qoq: null,
      meldingen_yoy: null,
      adviezen_yoy: null,
      totaal_yoy: null,
    });
    await gelijkAanVolledig();
  });

  it('the only 2023-Q4 advies moved to 2024-Q2: 2024-Q1 loses its quarter-on-quarter growth', async () => {
    const eerste = advies({ id: 'A', binnenkomst: '2023-11-10' });
    await importeerRijen(ctx, [eerste, advies({ id: 'B', binnenkomst: '2024-01-15' }), melding({ id: 'C', binnenkomst: '2024-02-15' })]);
    expect(await groei('2024-Q1')).toMatchObject({ adviezen_qoq: 0 });
    await importeerRijen(ctx, [{ ...eerste, datum_binnenkomst: '2024-04-10' }]);
    expect(await kwartalen()).toEqual(['2024-Q1', '2024-Q2']);
    expect((await groei('2024-Q1'))!.adviezen_qoq).toBeNull();
    expect(await groei('2024-Q2')).toMatchObject({ adviezen_qoq: 0, meldingen_qoq: -100 });
    await gelijkAanVolledig();
  });

  it('the last registration moved back: the range shrinks at the end; moved forward again: it grows', async () => {
    const laatste = melding({ id: 'Z', binnenkomst: '2024-08-10' });
    await importeerRijen(ctx, [melding({ id: 'A', binnenkomst: '2023-05-02' }), melding({ id: 'B', binnenkomst: '2024-02-15' }), laatste]);
    expect((await kwartalen()).at(-1)).toBe('2024-Q3');
    await importeerRijen(ctx, [{ ...laatste, datum_binnenkomst: '2024-01-20' }]);
    expect((await kwartalen()).at(-1)).toBe('2024-Q1');
    expect(await groei('2024-Q1')).toMatchObject({ meldingen_qoq: null, meldingen_yoy: null });
    await gelijkAanVolledig();
    await importeerRijen(ctx, [{ ...laatste, datum_binnenkomst: '2024-06-20' }]);
    expect((await kwartalen()).at(-1)).toBe('2024-Q2');
    expect(await groei('2024-Q2')).toEqual({ meldingen_qoq: 0, adviezen_qoq: null, totaal_qoq: 0, meldingen_yoy: 0, adviezen_yoy: null, totaal_yoy: 0 });
    await gelijkAanVolledig();
  });

  it('the first registration moved earlier: the range grows at the start and the later quarters compare with it', async () => {
    const eerste = melding({ id: 'A', binnenkomst: '2024-01-10' });
    await importeerRijen(ctx, [eerste, melding({ id: 'B', binnenkomst: '2024-02-15' }), melding({ id: 'C', binnenkomst: '2024-04-15' })]);
    await importeerRijen(ctx, [{ ...eerste, datum_binnenkomst: '2023-04-10' }]);
    expect((await kwartalen())[0]).toBe('2023-Q2');
    expect(await groei('2024-Q2')).toMatchObject({ meldingen_qoq: 0, meldingen_yoy: 0 });
    await gelijkAanVolledig();
  });
});
