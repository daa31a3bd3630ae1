import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { leesDataversie } from '../importbatches/service.js';

/**
 * Whether an answer may be stored: never what says `no-store` or `private` (every case-level
 * route, web/auth.ts `ZAAKNIVEAU`), never a download (its headers and its audit row belong to
 * each request). What is not stored is never answered from the cache.
 */
function mag(res: Response): boolean {
  if (res.locals.zaakniveau === true) return false;
  if (/no-store|private/i.test(String(res.getHeader('Cache-Control') ?? ''))) return false;
  return res.getHeader('Content-Disposition') === undefined;
}

/** How long an instance trusts the data version it read last (ms). */
export const VERSIE_GELDIG_MS = 250;

interface Antwoord {
  versie: string;
  type: string;
  body: Buffer;
  etag: string;
}

/**
 * Pages and API answers only change when the data changes. They are cached per session, URL and
 * data version (`data_versie`, written by every import and refresh). The version is read from
 * the database at most every 250 ms, so another app instance sees a new import within that
 * time; a hit is written straight from a ready buffer, with ETag and 304 support.
 */
export function antwoordCache(db: AppContext['db'], maxItems = 500) {
  const cache = new Map<string, Antwoord>();
  let versie = '';
  let gelezenOp = 0;
  const huidigeVersie = async () => {
    const nu = Date.now();
    if (nu - gelezenOp >= VERSIE_GELDIG_MS) {
      versie = await leesDataversie(db);
      gelezenOp = nu;
    }
    return versie;
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const v = await huidigeVersie();
    // per session: pages carry the user's name, menu and CSRF token, and a gemeente user's figures are protected
    // and per session generation: a role, gemeenten or block changed since never meets a page cached before
    const key = `${String(res.locals.sessieToken ?? '')}|${String(res.locals.sessieGeneratie ?? '')}|${req.originalUrl}`;
    const hit = cache.get(key);
    if (hit && hit.versie === v) {
      if (req.headers['if-none-match'] === hit.etag) {
        res.writeHead(304, { ETag: hit.etag }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': hit.type, 'Content-Length': hit.body.length, ETag: hit.etag }).end(hit.body);
      return;
    }
    const etag = `"${createHash('sha256').update(`${v}|${key}`).digest('base64url')}"`;
    // nothing is answered before the route ran: a case-level route (no-store) always reaches its audit
    const send = res.send.bind(res);
    res.send = (body: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string' && mag(res)) {
        res.setHeader('ETag', etag);
        if (cache.size >= maxItems) cache.delete(cache.keys().next().value as string);
        cache.set(key, { versie: v, etag, type: String(res.getHeader('Content-Type') ?? 'text/html; charset=utf-8'), body: Buffer.from(body) });
      }
      return send(body);
    };
    next();
  };
}
