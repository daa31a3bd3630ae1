import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rol } from '../../server/auth/rollen.js';
import { voegGebruikerToe } from '../../server/auth/gebruikers-repository.js';
import { hashWachtwoord } from '../../server/auth/wachtwoord.js';
import { maakSessie } from '../../server/auth/sessies-repository.js';
import { maakApp } from '../../server/web/app.js';
import type { TestContext } from './context.js';

export interface Sessie {
  email: string;
  token: string;
  csrf: string;
  cookie: string;
  /** fetch with this session's cookie */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
}

let volgnummer = 0;

/** The password of every sessieAls user. */
export const TESTWACHTWOORD = 'test-wachtwoord-123';
/**
 * Its argon2id hash at the product's cost, made once per worker: a real hash of the real kind (a form that asks for
 * the password verifies it as in production), without paying a full argon2 run for each of the suite's sessions.
 */
let testhash: Promise<string> | null = null;

/** A (demo) user with the password TESTWACHTWOORD, straight in the database; its id. */
export async function testgebruiker(ctx: TestContext, g: { email: string; rol: Rol; gemeenten?: string[] }): Promise<number> {
  const wachtwoord_hash = await (testhash ??= hashWachtwoord(TESTWACHTWOORD));
  return voegGebruikerToe(ctx.db, { gemeenten: [], ...g, wachtwoord_hash, moet_wachtwoord_wijzigen: false, demo: true });
}

/** A user with the role (and gemeenten) and a signed-in session, straight in the database. */
export async function sessieAls(ctx: TestContext, rol: Rol, gemeenten: string[] = []): Promise<Sessie> {
  const email = `${rol}-${++volgnummer}-${Date.now()}@test.vt`;
  const id = await testgebruiker(ctx, { email, rol, gemeenten });
  const { token, csrf } = await maakSessie(ctx.db, id, 1);
  const cookie = `vt_sessie=${token}`;
  return {
    email,
    token,
    csrf,
    cookie,
    fetch: (url, init = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie } }),
  };
}

export async function startServer(ctx: TestContext): Promise<{ server: Server; base: string }> {
  const app = maakApp(ctx);
  const server = app.listen(0, '127.0.0.1');
  server.keepAliveTimeout = 65_000;
  server.on('close', () => void (app.locals.sluit as () => Promise<void>)());
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The login form as a browser gets it: the nonce cookie (`vt_login_csrf`, or `__Host-vt_login_csrf`
 * over HTTPS) and the form's token, which is not the cookie's value (an HMAC of it).
 */
export async function loginFormulier(base: string, headers: Record<string, string> = {}): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/inloggen`, { headers });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => /^(__Host-)?vt_login_csrf=/.test(c))!
    .split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
  return { cookie, token };
}
