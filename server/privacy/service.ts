import type { Response } from 'express';
import { beschermd } from '../auth/rollen.js';
import type { Db } from '../db/connection.js';
import type { IndicatorenJson } from '../indicatoren/service.js';
import { leesBeleid } from './instellingen.js';
import { alsNull, beschermWaarden, beleidTekst, type Beleid } from './onderdrukking.js';

type Waarden = Record<string, unknown>;

/** For pages and charts: protected values, suppressed ones as null. */
export const voorWeergave = (beleid: Beleid) => (w: Waarden) => alsNull(beschermWaarden(w, beleid));

/** The catalogue JSON with every gebied protected; suppressed values stay explicit (`{"onderdrukt": true}`). */
export function beschermJson(data: IndicatorenJson, beleid: Beleid): IndicatorenJson & { onderdrukking: Beleid & { uitleg: string } } {
  return {
    kwartaal: data.kwartaal,
    regio: beschermWaarden(data.regio, beleid),
    gemeenten: Object.fromEntries(Object.entries(data.gemeenten).map(([c, g]) => {
      const { naam, ...rest } = g;
      return [c, { naam, ...beschermWaarden(rest, beleid) }];
    })),
    onderdrukking: { ...beleid, uitleg: beleidTekst(beleid) },
  };
}

/** The policy when the signed-in user's view is protected, else null. */
export async function beleidVoor(db: Db, res: Response): Promise<Beleid | null> {
  const g = res.locals.gebruiker as Parameters<typeof beschermd>[0] | undefined;
  return g && beschermd(g) ? leesBeleid(db) : null;
}
