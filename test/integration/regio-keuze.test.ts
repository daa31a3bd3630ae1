import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { kiesRegio, regioBestanden } from '../../server/regio/keuze.js';
import { maakContext } from '../../server/context.js';
import { leesMeta } from '../../server/db/metagegevens.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';

let ctx: TestContext;
let map: string;
const gz = JSON.parse(readFileSync(projectPath('config', 'regio', 'gelderland-zuid.json'), 'utf8')) as Record<string, unknown>;
// a second region for the test only: another name and CBS code, the same gemeenten
const ander = { ...gz, naam: 'Proefregio', organisatie: 'Veilig Thuis Proefregio', cbs_vt_regio: { code: 'VT99', naam: 'Proefregio' } };

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  map = join(ctx.dir, 'regio');
  mkdirSync(map);
  writeFileSync(join(map, 'gelderland-zuid.json'), JSON.stringify(gz));
  writeFileSync(join(map, 'proefregio.json'), JSON.stringify(ander));
});
afterAll(async () => {
  await ctx.close();
});

const start = (env: Record<string, string> = {}) => maakContext({ DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', ...env });

describe('a database belongs to one region and never changes it silently', () => {
  it('lists the region files with name, CBS code and number of gemeenten', () => {
    expect(regioBestanden(map).map(({ naam, regio, cbs, gemeenten }) => ({ naam, regio, cbs, gemeenten }))).toEqual([
      { naam: 'gelderland-zuid', regio: 'Gelderland-Zuid', cbs: 'VT06', gemeenten: 15 },
      { naam: 'proefregio', regio: 'Proefregio', cbs: 'VT99', gemeenten: 15 },
    ]);
  });

  it('a start stamps the region; with registrations another region is refused at start and by regio kies, nothing changed', async () => {
    expect(await leesMeta(ctx.db, 'regio')).toBe('VT06 Gelderland-Zuid');
    await importeerRijen(ctx, [melding({ binnenkomst: '2024-02-01' })]);
    const melding_ =
      'Deze database bevat registraties van VT06 Gelderland-Zuid; het regiobestand is van VT99 Proefregio. Een database wisselt niet stil van regio';
    await expect(start({ REGIO_BESTAND: join(map, 'proefregio.json') })).rejects.toThrow(melding_);
    await expect(kiesRegio(ctx.db, 'proefregio', () => ctx.regio, map)).rejects.toThrow(melding_);
    await expect(kiesRegio(ctx.db, 'hollands-midden', () => ctx.regio, map)).rejects.toThrow('Er is geen regiobestand "hollands-midden"');
    expect(await leesMeta(ctx.db, 'regio')).toBe('VT06 Gelderland-Zuid');
    expect(await leesMeta(ctx.db, 'regio_bestand')).toBeNull();
    expect((await ctx.db('gemeenten').pluck('code')).sort()).toEqual(ctx.regio.gemeenten.map((g) => g.code).sort());
  });

  it('the same region with an edited file starts; an empty database takes the chosen region at the next start', async () => {
    const bewerkt = join(map, 'gelderland-zuid.json');
    writeFileSync(bewerkt, JSON.stringify({ ...gz, toelichting: 'bewerkt' }));
    const zelfde = await start({ REGIO_BESTAND: bewerkt });
    await zelfde.db.destroy();
    await ctx.db('registraties').delete();
    await expect(kiesRegio(ctx.db, 'Proefregio', () => ctx.regio, map)).resolves.toMatchObject({ naam: 'proefregio', cbs: 'VT99' });
    const gekozen = await start();
    try {
      expect(gekozen.regio.naam).toBe('Proefregio');
      expect(gekozen.env.REGIO_BESTAND).toBe(join(map, 'proefregio.json'));
      expect(await leesMeta(gekozen.db, 'regio')).toBe('VT99 Proefregio');
    } finally {
      await gekozen.db.destroy();
    }
  });
});
