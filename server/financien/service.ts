import { telKwartalenOp, kwartaalReeks, type Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';
import { REGIO } from '../indicatoren/gebieden.js';
import { leesIndicatoren } from '../indicatoren/repository.js';
import { berekenKwartaal, doorstroomPerFte, maandenVan, metTotaal, type DoorstroomPerFte, type FinancienKwartaal, type FormatieMaand } from './compute.js';
import { financienKwartalen as leesFinancienKwartalen, leesFinancienJaar, leesFormatie } from './repository.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';

export const TREND = 8;

export interface FinancienJson {
  kwartaal: Kwartaal;
  /** false when no financial rows exist for the quarter */
  heeft_financien: boolean;
  posten: FinancienKwartaal['posten'];
  totalen: FinancienKwartaal['totalen'];
  /** months from the first month of the trend to the end of the quarter's year (forecasts included) */
  formatie: FormatieMaand[];
  doorstroom_per_fte: DoorstroomPerFte[];
}

/** `npx vt-monitor financien --kwartaal … --json`, `/financien` and the report chapter all use this. */
export async function financienVoorKwartaal(db: Db, kwartaal: Kwartaal): Promise<FinancienJson> {
  const jaar = kwartaal.slice(0, 4);
  const fin = berekenKwartaal(kwartaal, await leesFinancienJaar(db, jaar, kwartaal));
  const trend = kwartaalReeks(telKwartalenOp(kwartaal, -(TREND - 1)), kwartaal);
  const formatie = metTotaal(await leesFormatie(db, maandenVan(trend[0]!)[0]!, `${jaar}-12`));
  const instroom = await leesIndicatoren(db, { kwartalen: trend, gebieden: [REGIO], indicatoren: ['meldingen', 'adviezen'] });
  const waarde = (k: Kwartaal, i: IndicatorSleutel) => (instroom.find((r) => r.kwartaal === k && r.indicator === i)?.waarde as number | undefined) ?? null;
  return {
    kwartaal,
    heeft_financien: fin !== null,
    posten: fin?.posten ?? [],
    totalen: fin?.totalen ?? [],
    formatie,
    doorstroom_per_fte: trend.map((k) => doorstroomPerFte(k, formatie, waarde(k, 'meldingen'), waarde(k, 'adviezen'))),
  };
}

/** The quarters with a financien file, newest first. */
export async function financienKwartalen(db: Db): Promise<string[]> {
  return leesFinancienKwartalen(db);
}
