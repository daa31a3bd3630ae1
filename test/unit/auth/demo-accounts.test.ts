import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../../server/auth/service.js';
import { laadRegio } from '../../../server/config/regio.js';
import { projectPath } from '../../../server/config/paths.js';

const regio = (naam: string) => laadRegio(projectPath('config', 'regio', `${naam}.json`));

describe("the demo's gemeente account belongs to a gemeente of the chosen region, and says which", () => {
  it('Gelderland-Zuid: tiel@demo.vt for Tiel (GM0281), as the README says', () => {
    expect(demoAccounts(regio('gelderland-zuid')).at(-1)).toEqual({
      email: 'tiel@demo.vt',
      rol: 'gemeente',
      gemeenten: ['GM0281'],
      gemeenteNaam: 'Tiel',
      wachtwoord: 'demo-tiel-2026',
    });
  });

  it('Hollands-Midden: named after its own first gemeente, never Tiel', () => {
    const hm = regio('hollands-midden');
    const g = hm.gemeenten[0]!;
    const account = demoAccounts(hm).at(-1)!;
    expect(account).toMatchObject({ rol: 'gemeente', gemeenten: [g.code], gemeenteNaam: g.naam });
    expect(account.email).toBe(`${g.naam.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@demo.vt`);
    expect(JSON.stringify(demoAccounts(hm))).not.toMatch(/tiel|GM0281/i);
  });

  it('every region of the 25 gets four accounts with distinct addresses, one per role', () => {
    for (const naam of ['amsterdam-amstelland', 'friesland', 'hollands-midden', 'zeeland', 'west-brabant']) {
      const a = demoAccounts(regio(naam));
      expect(a.map((x) => x.rol)).toEqual(['beheerder', 'vt_management', 'bestuur', 'gemeente']);
      expect(new Set(a.map((x) => x.email)).size).toBe(4);
    }
  });
});
