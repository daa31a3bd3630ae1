import type { Knex } from 'knex';
import { alsGetal, type Db } from '../db/connection.js';
import type { FinancienRij, FormatieRij } from './validate.js';

type Q = Db | Knex.Transaction;

export interface Vervangtelling {
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
}

const getalOfNull = (v: unknown): number | null => (v === null || v === undefined ? null : alsGetal(v));

/** Counts the new rows against the stored ones of the same key: new, changed, or equal in every value. */
function vergelijk<T>(rijen: T[], bestaand: Map<string, T>, sleutel: (r: T) => string, gelijk: (a: T, b: T) => boolean): Vervangtelling {
  const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
  for (const r of rijen) {
    const oud = bestaand.get(sleutel(r));
    if (oud === undefined) telling.nieuw++;
    else if (gelijk(oud, r)) telling.ongewijzigd++;
    else telling.gewijzigd++;
  }
  return telling;
}

/**
 * Replaces the given quarters by the rows (a re-import of a quarter replaces all of its posts).
 * A row equal in every value to the stored one counts as unchanged.
 */
export async function vervangFinancien(trx: Q, rijen: FinancienRij[], batchId: number): Promise<Vervangtelling> {
  const kwartalen = [...new Set(rijen.map((r) => r.kwartaal))];
  const sleutel = (r: FinancienRij) => `${r.kwartaal}|${r.post}`;
  const opgeslagen = (await trx('financien').select('kwartaal', 'post', 'realisatie', 'begroting', 'begroting_jaar').whereIn('kwartaal', kwartalen)) as Record<
    string,
    unknown
  >[];
  const bestaand = new Map(
    opgeslagen.map((r) => {
      const rij: FinancienRij = {
        kwartaal: r.kwartaal as string,
        post: r.post as string,
        realisatie: alsGetal(r.realisatie),
        begroting: getalOfNull(r.begroting),
        begroting_jaar: getalOfNull(r.begroting_jaar),
      };
      return [sleutel(rij), rij];
    }),
  );
  await trx('financien').whereIn('kwartaal', kwartalen).delete();
  for (let i = 0; i < rijen.length; i += 500) {
    await trx('financien').insert(rijen.slice(i, i + 500).map((r) => ({ ...r, importbatch_id: batchId })));
  }
  return vergelijk(rijen, bestaand, sleutel, (a, b) => a.realisatie === b.realisatie && a.begroting === b.begroting && a.begroting_jaar === b.begroting_jaar);
}

/** Replaces the given months by the rows; a row equal in every value to the stored one counts as unchanged. */
export async function vervangFormatie(trx: Q, rijen: FormatieRij[], batchId: number): Promise<Vervangtelling> {
  const maanden = rijen.map((r) => r.maand);
  const opgeslagen = (await trx('formatie').select('maand', 'fte_personeel', 'fte_inhuur', 'status').whereIn('maand', maanden)) as Record<string, unknown>[];
  const bestaand = new Map(
    opgeslagen.map((r) => [
      r.maand as string,
      {
        maand: r.maand as string,
        fte_personeel: Number(r.fte_personeel),
        fte_inhuur: Number(r.fte_inhuur),
        status: r.status as string,
      },
    ]),
  );
  await trx('formatie').whereIn('maand', maanden).delete();
  for (let i = 0; i < rijen.length; i += 500) {
    await trx('formatie').insert(rijen.slice(i, i + 500).map((r) => ({ ...r, importbatch_id: batchId })));
  }
  return vergelijk(
    rijen,
    bestaand,
    (r) => r.maand,
    (a, b) => a.fte_personeel === b.fte_personeel && a.fte_inhuur === b.fte_inhuur && a.status === b.status,
  );
}

/** The rows of the quarters of one year up to and including `tot` (for year-to-date and the full-year budget). */
export async function leesFinancienJaar(db: Q, jaar: string, tot: string): Promise<FinancienRij[]> {
  const rijen = (await db('financien')
    .select('kwartaal', 'post', 'realisatie', 'begroting', 'begroting_jaar')
    .where('kwartaal', '>=', `${jaar}-Q1`)
    .andWhere('kwartaal', '<=', tot)
    .orderBy(['kwartaal', 'post'])) as Record<string, unknown>[];
  return rijen.map((r) => ({
    kwartaal: r.kwartaal as string,
    post: r.post as string,
    realisatie: alsGetal(r.realisatie),
    begroting: r.begroting === null ? null : alsGetal(r.begroting),
    begroting_jaar: r.begroting_jaar === null ? null : alsGetal(r.begroting_jaar),
  }));
}

export async function leesFormatie(db: Q, van: string, tot: string): Promise<FormatieRij[]> {
  const rijen = (await db('formatie')
    .select('maand', 'fte_personeel', 'fte_inhuur', 'status')
    .where('maand', '>=', van)
    .andWhere('maand', '<=', tot)
    .orderBy('maand')) as Record<string, unknown>[];
  return rijen.map((r) => ({ maand: r.maand as string, fte_personeel: Number(r.fte_personeel), fte_inhuur: Number(r.fte_inhuur), status: r.status as string }));
}

export async function financienKwartalen(db: Q): Promise<string[]> {
  return ((await db('financien').distinct('kwartaal').orderBy('kwartaal', 'desc')) as { kwartaal: string }[]).map((r) => r.kwartaal);
}
