import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/connection.js';
import { leesMeta } from '../indicatoren/repository.js';

/**
 * Pages and API answers only change when the stored indicators change. They are cached per
 * URL and per data version (`data_versie`, written by every import and refresh); each request reads the
 * version (one primary-key lookup), so several app instances on one database stay correct.
 */
export function antwoordCache(db: Db, maxItems = 500) {
  const cache = new Map<string, { versie: string; type: string; body: string }>();
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const versie = (await leesMeta(db, 'data_versie')) ?? '';
    const key = req.originalUrl;
    const hit = cache.get(key);
    res.setHeader('ETag', `"${Buffer.from(`${versie}|${key}`).toString('base64url')}"`);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (hit && hit.versie === versie) {
      res.type(hit.type).send(hit.body);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string') {
        if (cache.size >= maxItems) cache.delete(cache.keys().next().value as string);
        cache.set(key, { versie, type: String(res.getHeader('Content-Type') ?? 'text/html'), body });
      }
      return send(body);
    };
    next();
  };
}
