import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { leesMeta, voegMetaToe } from '../db/metagegevens.js';

/**
 * The CSRF token of the login form (OWASP's signed double submit). Before login there is no
 * session to bind a token to, so the cookie carries a random nonce and the form the HMAC of that
 * nonce with a server secret. A cookie planted by a neighbouring application (any port of the
 * host can set cookies for this one) with a token of the attacker's choosing no longer matches:
 * without the secret no one makes a pair. The secret is made once and kept in `metagegevens`, so
 * every instance of the app signs alike; it never leaves the server.
 */
const SLEUTEL = 'login_csrf_sleutel';
const DOEL = 'vt-monitor login-csrf v1';

const sleutels = new WeakMap<Db, Promise<Buffer>>();

function sleutelVan(db: Db): Promise<Buffer> {
  let sleutel = sleutels.get(db);
  if (!sleutel) {
    sleutel = (async () => {
      let waarde = await leesMeta(db, SLEUTEL);
      if (waarde === null) {
        await voegMetaToe(db, SLEUTEL, randomBytes(32).toString('base64url'));
        waarde = (await leesMeta(db, SLEUTEL))!;
      }
      return Buffer.from(waarde, 'base64url');
    })();
    // a failed read is tried again by the next request, not remembered
    sleutel.catch(() => sleutels.delete(db));
    sleutels.set(db, sleutel);
  }
  return sleutel;
}

const teken = (sleutel: Buffer, nonce: string) => createHmac('sha256', sleutel).update(`${DOEL}\n${nonce}`).digest('base64url');

/** A new pair for the login page: the nonce for the cookie, the token for the form. */
export async function nieuwLoginToken(db: Db): Promise<{ nonce: string; token: string }> {
  const nonce = randomBytes(24).toString('base64url');
  return { nonce, token: teken(await sleutelVan(db), nonce) };
}

/** The token a login form must carry for the nonce in its cookie. */
export async function loginTokenVoor(db: Db, nonce: string): Promise<string> {
  return teken(await sleutelVan(db), nonce);
}
