import type { Knex } from 'knex';
import { telKwartalenOp, kwartaalReeks, type Kwartaal } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { groei, per1000 } from '../shared/getallen.js';
import { basiswaarden, doorstroomwaarden, legeTelling, telOp, voegSamen, type Basiswaarden, type Telling } from './compute.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { DEFINITIEVERSIE, PER_1000_INDICATOREN, REGIO, gebiedenVan } from './gebieden.js';
import type { GeraakteKwartalen } from '../registraties/geraakt.js';
import { heeftIndicator, leesIndicatoren, vervangIndicatoren, verwijderAlles, verwijderBuiten, type IndicatorRij } from './repository.js';
import { leesMeta, schrijfMeta } from '../db/metagegevens.js';
import { bouwTellingenOpnieuw } from '../registraties/tellingen-opbouw.js';
import { neemImportslot } from '../db/importslot.js';
import { telRegistraties } from '../registraties/repository.js';
import { haalBereik, haalTellingen, leesTellingBasis } from '../registraties/tellingen-repository.js';
import { tellingBasis } from '../registraties/tellingen.js';
import { histogramWaarden } from './histogrammen.js';
import type { IndicatorSleutel } from './catalogus.js';

function per1000Waarden(b: Basiswaarden, inwoners: number | null): Record<string, number | null> {
  return Object.fromEntries(PER_1000_INDICATOREN.map((k) => [k, per1000((b as unknown as Record<string, number>)[k] ?? 0, inwoners)]));
}

/** The stored rows of one kwartaal: every gebied, and the region as the sum of all of them. */
export function indicatorRijen(kwartaal: Kwartaal, perGebied: Map<string, Telling>, regio: Regio): IndicatorRij[] {
  const rijen: IndicatorRij[] = [];
  const push = (gebied: string, waarden: Record<string, unknown>) => {
    for (const [indicator, waarde] of Object.entries(waarden)) rijen.push({ kwartaal, gebied, indicator, waarde });
  };
  const totaal = legeTelling();
  const binnenRegio = legeTelling();
  for (const [gebied, telling] of perGebied) {
    voegSamen(totaal, telling);
    const gemeente = regio.perCode.get(gebied);
    if (gemeente) voegSamen(binnenRegio, telling);
    const b = basiswaarden(telling);
    push(gebied, {
      ...b,
      per_1000_inwoners: gemeente ? per1000Waarden(b, gemeente.inwoners) : null,
      ...doorstroomwaarden(telling),
      ...histogramWaarden(telling),
    });
  }
  // per 1,000 for the region: the region's own gemeenten over their inhabitants
  push(REGIO, {
    ...basiswaarden(totaal),
    per_1000_inwoners: per1000Waarden(basiswaarden(binnenRegio), regio.inwonersTotaal),
    ...doorstroomwaarden(totaal),
    ...histogramWaarden(totaal),
  });
  return rijen;
}

/** Groei of the given quarters from the stored adviezen and meldingen (of the quarter, one before, four before). */
async function herberekenGroei(trx: Db | Knex.Transaction, kwartalen: Kwartaal[]): Promise<void> {
  if (kwartalen.length === 0) return;
  const nodig = new Set<Kwartaal>();
  for (const k of kwartalen) for (const d of [0, -1, -4]) nodig.add(telKwartalenOp(k, d));
  const aantallen = await leesIndicatoren(trx, { kwartalen: [...nodig], indicatoren: ['adviezen', 'meldingen'] });
  const stand = new Map<string, number>();
  for (const r of aantallen) stand.set(`${r.kwartaal}|${r.gebied}|${r.indicator}`, r.waarde as number);
  const gebieden = new Set(aantallen.map((r) => r.gebied));
  const get = (k: Kwartaal, g: string, i: IndicatorSleutel) => stand.get(`${k}|${g}|${i}`) ?? null;
  const som = (k: Kwartaal, g: string) => {
    const a = get(k, g, 'adviezen');
    const m = get(k, g, 'meldingen');
    return a === null || m === null ? null : a + m;
  };
  const rijen: IndicatorRij[] = [];
  for (const k of kwartalen) {
    const vorig = telKwartalenOp(k, -1);
    const vorigJaar = telKwartalenOp(k, -4);
    for (const g of gebieden) {
      if (get(k, g, 'meldingen') === null) continue;
      rijen.push({
        kwartaal: k,
        gebied: g,
        indicator: 'groei',
        waarde: {
          meldingen_qoq: groei(get(k, g, 'meldingen'), get(vorig, g, 'meldingen')),
          adviezen_qoq: groei(get(k, g, 'adviezen'), get(vorig, g, 'adviezen')),
          totaal_qoq: groei(som(k, g), som(vorig, g)),
          meldingen_yoy: groei(get(k, g, 'meldingen'), get(vorigJaar, g, 'meldingen')),
          adviezen_yoy: groei(get(k, g, 'adviezen'), get(vorigJaar, g, 'adviezen')),
          totaal_yoy: groei(som(k, g), som(vorigJaar, g)),
        },
      });
    }
  }
  await vervangIndicatoren(trx, kwartalen, ['groei'], rijen);
}

export interface HerberekenResultaat {
  kwartalen: Kwartaal[];
  bereik: { van: Kwartaal; tot: Kwartaal } | null;
}

/**
 * Recomputes and stores the indicators. `geraakt` null: every quarter of the range (full
 * rebuild); otherwise only the quarters an import touched, plus quarters the range gained.
 */
export async function herberekenIndicatoren(
  trx: Db | Knex.Transaction,
  regio: Regio,
  kalender: Werkdagkalender,
  geraakt: GeraakteKwartalen | null,
): Promise<HerberekenResultaat> {
  const bereik = await haalBereik(trx);
  if (!bereik) {
    await verwijderAlles(trx);
    await schrijfMeta(trx, 'bereik', 'null');
    return { kwartalen: [], bereik: null };
  }
  const oud = JSON.parse((await leesMeta(trx, 'bereik')) ?? 'null') as { van: Kwartaal; tot: Kwartaal } | null;
  const alle = kwartaalReeks(bereik.van, bereik.tot);
  let kwartalen: Kwartaal[];
  // quarters that left the range: their figures go, so the growth of the quarters that compared with them changes
  let verlaten: Kwartaal[] = [];
  if (geraakt === null || oud === null) kwartalen = alle;
  else {
    const set = new Set(geraakt.binnen(bereik.van, bereik.tot));
    for (const k of alle) if (k < oud.van || k > oud.tot) set.add(k);
    kwartalen = [...set].sort();
    verlaten = kwartaalReeks(oud.van, oud.tot).filter((k) => k < bereik.van || k > bereik.tot);
  }
  const volledig = kwartalen.length === alle.length;

  const tellingen = await haalTellingen(trx, volledig ? null : kwartalen);
  const kaart = telOp(tellingen, kwartalen, gebiedenVan(regio), kalender);
  const rijen = kwartalen.flatMap((k) => indicatorRijen(k, kaart.get(k)!, regio));
  if (volledig) await verwijderAlles(trx);
  else await verwijderBuiten(trx, bereik.van, bereik.tot);
  await vervangIndicatoren(trx, kwartalen, null, rijen);

  const groeiKwartalen = new Set<Kwartaal>();
  // a quarter's growth compares it with one and four quarters before: recompute those after every changed or vanished quarter
  for (const k of [...kwartalen, ...verlaten])
    for (const d of [0, 1, 4]) {
      const g = telKwartalenOp(k, d);
      if (g >= bereik.van && g <= bereik.tot) groeiKwartalen.add(g);
    }
  await herberekenGroei(trx, [...groeiKwartalen].sort());

  await schrijfMeta(trx, 'bereik', JSON.stringify(bereik));
  await schrijfMeta(trx, 'definitieversie', DEFINITIEVERSIE);
  await schrijfMeta(trx, 'data_versie', new Date().toISOString());
  return { kwartalen, bereik };
}

/**
 * After an upgrade that changed a definition, the stored figures are of the old version; after a
 * change of calendar or region file (or the upgrade that introduced them), the kept counts are of
 * another basis. Either way rebuild once (at start-up), so that no page or report mixes versions.
 * Returns whether it rebuilt.
 */
export async function herberekenBijNieuweDefinities(db: Db, regio: Regio, kalender: Werkdagkalender): Promise<boolean> {
  const opgeslagen = await leesMeta(db, 'definitieversie');
  const nieuweDefinities = opgeslagen !== null && opgeslagen !== DEFINITIEVERSIE;
  const andereBasis = (await leesTellingBasis(db)) !== tellingBasis(regio, kalender) && (await telRegistraties(db)) > 0;
  if (!nieuweDefinities && !andereBasis) return false;
  await bouwAllesOpnieuw(db, regio, kalender);
  return true;
}

/**
 * Rebuilds the kept counts from every stored registration and then every indicator, in one
 * transaction that holds the import slot (at start-up after a change, and `herbereken --afleiden`).
 * One transaction: a crash in between would leave figures of the old basis behind counts that
 * say they are new (and the next start would not look again). An import beside it waits its turn,
 * so the counts are never built from rows that import changed halfway.
 */
export async function bouwAllesOpnieuw(
  db: Db,
  regio: Regio,
  kalender: Werkdagkalender,
  onVoortgang?: (klaar: number) => void,
): Promise<HerberekenResultaat & { registraties: number }> {
  return db.transaction(async (trx) => {
    await neemImportslot(trx, 'wacht');
    const registraties = await bouwTellingenOpnieuw(trx, regio, kalender, onVoortgang);
    return { registraties, ...(await herberekenIndicatoren(trx, regio, kalender, null)) };
  });
}

/**
 * Databases whose indicators were stored before the distributions (`histogrammen`) were: rebuild
 * once at start-up, so that half-year and annual medians are exact. Returns whether it rebuilt.
 */
export async function herberekenZonderHistogrammen(db: Db, regio: Regio, kalender: Werkdagkalender): Promise<boolean> {
  if (!(await heeftIndicator(db, null))) return false;
  if (await heeftIndicator(db, 'histogrammen')) return false;
  await db.transaction((trx) => herberekenIndicatoren(trx, regio, kalender, null));
  return true;
}
