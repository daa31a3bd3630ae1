import type { Knex } from 'knex';
import { alsGetal, type Db } from '../db/connection.js';
import type { FinancienRij, FormatieRij } from './validate.js';

type Q = Db | Knex.Transaction;

/** Replaces the given quarters by the rows (a re-import of a quarter replaces all of its posts). */
export async function vervangFinancien(trx: Q, rijen: FinancienRij[], batchId: number): Promise<{ nieuw: number; gewijzigd: number }> {
  const kwartalen = [...new Set(rijen.map((r) => r.kwartaal))];
  const bestaand = new Set(
    ((await trx('financien').select('kwartaal', 'post').whereIn('kwartaal', kwartalen)) as { kwartaal: string; post: string }[]).map((r) => `${r.kwartaal}|${r.post}`),
  );
  await trx('financien').whereIn('kwartaal', kwartalen).delete();
  for (let i = 0; i < rijen.length; i += 500) {
    await trx('financien').insert(rijen.slice(i, i + 500).map((r) => ({ ...r, importbatch_id: batchId })));
  }
  const gewijzigd = rijen.filter((r) => bestaand.has(`${r.kwartaal}|${r.post}`)).length;
  return { nieuw: rijen.length - gewijzigd, gewijzigd };
}

export async function vervangFormatie(trx: Q, rijen: FormatieRij[], batchId: number): Promise<{ nieuw: number; gewijzigd: number }> {
  const maanden = rijen.map((r) => r.maand);
  const bestaand = new Set(((await trx('formatie').select('maand').whereIn('maand', maanden)) as { maand: string }[]).map((r) => r.maand));
  await trx('formatie').whereIn('maand', maanden).delete();
  for (let i = 0; i < rijen.length; i += 500) {
    await trx('formatie').insert(rijen.slice(i, i + 500).map((r) => ({ ...r, importbatch_id: batchId })));
  }
  const gewijzigd = maanden.filter((m) => bestaand.has(m)).length;
  return { nieuw: rijen.length - gewijzigd, gewijzigd };
}

/** The rows of the quarters of one year up to and including `tot` (for year-to-date and the full-year budget). */
export async function leesFinancienJaar(db: Q, jaar: string, tot: string): Promise<FinancienRij[]> {
  const rijen = (await db('financien')
    .select('kwartaal', 'post', 'realisatie', 'begroting', 'begroting_jaar')
    .where('kwartaal', '>=', `${jaar}-Q1`).andWhere('kwartaal', '<=', tot)
    .orderBy(['kwartaal', 'post'])) as Record<string, unknown>[];
  return rijen.map((r) => ({
    kwartaal: r.kwartaal as string, post: r.post as string, realisatie: alsGetal(r.realisatie),
    begroting: r.begroting === null ? null : alsGetal(r.begroting), begroting_jaar: r.begroting_jaar === null ? null : alsGetal(r.begroting_jaar),
  }));
}

export async function leesFormatie(db: Q, van: string, tot: string): Promise<FormatieRij[]> {
  const rijen = (await db('formatie').select('maand', 'fte_personeel', 'fte_inhuur', 'status')
    .where('maand', '>=', van).andWhere('maand', '<=', tot).orderBy('maand')) as Record<string, unknown>[];
  return rijen.map((r) => ({ maand: r.maand as string, fte_personeel: Number(r.fte_personeel), fte_inhuur: Number(r.fte_inhuur), status: r.status as string }));
}

export async function financienKwartalen(db: Q): Promise<string[]> {
  return ((await db('financien').distinct('kwartaal').orderBy('kwartaal', 'desc')) as { kwartaal: string }[]).map((r) => r.kwartaal);
}
