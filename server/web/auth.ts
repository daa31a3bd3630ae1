import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { schrijfAuditregel, type AuditActie } from '../audit/service.js';
import { mag, magGemeente, ROL_NAAM, type Gebruiker, type Recht } from '../auth/rollen.js';
import { sessieCache } from '../auth/sessies-service.js';
import { cookieSecure, type Env } from '../config/env.js';
import type { Regio } from '../config/regio.js';
import type { AppContext } from '../context.js';
import { AppFout, geenToegang } from '../shared/fouten.js';
import { leesCsrfToken } from './invoer.js';
import { loginTokenVoor } from '../auth/logincsrf-service.js';

/** The database handle, as the wiring passes it on (middleware does not import db/). */
type Db = AppContext['db'];

export const SESSIE_COOKIE = 'vt_sessie';
export const LOGIN_CSRF_COOKIE = 'vt_login_csrf';

/**
 * The login form's nonce cookie. Over HTTPS it is `__Host-` prefixed: a browser accepts such a
 * cookie only from a secure origin, for path /, without a Domain, so a subdomain or a page over
 * plain HTTP cannot plant it.
 */
export const loginCsrfCookie = (env: Env) => (cookieSecure(env) ? `__Host-${LOGIN_CSRF_COOKIE}` : LOGIN_CSRF_COOKIE);

/**
 * The cookies of a request, by the `cookie` package (the parser express itself uses): a value
 * that does not decode (`x=%`, planted by any application on the same host) stays as it is
 * instead of throwing, so one malformed cookie never takes a page down. The first of a repeated
 * name wins; the result has no prototype, so `__proto__` is a name like any other.
 */
export function leesCookies(header: string | undefined): Record<string, string | undefined> {
  return parseCookies(header ?? '');
}

export const cookieOpties = (env: Env, maxAgeMs?: number) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: cookieSecure(env),
  path: '/',
  ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
});

export const gebruikerVan = (res: Response): Gebruiker | undefined => res.locals.gebruiker as Gebruiker | undefined;

/** Reads the session cookie: `res.locals.gebruiker`, `res.locals.csrf`, and what every page shows of the user. */
export function sessie(db: Db, regio: Regio): RequestHandler {
  // the menu's "Gemeenten" opens the region file's largest gemeente (no code written into the product)
  const standaardGemeente = [...regio.gemeenten].sort((a, b) => (b.inwoners ?? 0) - (a.inwoners ?? 0))[0]?.code ?? '';
  const leesSessie = sessieCache(db);
  return async (req, res, next) => {
    const token = leesCookies(req.headers.cookie)[SESSIE_COOKIE];
    if (token) {
      const { sessie: s, generatie } = await leesSessie(token);
      res.locals.sessieGeneratie = generatie;
      if (s) {
        const gebruiker: Gebruiker = { ...s.gebruiker, rol: s.gebruiker.rol as Gebruiker['rol'], geblokkeerd: false };
        res.locals.gebruiker = gebruiker;
        res.locals.csrf = s.csrf;
        res.locals.sessieToken = token;
      }
    }
    const g = gebruikerVan(res);
    res.locals.pagina = {
      gebruiker: g ? { email: g.email, rol: ROL_NAAM[g.rol] } : null,
      csrf: res.locals.csrf,
      menu: g
        ? {
            regio: mag(g, 'regio'),
            doorstroom: mag(g, 'doorstroom'),
            caselijst: mag(g, 'caselijst'),
            financien: mag(g, 'financien'),
            beheer: mag(g, 'beheer'),
            rapportages: true,
            gemeente: g.rol === 'gemeente' ? g.gemeenten[0] : standaardGemeente,
          }
        : null,
    };
    next();
  };
}

const isApi = (req: Request) => req.path.startsWith('/api/');

/** Everything except the login page needs a session; a new account first changes its password. */
export function vereisLogin(req: Request, res: Response, next: NextFunction): void {
  const g = gebruikerVan(res);
  if (!g) {
    if (isApi(req) || req.method !== 'GET') {
      res.status(401).json({ fout: 'niet_ingelogd', melding: 'Log eerst in.' });
      return;
    }
    res.redirect(303, `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  if (g.moet_wachtwoord_wijzigen && !['/wachtwoord', '/uitloggen'].includes(req.path)) {
    // through the error handler, so the refusal is in the audit log like every other 403
    if (isApi(req)) throw new AppFout('geen_toegang', 'Kies eerst een eigen wachtwoord.', 403, { reden: 'wachtwoord_wijzigen' });
    res.redirect(303, '/wachtwoord');
    return;
  }
  next();
}

/**
 * Rights that open case-level data (registrations by id). A route that requires one is, by that
 * requirement alone, a case-level route: its answer carries `Cache-Control: no-store` (so the
 * response cache never stores it and every view reaches the route), and it cannot send data
 * before its audit row is written. A new case-level route cannot forget either.
 */
export const ZAAKNIVEAU: ReadonlySet<Recht> = new Set<Recht>(['caselijst']);

export function vereis(recht: Recht): RequestHandler {
  const zaakniveau = ZAAKNIVEAU.has(recht);
  return (_req, res, next) => {
    const g = gebruikerVan(res);
    if (!g || !mag(g, recht)) throw geenToegang();
    if (zaakniveau) bewaakZaakgegevens(res);
    next();
  };
}

/** No cache stores the answer, and a successful answer without an audit row of this request is refused (a 500, in every test). */
function bewaakZaakgegevens(res: Response): void {
  res.locals.zaakniveau = true;
  res.set('Cache-Control', 'no-store');
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode < 400 && res.locals.geaudit !== true) throw new Error('zaakgegevens zonder auditregel: roep audit() aan voordat de route antwoordt');
    return send(body);
  };
}

/** A gemeente user only reaches the gemeente codes of the account. */
export function vereisGemeente(res: Response, code: string): void {
  const g = gebruikerVan(res);
  if (!g || !magGemeente(g, code)) throw geenToegang('U hebt geen toegang tot de cijfers van deze gemeente.');
}

function gelijk(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Whether a form was sent by a page of this very origin, as far as the browser says: Fetch
 * Metadata (`Sec-Fetch-Site`) and `Origin` cannot be set by a page. Another application on the
 * same host (another port: same site, other origin) is refused; a client that sends neither
 * header (an old browser, curl) relies on the token alone.
 */
function vanEigenHerkomst(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  // without Fetch Metadata, Origin decides. A browser that says same-origin may send `Origin:
  // null` (Chromium does under this app's Referrer-Policy: no-referrer), so that case is above
  const herkomst = req.get('origin');
  return herkomst === undefined || herkomst === `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * CSRF: every state-changing request carries a token, as form field `_csrf` or as header
 * `X-CSRF-Token` (never in a URL). With a session it is the session's token. Without one (the
 * login form) it is the HMAC of the nonce in the login cookie (auth/logincsrf-service.ts), and the
 * form must come from this origin. SameSite=Strict cookies are the second line.
 */
export const CSRF_FOUT = 'Het formulier is verlopen of niet door VT Monitor verstuurd (CSRF). Laad de pagina opnieuw en probeer het nog eens.';

/** Whether the request carries its session's token (what an upload checks once its fields are read). */
export const csrfKlopt = (req: Request, res: Response): boolean => gelijk(leesCsrfToken(req), res.locals.csrf as string | undefined);

export function csrf(db: Db, env: Env, isUploadPad: (pad: string) => boolean): RequestHandler {
  const cookieNaam = loginCsrfCookie(env);
  return async (req, res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    const gegeven = leesCsrfToken(req);
    let verwacht = res.locals.csrf as string | undefined;
    // an upload of a session: its form field _csrf is read by the upload itself (web/upload.ts)
    if (gegeven === undefined && verwacht !== undefined && isUploadPad(req.path) && req.is('multipart/form-data')) return next();
    if (verwacht === undefined) {
      const nonce = leesCookies(req.headers.cookie)[cookieNaam];
      verwacht = nonce && vanEigenHerkomst(req) ? await loginTokenVoor(db, nonce) : undefined;
    }
    if (!gelijk(gegeven, verwacht)) throw new AppFout('geen_toegang', CSRF_FOUT, 403, { reden: 'csrf' });
    next();
  };
}

/** An audit entry of this request (who, from which address), through the audit service's write queue. */
export async function audit(db: Db, req: Request, res: Response, actie: AuditActie, details?: Record<string, unknown>, wie?: string): Promise<void> {
  await schrijfAuditregel(db, { wie: wie ?? gebruikerVan(res)?.email ?? 'anoniem', actie, details, ip: req.ip ?? null });
  res.locals.geaudit = true;
}

/** A refused request (403) in the audit log: who, which method and path, from which address. */
export async function auditWeigering(db: Db, req: Request, res: Response, reden: string): Promise<void> {
  const g = gebruikerVan(res);
  await audit(db, req, res, 'toegang_geweigerd', { methode: req.method, pad: req.originalUrl.slice(0, 500), reden, ...(g ? { rol: g.rol } : {}) });
}
