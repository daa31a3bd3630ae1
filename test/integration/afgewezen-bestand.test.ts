import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afgewezenBestand } from '../../server/cli/afgewezen-bestand.js';
import { importDeps } from '../../server/import/service.js';
import { importeer } from '../../server/import/importer.js';
import { testContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext('2024-12-31');
});
afterEach(async () => {
  await ctx.close();
});

describe('the afgewezen file (--accepteer-geldige)', () => {
  it('rejected cells that a spreadsheet would run (=, @, +, -) are written as text, with the rule of the downloads', async () => {
    const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie';
    const pad = join(ctx.dir, 'export.csv');
    writeFileSync(
      pad,
      [
        kop,
        'R1;advies;2024-01-02;GM0268;politie',
        'R2;"=HYPERLINK(""http://x"";""klik"")";2024-01-02;GM0268;politie',
        'R3;advies;2024-01-02;@SUM(1+1);politie',
        'R4;advies;+2024-01-02;GM0268;politie',
        'R5;advies;2024-01-02;GM0268;-1+1',
        '',
      ].join('\n'),
    );
    const schrijver = afgewezenBestand(pad);
    const s = await importeer(importDeps(ctx), [{ bestand: 'export.csv', sha256: 'x', pad, afgewezen: schrijver }], { door: 'test', accepteerGeldige: true });
    expect(s).toMatchObject({ nieuw: 1, afgewezen: 4 });
    expect(readFileSync(schrijver.pad, 'utf8')).toBe(
      [
        `\uFEFF${kop};reden`,
        `R2;"'=HYPERLINK(""http://x"";""klik"")";2024-01-02;GM0268;politie;"soort: =HYPERLINK(""http://x"";""klik"") ` +
          `is geen geldige code; toegestaan: advies, melding"`,
        "R3;advies;2024-01-02;'@SUM(1+1);politie;gemeente_code: @SUM(1+1) is geen CBS-gemeentecode (GM gevolgd door 4 cijfers, zoals GM0268)",
        `R4;advies;'+2024-01-02;GM0268;politie;"datum_binnenkomst: +2024-01-02 is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ"`,
        `R5;advies;2024-01-02;GM0268;'-1+1;"melder_categorie: -1+1 is geen geldige code; toegestaan: politie, overige_professional, niet_professional"`,
        '',
      ].join('\n'),
    );
  });
});
