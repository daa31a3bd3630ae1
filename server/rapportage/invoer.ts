import { telKwartalenOp, kwartaalReeks, type Kwartaal } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { leesPaneel, type Bescherm, type Paneel } from '../indicatoren/paneel.js';
import type { Normen } from '../dashboard/service.js';
import { laatsteImportdatum } from '../importbatches/repository.js';
import { DEFINITIEVERSIE, REGIO, gebiedenVan } from '../indicatoren/gebieden.js';
import { leesMeta } from '../db/metagegevens.js';
import { leesBereik, type Bereik } from '../indicatoren/service.js';
import { financienVoorKwartaal, type FinancienJson } from '../financien/service.js';
import { leesDuidingen, type Duiding } from './duiding-repository.js';

/** Quarters in the report's trend charts and tables. */
export const TRENDKWARTALEN = 8;

export interface RapportBron {
  db: Db;
  regio: Regio;
  normen: Normen;
}

/** Everything a report is made of, read once; the report itself is built from this by pure functions. */
export interface RapportInvoer {
  kwartaal: Kwartaal;
  bereik: Bereik | null;
  /** false when the quarter lies outside the data */
  heeftGegevens: boolean;
  trend: Kwartaal[];
  paneel: Paneel;
  duidingen: Map<string, Duiding>;
  dataDatum: string | null;
  definitieversie: string;
  /** null for reports that have no financial chapter (factsheets) */
  financien: FinancienJson | null;
}

export async function leesRapportInvoer(
  bron: RapportBron,
  kwartaal: Kwartaal,
  opties: { financien?: boolean; bescherm?: Bescherm } = {},
  gebieden = [REGIO, ...gebiedenVan(bron.regio)],
): Promise<RapportInvoer> {
  const bereik = await leesBereik(bron.db);
  const heeftGegevens = bereik !== null && kwartaal >= bereik.van && kwartaal <= bereik.tot;
  const start = telKwartalenOp(kwartaal, -(TRENDKWARTALEN - 1));
  const trend = heeftGegevens ? kwartaalReeks(bereik.van > start ? bereik.van : start, kwartaal) : [];
  const kwartalen = heeftGegevens ? [...new Set([...trend, telKwartalenOp(kwartaal, -4)])] : [];
  return {
    kwartaal,
    bereik,
    heeftGegevens,
    trend,
    paneel: await leesPaneel(bron.db, kwartalen, gebieden, opties.bescherm),
    duidingen: await leesDuidingen(bron.db, kwartaal),
    dataDatum: await laatsteImportdatum(bron.db),
    definitieversie: (await leesMeta(bron.db, 'definitieversie')) ?? DEFINITIEVERSIE,
    financien: opties.financien && heeftGegevens ? await financienVoorKwartaal(bron.db, kwartaal) : null,
  };
}
