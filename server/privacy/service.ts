import { beschermd, type Gebruiker } from '../auth/rollen.js';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';
import { leesPaneel, type Bescherm } from '../indicatoren/paneel.js';
import { REGIO } from '../indicatoren/gebieden.js';
import type { IndicatorenJson } from '../indicatoren/service.js';
import { leesBeleid } from './instellingen.js';
import { alsNull, beschermWaarden, beleidTekst, type Beleid } from './onderdrukking.js';

type Waarden = Record<string, unknown>;

/** For pages and charts: protected values, suppressed ones as null. */
export const voorWeergave = (beleid: Beleid): Bescherm => (w, historie, gebied) => alsNull(beschermWaarden(w, beleid, historie, gebied === REGIO));
/** For JSON: suppressed values stay explicit (`{"onderdrukt": true}`). */
export const voorJson = (beleid: Beleid): Bescherm => (w, historie, gebied) => beschermWaarden(w, beleid, historie, gebied === REGIO);

/** The catalogue JSON with every gebied protected (each with its own three quarters before, for the four-quarter key figures). */
export async function beschermJson(db: Db, data: IndicatorenJson, beleid: Beleid, regioSleutel: string): Promise<IndicatorenJson & { onderdrukking: Beleid & { uitleg: string } }> {
  const gebieden = [regioSleutel, ...Object.keys(data.gemeenten)];
  const paneel = await leesPaneel(db, [data.kwartaal], gebieden, voorJson(beleid));
  const w = (g: string): Waarden => paneel.get(data.kwartaal)!.get(g)!;
  return {
    kwartaal: data.kwartaal,
    voorlopig: data.voorlopig,
    regio: w(regioSleutel),
    gemeenten: Object.fromEntries(Object.entries(data.gemeenten).map(([c, g]) => [c, { naam: g.naam, ...w(c) }])),
    onderdrukking: { ...beleid, uitleg: beleidTekst(beleid) },
  };
}

/** Protected values of one gebied for a series of quarters. */
export async function beschermdeReeks(db: Db, kwartalen: Kwartaal[], gebied: string, beleid: Beleid): Promise<Map<Kwartaal, Waarden>> {
  const paneel = await leesPaneel(db, kwartalen, [gebied], voorJson(beleid));
  return new Map(kwartalen.map((k) => [k, paneel.get(k)!.get(gebied)!]));
}

/** The policy when the signed-in user's view is protected, else null. */
export async function beleidVoor(db: Db, g: Gebruiker | undefined): Promise<Beleid | null> {
  return g && beschermd(g) ? leesBeleid(db) : null;
}
