import { beschermd, type Gebruiker } from '../auth/rollen.js';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { leesPaneel, type Bescherm } from '../indicatoren/paneel.js';
import { REGIO } from '../indicatoren/gebieden.js';
import type { IndicatorenJson } from '../indicatoren/service.js';
import { leesBeleid } from './instellingen.js';
import { alsNull, beschermWaarden, beleidTekst, type Beleid } from './onderdrukking.js';

type Waarden = Record<string, unknown>;

/** The population of a gebied in a quarter: the divisor of its per-1,000 figures (null: none). */
export type Inwoners = (gebied: string, kwartaal: Kwartaal) => number | null;

/**
 * The one place the publication step reads a population: the CBS population on 1 January of the
 * quarter's year (before CBS publishes that year: the latest earlier year, `bevolkingsjaar`), of
 * the gemeente over the area its registrations count under, or of the region (the sum of that
 * year's gemeenten); buiten_regio and onbekend have none. Never an estimate: no figure, no rate.
 */
export function inwonersVan(regio: Regio): Inwoners {
  return (gebied, kwartaal) => {
    const jaar = regio.bevolkingsjaar(Number(kwartaal.slice(0, 4)));
    if (jaar === null) return null;
    return gebied === REGIO ? regio.inwonersRegioOp(jaar) : regio.inwonersGebiedOp(gebied, jaar);
  };
}

/** The CBS population year a period's per-1.000 figures divide by, as every page, report and download names it. */
export interface Bevolkingsjaar {
  jaar: number;
  /** the StatLine tables the region's figures of that year come from (`85755NED`) */
  tabellen: string[];
  /** `CBS, 1 januari 2024`: after "per 1.000 inwoners" in a column header, sentence or tooltip */
  label: string;
  /** `Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).`: a note under a figure or table */
  noot: string;
}

/**
 * The year inwonersVan divides a quarter's per-1.000 figures by, with its CBS table: the one
 * rule (regio.bevolkingsjaar) read once per year. Null when CBS has no year for the region.
 */
export function bevolkingsjaarVan(regio: Regio): (kwartaal: Kwartaal) => Bevolkingsjaar | null {
  const perJaar = new Map<number, Bevolkingsjaar | null>();
  return (kwartaal) => {
    const periodejaar = Number(kwartaal.slice(0, 4));
    if (!perJaar.has(periodejaar)) {
      const jaar = regio.bevolkingsjaar(periodejaar);
      const tabellen = jaar === null ? [] : [...new Set((regio.inwonersRegioCijfersOp(jaar) ?? []).map((c) => c.tabel))].sort();
      const label = `CBS, 1 januari ${jaar}`;
      perJaar.set(
        periodejaar,
        jaar === null ? null : { jaar, tabellen, label, noot: `Inwoners: ${label}${tabellen.length > 0 ? ` (StatLine ${tabellen.join(', ')})` : ''}.` },
      );
    }
    return perJaar.get(periodejaar)!;
  };
}

/** The publication step of one kwartaal × gebied: protected counts, everything else derived from them (onderdrukking.ts). */
const publiceer =
  (beleid: Beleid, inwoners: Inwoners): Bescherm =>
  (w, historie, gebied, kwartaal) =>
    beschermWaarden(w, beleid, { historie, isRegio: gebied === REGIO, inwoners: inwoners(gebied, kwartaal) });

/** For pages and charts: the publication step, suppressed values as null. */
export const voorWeergave = (beleid: Beleid, inwoners: Inwoners): Bescherm => {
  const p = publiceer(beleid, inwoners);
  return (w, historie, gebied, kwartaal) => alsNull(p(w, historie, gebied, kwartaal));
};
/** For JSON: the publication step, suppressed values explicit (`{"onderdrukt": true}`). */
export const voorJson = (beleid: Beleid, inwoners: Inwoners): Bescherm => publiceer(beleid, inwoners);

/** The catalogue JSON with every gebied protected (each with its own quarters before, for growth and the four-quarter key figures). */
export async function beschermJson(
  db: Db,
  regio: Regio,
  data: IndicatorenJson,
  beleid: Beleid,
): Promise<IndicatorenJson & { onderdrukking: Beleid & { uitleg: string } }> {
  const gebieden = [REGIO, ...Object.keys(data.gemeenten)];
  const paneel = await leesPaneel(db, [data.kwartaal], gebieden, voorJson(beleid, inwonersVan(regio)));
  const w = (g: string): Waarden => paneel.get(data.kwartaal)!.get(g)!;
  return {
    kwartaal: data.kwartaal,
    voorlopig: data.voorlopig,
    regio: w(REGIO),
    gemeenten: Object.fromEntries(Object.entries(data.gemeenten).map(([c, g]) => [c, { naam: g.naam, ...w(c) }])),
    onderdrukking: { ...beleid, uitleg: beleidTekst(beleid) },
  };
}

/** Protected values of one gebied for a series of quarters. */
export async function beschermdeReeks(db: Db, regio: Regio, kwartalen: Kwartaal[], gebied: string, beleid: Beleid): Promise<Map<Kwartaal, Waarden>> {
  const paneel = await leesPaneel(db, kwartalen, [gebied], voorJson(beleid, inwonersVan(regio)));
  return new Map(kwartalen.map((k) => [k, paneel.get(k)!.get(gebied)!]));
}

/** The policy when the signed-in user's view is protected, else null. */
export async function beleidVoor(db: Db, g: Gebruiker | undefined): Promise<Beleid | null> {
  return g && beschermd(g) ? leesBeleid(db) : null;
}
