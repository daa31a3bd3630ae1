import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leesEnv } from '../../server/config/env.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer } from '../helpers/server.js';

/** The visible text of an element with data-veld="…", tags removed, white space collapsed. */
function veld(html: string, naam: string): string {
  const m = new RegExp(`<p[^>]*data-veld="${naam}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m
    ? m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : `(geen veld ${naam})`;
}

describe('the toegankelijkheidsverklaring', () => {
  let ctx: TestContext;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ctx = await testContext('2026-11-22', {
      TOEGANKELIJKHEID_CONTACT: 'toegankelijkheid@vtgz.nl',
      TOEGANKELIJKHEID_STATUS: 'B',
      TOEGANKELIJKHEID_CONTROLE: '2026-11-30',
    });
    ({ server, base } = await startServer(ctx));
  });
  afterAll(async () => {
    server?.close();
    await ctx?.close();
  });

  it('is public (no login) and names standard, status, date of the last check and the configured contact', async () => {
    const res = await fetch(`${base}/toegankelijkheid`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="utrecht-heading-1">Toegankelijkheidsverklaring</h1>');
    expect(veld(html, 'standaard')).toBe('VT Monitor moet voldoen aan WCAG 2.1 niveau AA, zoals de Europese norm EN 301 549 voorschrijft.');
    expect(veld(html, 'status')).toBe('Status B: voldoet gedeeltelijk.');
    expect(veld(html, 'controle')).toBe('Laatst gecontroleerd op 30 november 2026.');
    expect(veld(html, 'contact')).toContain('Meld het via toegankelijkheid@vtgz.nl.');
    expect(html).toContain('href="mailto:toegankelijkheid@vtgz.nl"');
    expect(html).toContain('Veilig Thuis Gelderland-Zuid wil dat iedereen VT Monitor kan gebruiken');
  });

  it('the footer of a page with login, of the login page and of an error page links to it', async () => {
    const beheerder = await sessieAls(ctx, 'beheerder');
    for (const [pad, status] of [
      ['/beheer', 200],
      ['/docs/privacy', 200],
      ['/bestaat-niet', 404],
    ] as const) {
      const res = await beheerder.fetch(base + pad);
      expect(res.status).toBe(status);
      expect(/<footer[\s\S]*href="\/toegankelijkheid"[\s\S]*<\/footer>/.test(await res.text())).toBe(true);
    }
    expect(/<footer[\s\S]*href="\/toegankelijkheid"/.test(await (await fetch(`${base}/inloggen`)).text())).toBe(true);
  });
});

describe('configuration of the verklaring', () => {
  it('without configuration: status C, the date of the last automated check, and a visible note that the contact is missing', async () => {
    const ctx = await testContext();
    const { server, base } = await startServer(ctx);
    try {
      const html = await (await fetch(`${base}/toegankelijkheid`)).text();
      expect(veld(html, 'status')).toBe('Status C: eerste maatregelen genomen.');
      expect(veld(html, 'controle')).toBe('Laatst gecontroleerd op 7 december 2026.');
      expect(veld(html, 'contact')).toBe(
        'Kunt u iets niet lezen of gebruiken? Neem contact op met Veilig Thuis Gelderland-Zuid. (De ' +
          'beheerder heeft het contactadres voor deze verklaring nog niet ingesteld: TOEGANKELIJKHEID_CONTACT.)',
      );
    } finally {
      server.close();
      await ctx.close();
    }
  });

  it('a contact page over https is a link; anything else is refused at boot with a Dutch message', () => {
    expect(leesEnv({ TOEGANKELIJKHEID_CONTACT: 'https://www.vtgz.nl/contact' }).TOEGANKELIJKHEID_CONTACT).toBe('https://www.vtgz.nl/contact');
    for (const fout of ['geen adres', 'http://www.vtgz.nl/contact', 'javascript:alert(1)', 'a@b']) {
      expect(() => leesEnv({ TOEGANKELIJKHEID_CONTACT: fout })).toThrow('TOEGANKELIJKHEID_CONTACT moet een e-mailadres of een https://-adres zijn');
    }
    expect(() => leesEnv({ TOEGANKELIJKHEID_STATUS: 'E' })).toThrow(/TOEGANKELIJKHEID_STATUS/);
    expect(() => leesEnv({ TOEGANKELIJKHEID_CONTROLE: '7 december' })).toThrow('TOEGANKELIJKHEID_CONTROLE is een datum JJJJ-MM-DD');
  });
});
