import { isKwartaal, kwartaalReeks, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { BUITEN_REGIO, ONBEKEND, gebiedNaam, type Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { nietGevonden, ongeldigeInvoer } from '../shared/fouten.js';
import { REGIO, gebiedenVan } from './gebieden.js';
import { OPENBARE_SLEUTELS } from './catalogus.js';
import { leesIndicatoren, leesReeks } from './repository.js';
import { leesMeta } from '../db/metagegevens.js';

/** Every top-level indicator key of the JSON, in catalogue order (the catalogue is the one list). */
export const INDICATOR_SLEUTELS: readonly string[] = OPENBARE_SLEUTELS;

export type Indicatorwaarden = Record<string, unknown>;

export interface IndicatorenJson {
  kwartaal: Kwartaal;
  /** figures of a quarter that has not ended yet are provisional (CBS: *) */
  voorlopig: boolean;
  regio: Indicatorwaarden;
  gemeenten: Record<string, Indicatorwaarden & { naam: string }>;
}

export interface Bereik {
  van: Kwartaal;
  tot: Kwartaal;
}

export async function leesBereik(db: Db): Promise<Bereik | null> {
  return JSON.parse((await leesMeta(db, 'bereik')) ?? 'null') as Bereik | null;
}

export function leesKwartaal(value: unknown, param = 'kwartaal'): Kwartaal {
  if (typeof value !== 'string' || !isKwartaal(value)) {
    throw ongeldigeInvoer(`Parameter ${param} moet een kwartaal zijn zoals 2019-Q1 (gekregen: ${String(value ?? 'niets')})`);
  }
  return value;
}

export function leesGebied(regio: Regio, value: unknown): string {
  const code = typeof value === 'string' ? value.trim() : '';
  const upper = code.toUpperCase();
  if (regio.perCode.has(upper)) return upper;
  if (code === BUITEN_REGIO || code === ONBEKEND) return code;
  throw ongeldigeInvoer(
    `Onbekende gemeente "${code.length > 60 ? `${code.slice(0, 60)}…` : code}": gebruik een gemeentecode ` +
      `uit de regio (zoals ${regio.gemeenten[0]?.code}), buiten_regio of onbekend`,
  );
}

async function vereisKwartaalInBereik(db: Db, kwartaal: Kwartaal): Promise<void> {
  const bereik = await leesBereik(db);
  if (!bereik || kwartaal < bereik.van || kwartaal > bereik.tot) {
    throw nietGevonden(
      bereik
        ? `Geen cijfers voor ${kwartaal}: er zijn cijfers van ${bereik.van} tot en met ${bereik.tot}`
        : `Geen cijfers voor ${kwartaal}: er zijn nog geen registraties geïmporteerd`,
    );
  }
}

/** The catalogue's JSON for one kwartaal: region and every gebied, or one gebied. */
/** A quarter whose last day is after today: its figures are provisional. */
export const isVoorlopig = (k: Kwartaal, vandaag: string) => laatsteDag(k) > vandaag;

export async function indicatorenVoorKwartaal(db: Db, regio: Regio, kwartaal: Kwartaal, gebied?: string, vandaag = '9999-12-31'): Promise<IndicatorenJson> {
  await vereisKwartaalInBereik(db, kwartaal);
  const gebieden = gebied ? [REGIO, gebied] : [REGIO, ...gebiedenVan(regio)];
  const rijen = await leesIndicatoren(db, { kwartalen: [kwartaal], gebieden });
  const perGebied = new Map<string, Indicatorwaarden>(gebieden.map((g) => [g, {}]));
  for (const r of rijen) perGebied.get(r.gebied)![r.indicator] = r.waarde;
  const ordered = (values: Indicatorwaarden) => Object.fromEntries(INDICATOR_SLEUTELS.filter((k) => k in values).map((k) => [k, values[k]]));
  return {
    kwartaal,
    voorlopig: isVoorlopig(kwartaal, vandaag),
    regio: ordered(perGebied.get(REGIO)!),
    gemeenten: Object.fromEntries(gebieden.filter((g) => g !== REGIO).map((g) => [g, { naam: gebiedNaam(regio, g), ...ordered(perGebied.get(g)!) }])),
  };
}

/** The value at a dotted path into an indicator value (`groei.meldingen_yoy` → ['groei', 'meldingen_yoy']); null when absent. */
export function pad(value: unknown, path: string[]): unknown {
  let v = value;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v === undefined ? null : v;
}

export interface Reeks {
  indicator: string;
  gebied: string;
  naam: string;
  van: Kwartaal;
  tot: Kwartaal;
  reeks: { kwartaal: Kwartaal; waarde: unknown; voorlopig: boolean }[];
}

/** A series of one indicator (a key, or a dotted path into an object such as `groei.meldingen_yoy`). */
export async function indicatorReeks(
  db: Db,
  regio: Regio,
  indicator: string,
  van: Kwartaal,
  tot: Kwartaal,
  gebied = REGIO,
  vandaag = '9999-12-31',
): Promise<Reeks> {
  const [sleutel, ...rest] = indicator.split('.');
  if (!sleutel || !(INDICATOR_SLEUTELS.includes(sleutel) || sleutel === 'laatste_4_kwartalen')) {
    throw ongeldigeInvoer(`Onbekende indicator "${indicator}"; zie docs/indicatoren.md voor de namen`);
  }
  if (van > tot) throw ongeldigeInvoer(`van (${van}) ligt na tot (${tot})`);
  if (kwartaalReeks(van, tot).length > 400) throw ongeldigeInvoer('Een reeks beslaat hoogstens 100 jaar');
  const rijen = await leesReeks(db, sleutel, gebied, van, tot);
  const perKwartaal = new Map(rijen.map((r) => [r.kwartaal, r.waarde]));
  return {
    indicator,
    gebied,
    naam: gebiedNaam(regio, gebied),
    van,
    tot,
    reeks: kwartaalReeks(van, tot).map((k) => ({
      kwartaal: k,
      waarde: perKwartaal.has(k) ? pad(perKwartaal.get(k), rest) : null,
      voorlopig: isVoorlopig(k, vandaag),
    })),
  };
}
