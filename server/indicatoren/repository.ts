import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';
import type { IndicatorSleutel } from './catalogus.js';

type Q = Db | Knex.Transaction;

export interface IndicatorRij {
  kwartaal: Kwartaal;
  gebied: string;
  indicator: string;
  waarde: unknown;
}

const ROWS_PER_STATEMENT = 200;
const IN_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Replaces the stored values of the given indicators (all when `indicatoren` is null) for those quarters. */
export async function vervangIndicatoren(trx: Q, kwartalen: Kwartaal[], indicatoren: IndicatorSleutel[] | null, rijen: IndicatorRij[]): Promise<void> {
  for (const deel of chunks(kwartalen, IN_CHUNK)) {
    const del = trx('indicatoren').whereIn('kwartaal', deel);
    await (indicatoren === null ? del : del.whereIn('indicator', indicatoren)).delete();
  }
  const records = rijen.map((r) => ({ kwartaal: r.kwartaal, gebied: r.gebied, indicator: r.indicator, waarde: JSON.stringify(r.waarde) }));
  for (const deel of chunks(records, ROWS_PER_STATEMENT)) await trx('indicatoren').insert(deel);
}

export async function verwijderBuiten(trx: Q, van: Kwartaal, tot: Kwartaal): Promise<void> {
  await trx('indicatoren').where('kwartaal', '<', van).orWhere('kwartaal', '>', tot).delete();
}

/** Whether any figure is stored (`indicator` null), or any of that indicator. */
export async function heeftIndicator(db: Q, indicator: IndicatorSleutel | null): Promise<boolean> {
  const q = db('indicatoren').select('kwartaal');
  return (await (indicator === null ? q : q.where({ indicator })).first()) !== undefined;
}

export async function verwijderAlles(trx: Q): Promise<void> {
  await trx('indicatoren').delete();
}

function parse(rows: { kwartaal: string; gebied: string; indicator: string; waarde: string }[]): IndicatorRij[] {
  return rows.map((r) => ({ ...r, waarde: JSON.parse(r.waarde) as unknown }));
}

export async function leesIndicatoren(
  db: Q,
  filter: { kwartalen: Kwartaal[]; gebieden?: string[]; indicatoren?: IndicatorSleutel[] },
): Promise<IndicatorRij[]> {
  let q = db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').whereIn('kwartaal', filter.kwartalen);
  if (filter.gebieden) q = q.whereIn('gebied', filter.gebieden);
  if (filter.indicatoren) q = q.whereIn('indicator', filter.indicatoren);
  return parse(await q);
}

export async function leesReeks(db: Q, indicator: string, gebied: string, van: Kwartaal, tot: Kwartaal): Promise<IndicatorRij[]> {
  return parse(
    await db('indicatoren')
      .select('kwartaal', 'gebied', 'indicator', 'waarde')
      .where({ indicator, gebied })
      .whereBetween('kwartaal', [van, tot])
      .orderBy('kwartaal'),
  );
}
