import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakWerkdagkalender } from '../../server/calendar/werkdagen.js';
import { kalenderWaarschuwingenVoorData } from '../../server/indicatoren/kalenderdekking.js';
import { PER_SLEUTEL } from '../../server/indicatoren/catalogus.js';
import { TWEEDE_GOLF_SLEUTELS } from '../../server/indicatoren/tweede-golf.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;
let gemeente: Sessie;
let bestuur: Sessie;
let beheerder: Sessie;

beforeAll(async () => {
  ctx = await testContext('2029-03-31');
  await importeerRijen(ctx, [
    melding({ binnenkomst: '2024-05-06', gemeente: 'GM0281', vb: '2024-05-06', spoed: 'ja' }),
    advies({ binnenkomst: '2024-05-07', gemeente: 'GM0281', kanaal: 'telefoon' }),
  ]);
  ({ server, base } = await startServer(ctx));
  gemeente = await sessieAls(ctx, 'gemeente', ['GM0281']);
  bestuur = await sessieAls(ctx, 'bestuur');
  beheerder = await sessieAls(ctx, 'beheerder');
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

describe('the second wave keys leave the server protected', () => {
  /** every number inside a value (counts of a distribution, mediaan/max of wacht_dagen) */
  const getallen = (v: unknown): number[] => (typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(getallen) : []);

  it('the region sees them exact; a gemeente user gets them as the catalogue protects them (counts in fives, no stock per gemeente)', async () => {
    const open = (await (await bestuur.fetch(`${base}/api/indicatoren?kwartaal=2024-Q2`)).json()) as { gemeenten: Record<string, Record<string, unknown>> };
    expect(open.gemeenten.GM0281).toMatchObject({ meldingen_spoed: 1, spoed_vb_zelfde_dag: 1 });
    const body = (await (await gemeente.fetch(`${base}/api/indicatoren?kwartaal=2024-Q2&gemeente=GM0281`)).json()) as {
      regio: Record<string, unknown>;
      gemeenten: Record<string, Record<string, unknown>>;
    };
    const g = body.gemeenten.GM0281!;
    let geteld = 0;
    for (const k of TWEEDE_GOLF_SLEUTELS) {
      const i = PER_SLEUTEL.get(k)!;
      expect(i, k).toBeDefined();
      if (i.soort === 'aantal' || i.soort === 'verdeling') {
        for (const n of getallen(g[k])) expect(n % 5, `${k} = ${n}`).toBe(0);
        geteld++;
      }
      // stocks on the last day are not shown per gemeente (the stock identities would give them away)
      if (i.soort === 'voorraad') expect(getallen(g[k]), k).toEqual([]);
    }
    expect(geteld).toBeGreaterThan(10);
    expect(g.meldingen_spoed).toBe(0); // 1 rounds to 0
    const reeks = (await (await gemeente.fetch(`${base}/api/reeks?indicator=meldingen_spoed&van=2024-Q2&tot=2024-Q2&gemeente=GM0281`)).json()) as {
      reeks: { waarde: unknown }[];
    };
    expect(reeks.reeks[0]!.waarde).toBe(0);
    const pagina = await (await gemeente.fetch(`${base}/gemeente/GM0281?kwartaal=2024-Q2`)).text();
    expect(pagina).toContain('id="kop-monitoring"');
  });
});

describe('Royal-Decree coverage warnings', () => {
  it('data past 2028 warns on /beheer, in herbereken and the import summary (shared helper)', async () => {
    expect(await kalenderWaarschuwingenVoorData(ctx.db, ctx.kalender)).toEqual([]);
    await importeerRijen(ctx, [melding({ binnenkomst: '2029-01-08', gemeente: 'GM0281', vb: '2029-01-09' })]);
    const w = await kalenderWaarschuwingenVoorData(ctx.db, ctx.kalender);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('tot in 2029');
    const beheer = await (await beheerder.fetch(`${base}/beheer`)).text();
    expect(beheer).toContain('data-kalender-waarschuwing');
    expect(beheer).toContain('bekend tot en met 2028');
    // a calendar without any decree warns as well
    expect((await kalenderWaarschuwingenVoorData(ctx.db, maakWerkdagkalender()))[0]).toContain('geen Koninklijk Besluit');
  });
});
