import { kwartaalReeks, type Kwartaal } from '../calendar/kwartaal.js';
import { leesPaneel, waarden, type Bescherm, type Paneel, type Waarden } from '../indicatoren/paneel.js';
import type { Beleid } from '../privacy/onderdrukking.js';
import { inwonersVan, type Inwoners } from '../privacy/service.js';
import { laatsteImportdatum } from '../importbatches/repository.js';
import { DEFINITIEVERSIE, REGIO, gebiedenVan } from '../indicatoren/gebieden.js';
import { leesMeta } from '../db/metagegevens.js';
import { leesBereik, type Bereik } from '../indicatoren/service.js';
import { leesDuidingen, type Duiding } from './duiding-repository.js';
import type { Spiegel } from '../spiegel/compute.js';
import { spiegelVoorPeriode } from '../spiegel/service.js';
import type { RapportBron } from './invoer.js';
import { periodeGroei, periodeVorige, periodeVorigJaar, periodeWaarden, type Periode } from './periode.js';

/** Everything a half-year or annual report is made of, read once. */
export interface PeriodeInvoer {
  periode: Periode;
  vorigJaar: Periode;
  bereik: Bereik | null;
  /** false when no quarter of the period has data */
  heeftGegevens: boolean;
  /** the period's quarters that have data (fewer than all: the period is not complete yet) */
  kwartalenMetGegevens: Kwartaal[];
  /** the period's values per gebied (region included), with `groei` against a year earlier */
  nu: Map<string, Waarden>;
  /** the same period a year earlier, per gebied */
  eerder: Map<string, Waarden>;
  /** the region per quarter, every quarter from the first data to the period's end (the long trend) */
  regioPerKwartaal: { kwartaal: Kwartaal; waarden: Waarden }[];
  /** the region per calendar year since the first data (the last one up to the period's end) */
  regioPerJaar: { jaar: number; waarden: Waarden; volledig: boolean }[];
  duidingen: Map<string, Duiding>;
  dataDatum: string | null;
  definitieversie: string;
  /** the spiegel (CBS region and Nederland beside our own registration) of a half year or year */
  spiegel?: Spiegel | null;
}

function perGebied(paneel: Paneel, kwartalen: Kwartaal[], gebieden: string[], inwoners: Inwoners, beleid?: Beleid): Map<string, Waarden> {
  return new Map(
    gebieden.map((g) => [
      g,
      periodeWaarden(
        kwartalen.map((k) => waarden(paneel, k, g)),
        // a half year or year lies in one calendar year: the population of that year
        inwoners(g, kwartalen[0]!),
        beleid,
      ),
    ]),
  );
}

/**
 * `publicatie`: for an account that sees protected figures, every quarter goes through the
 * publication step (privacy/service.ts) and the period is made of the published quarters
 * (rapportage/periode.ts), so quarter and period follow the same protection.
 */
export async function leesPeriodeInvoer(bron: RapportBron, periode: Periode, publicatie?: { bescherm: Bescherm; beleid: Beleid }): Promise<PeriodeInvoer> {
  const bereik = await leesBereik(bron.db);
  const vorigJaar = periodeVorigJaar(periode);
  const eerste = periode.kwartalen[0]!;
  const laatste = periode.kwartalen.at(-1)!;
  const heeftGegevens = bereik !== null && laatste >= bereik.van && eerste <= bereik.tot;
  const gebieden = [REGIO, ...gebiedenVan(bron.regio)];
  const bevolking = inwonersVan(bron.regio);
  const inwoners: Inwoners = (g, k) => (g === REGIO && !publicatie ? null : bevolking(g, k));
  const beleid = publicatie?.beleid;
  const basis = {
    periode,
    vorigJaar,
    bereik,
    heeftGegevens,
    duidingen: await leesDuidingen(bron.db, periode.sleutel),
    dataDatum: await laatsteImportdatum(bron.db),
    definitieversie: (await leesMeta(bron.db, 'definitieversie')) ?? DEFINITIEVERSIE,
    spiegel: periode.soort === 'kwartaal' ? null : await spiegelVoorPeriode(bron.db, bron.regio, periode.sleutel),
  };
  if (!heeftGegevens) {
    return { ...basis, kwartalenMetGegevens: [], nu: new Map(), eerder: new Map(), regioPerKwartaal: [], regioPerJaar: [] };
  }
  const inBereik = (k: Kwartaal) => k >= bereik.van && k <= bereik.tot;
  const kwartalenMetGegevens = periode.kwartalen.filter(inBereik);
  const paneel = await leesPaneel(bron.db, [...periode.kwartalen, ...vorigJaar.kwartalen], gebieden, publicatie?.bescherm);
  const nu = perGebied(paneel, periode.kwartalen, gebieden, inwoners, beleid);
  const eerder = perGebied(paneel, vorigJaar.kwartalen, gebieden, inwoners, beleid);
  const trendPaneel = await leesPaneel(bron.db, kwartaalReeks(bereik.van, laatste < bereik.tot ? laatste : bereik.tot), [REGIO], publicatie?.bescherm);
  const vorige = periodeWaarden(
    periodeVorige(periode).kwartalen.map((k) => waarden(trendPaneel, k, REGIO)),
    null,
    beleid,
  );
  // the region's per-1,000: its own gemeenten over their inhabitants (as the stored quarters do);
  // published: the region's published count over the region's inhabitants (as a published quarter)
  for (const [kaart, kwartalen] of publicatie
    ? []
    : ([
        [nu, periode.kwartalen],
        [eerder, vorigJaar.kwartalen],
      ] as const)) {
    const binnen = periodeWaarden(
      kwartalen.map((k) => {
        const som: Record<string, unknown> = {};
        for (const g of bron.regio.gemeenten)
          for (const [sleutel, v] of Object.entries(waarden(paneel, k, g.code))) {
            if (typeof v === 'number') som[sleutel] = ((som[sleutel] as number | undefined) ?? 0) + v;
          }
        return som;
      }),
      bevolking(REGIO, kwartalen[0]!),
    );
    const r = kaart.get(REGIO)!;
    if (Object.keys(r).length > 0) r.per_1000_inwoners = binnen.per_1000_inwoners;
  }
  for (const g of gebieden) nu.get(g)!.groei = periodeGroei(nu.get(g)!, eerder.get(g)!, g === REGIO ? vorige : {}, beleid);
  const regioPerKwartaal = [...trendPaneel.keys()].map((k) => ({ kwartaal: k, waarden: waarden(trendPaneel, k, REGIO) }));
  const jaren: PeriodeInvoer['regioPerJaar'] = [];
  for (let j = Number(bereik.van.slice(0, 4)); j <= periode.jaar; j++) {
    const kw = regioPerKwartaal.filter((r) => r.kwartaal.startsWith(`${j}-`));
    jaren.push({
      jaar: j,
      waarden: periodeWaarden(
        kw.map((r) => r.waarden),
        null,
        beleid,
      ),
      volledig: kw.length === 4,
    });
  }
  return { ...basis, kwartalenMetGegevens, nu, eerder, regioPerKwartaal, regioPerJaar: jaren };
}
