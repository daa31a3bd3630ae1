import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemeentenNederland } from '../../server/config/gemeenten-nederland.js';
import { indicatorenVoorKwartaal } from '../../server/indicatoren/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

describe('every Dutch gemeente by name counts as buiten de regio (issue 25 §5)', () => {
  const nl = gemeentenNederland();
  const huidig = nl.gemeentenOp(nl.laatsteJaar)!;
  const voormalig = nl.bestand.herindelingen;

  it(`imports ${huidig.length} current + ${voormalig.length} former names + "ARNHEM", none refused, each under its own key`, async () => {
    // hand-made: one melding per name, the code left empty so only the name says where it belongs
    const metNaam = (naam: string) => ({ ...melding({ binnenkomst: '2024-02-01' }), gemeente_code: '', gemeente: naam });
    const rijen = [...[...huidig, ...voormalig].map((g) => metNaam(g.naam)), metNaam('ARNHEM')];
    const samenvatting = await importeerRijen(ctx, rijen);
    expect(samenvatting).toMatchObject({ afgewezen: 0 });
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, '2024-Q1');
    // Gelderland-Zuid: 15 current gemeenten, 6 former ones (Groesbeek, Millingen aan de Rijn,
    // Ubbergen → Berg en Dal; Geldermalsen, Lingewaal, Neerijnen → West Betuwe)
    expect(huidig).toHaveLength(342);
    expect(voormalig).toHaveLength(84);
    expect(data.gemeenten.buiten_regio).toMatchObject({ meldingen: 327 + 78 + 1 });
    expect(data.gemeenten.onbekend).toMatchObject({ meldingen: 0 });
    expect(data.gemeenten.GM1945).toMatchObject({ meldingen: 1 + 3 }); // Berg en Dal and its 3 former gemeenten
    expect(data.gemeenten.GM1960).toMatchObject({ meldingen: 1 + 3 });
    expect(data.gemeenten.GM0268).toMatchObject({ meldingen: 1 });
    expect(data.regio).toMatchObject({ meldingen: 342 + 84 + 1 });
  });
});
