import { telKwartalenOp, kwartaalReeks, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';
import { leesIndicatoren } from './repository.js';
import { leesBereik, type Bereik } from './service.js';
import { nietGevonden } from '../shared/fouten.js';
import type { IndicatorSleutel } from './catalogus.js';

/** One kwartaal × gebied: catalogue key → value (a typo in a property or a `getal` key fails `tsc`). */
export type Waarden = { [K in IndicatorSleutel]?: unknown };
/** kwartaal → gebied → indicator → value, as stored */
export type Paneel = Map<Kwartaal, Map<string, Waarden>>;

/**
 * The publication step of one kwartaal × gebied (privacy/service.ts), given the unprotected values
 * of the four quarters before (newest first, by position: an empty object where there is no data).
 */
export type Bescherm = (w: Waarden, historie: Waarden[], gebied: string, kwartaal: Kwartaal) => Waarden;

/** `bescherm`: applied to every kwartaal × gebied (protection of small numbers for gemeente users and factsheets). */
export async function leesPaneel(db: Db, kwartalen: Kwartaal[], gebieden: string[], bescherm?: Bescherm): Promise<Paneel> {
  const metHistorie = bescherm ? [...new Set(kwartalen.flatMap((k) => [k, ...[1, 2, 3, 4].map((d) => telKwartalenOp(k, -d))]))] : kwartalen;
  const ruw: Paneel = new Map(metHistorie.map((k) => [k, new Map(gebieden.map((g) => [g, {}]))]));
  for (const r of await leesIndicatoren(db, { kwartalen: metHistorie, gebieden })) {
    const w = ruw.get(r.kwartaal)?.get(r.gebied);
    // a stored key the catalogue no longer knows is kept as stored (the privacy layer drops it)
    if (w) (w as Record<string, unknown>)[r.indicator] = r.waarde;
  }
  if (!bescherm) return ruw;
  const paneel: Paneel = new Map();
  for (const k of kwartalen) {
    const historie = (g: string) => [1, 2, 3, 4].map((d) => ruw.get(telKwartalenOp(k, -d))!.get(g)!);
    paneel.set(k, new Map(gebieden.map((g) => [g, bescherm(ruw.get(k)!.get(g)!, historie(g), g, k)])));
  }
  return paneel;
}

export function waarden(paneel: Paneel, kwartaal: Kwartaal, gebied: string): Waarden {
  return paneel.get(kwartaal)?.get(gebied) ?? {};
}

/** A stored or published figure as a number; `key` only a catalogue key (a typo fails `tsc`). */
export const getal = (w: Waarden, key: IndicatorSleutel): number | null => (typeof w[key] === 'number' ? (w[key] as number) : null);

export interface Keuze {
  bereik: Bereik;
  kwartaal: Kwartaal;
  /** the quarters shown in trend charts, ending at `kwartaal` */
  trend: Kwartaal[];
  periode: number;
}

export const PERIODES = [4, 8, 12, 20] as const;
export type Periode = (typeof PERIODES)[number];

/**
 * The filters of every page, as the route read them from the URL: kwartaal (default: the last complete quarter),
 * periode (quarters in the trend charts).
 */
export async function leesKeuze(db: Db, gevraagd: { kwartaal?: Kwartaal; periode?: Periode }, vandaag: string): Promise<Keuze> {
  const bereik = await leesBereik(db);
  if (!bereik) throw nietGevonden('Er zijn nog geen registraties geïmporteerd: importeer een export of start met demodata.');
  let kwartaal: Kwartaal;
  if (gevraagd.kwartaal !== undefined) {
    kwartaal = gevraagd.kwartaal;
    if (kwartaal < bereik.van || kwartaal > bereik.tot) {
      throw nietGevonden(`Geen cijfers voor ${kwartaal}: er zijn cijfers van ${bereik.van} tot en met ${bereik.tot}`);
    }
  } else {
    kwartaal = laatsteDag(bereik.tot) <= vandaag || bereik.tot === bereik.van ? bereik.tot : telKwartalenOp(bereik.tot, -1);
  }
  const periode = gevraagd.periode ?? 12;
  const start = telKwartalenOp(kwartaal, -(periode - 1));
  return { bereik, kwartaal, periode, trend: kwartaalReeks(start < bereik.van ? bereik.van : start, kwartaal) };
}
