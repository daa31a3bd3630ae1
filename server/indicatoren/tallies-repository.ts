import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import { toNumber, type Db } from '../db/connection.js';
import { VOORRADEN, type Voorraad } from '../registraties/derive.js';

/**
 * The grouped counts the indicators are made of: plain GROUP BY over the derived columns,
 * the same SQL on SQLite and PostgreSQL. `kwartalen` null = every quarter (full rebuild).
 */
type Q = Db | Knex.Transaction;

export interface InstroomTelling {
  kwartaal: Kwartaal; gebied: string; soort: string; melder_categorie: string; beroepsgroep: string | null;
  eerdere_betrokkenheid: string | null; nog_niet_beoordeeld: number | null; aantal: number;
}
export interface VbTelling {
  kwartaal: Kwartaal; gebied: string; besluit: string | null; binnen_termijn: number | null; werkdagen: number | null; aantal: number;
}
export interface VervolgTelling { kwartaal: Kwartaal; gebied: string; vervolg: string | null; overdracht_aan: string | null; aantal: number }
export interface AfrondingTelling {
  kwartaal: Kwartaal; gebied: string; binnen_termijn: number | null; monitoring: number | null; dagen: number | null; aantal: number;
}
export interface IntervalTelling { van: Kwartaal; tot: Kwartaal | null; gebied: string; aantal: number }
export interface WeekTelling { kwartaal: Kwartaal; week: string; gebied: string; binnen_termijn: number | null; aantal: number }
/** open work with the date its age counts from (binnenkomst for VB, the VB for onderzoek and V&V) */
export interface OpenWerkTelling { van: Kwartaal; tot: Kwartaal | null; gebied: string; vanaf: string | null; aantal: number }

export interface Tellingen {
  instroom: InstroomTelling[];
  vb: VbTelling[];
  vervolg: VervolgTelling[];
  onderzoek: AfrondingTelling[];
  vv: AfrondingTelling[];
  voorraden: Record<Voorraad, IntervalTelling[]>;
  vbPerWeek: WeekTelling[];
  openWerk: Record<'vb' | 'onderzoek' | 'vv', OpenWerkTelling[]>;
}

function inKwartalen(query: Knex.QueryBuilder, column: string, kwartalen: Kwartaal[] | null): Knex.QueryBuilder {
  return kwartalen === null ? query.whereNotNull(column) : query.whereIn(column, kwartalen);
}

function numbers<T>(rows: Record<string, unknown>[], numeric: string[]): T[] {
  for (const r of rows) for (const k of numeric) if (r[k] !== null && r[k] !== undefined) r[k] = toNumber(r[k]);
  return rows as T[];
}

export async function fetchTellingen(db: Q, kwartalen: Kwartaal[] | null): Promise<Tellingen> {
  const instroom = await inKwartalen(
    db('registraties').select({
      kwartaal: 'kw_binnenkomst', gebied: 'gemeente_sleutel', soort: 'soort', melder_categorie: 'melder_categorie',
      beroepsgroep: 'beroepsgroep', eerdere_betrokkenheid: 'eerdere_betrokkenheid', nog_niet_beoordeeld: 'nog_niet_beoordeeld',
    }).count({ aantal: '*' }),
    'kw_binnenkomst', kwartalen,
  ).groupBy('kw_binnenkomst', 'gemeente_sleutel', 'soort', 'melder_categorie', 'beroepsgroep', 'eerdere_betrokkenheid', 'nog_niet_beoordeeld');

  const vb = await inKwartalen(
    db('registraties').select({
      kwartaal: 'kw_vb', gebied: 'gemeente_sleutel', besluit: 'besluit_veiligheidsbeoordeling',
      binnen_termijn: 'vb_binnen_termijn', werkdagen: 'vb_werkdagen',
    }).count({ aantal: '*' }),
    'kw_vb', kwartalen,
  ).groupBy('kw_vb', 'gemeente_sleutel', 'besluit_veiligheidsbeoordeling', 'vb_binnen_termijn', 'vb_werkdagen');

  const vervolg = await inKwartalen(
    db('registraties')
      .select({ kwartaal: 'kw_besluit_vervolg', gebied: 'gemeente_sleutel', vervolg: 'vervolg', overdracht_aan: 'overdracht_aan' })
      .count({ aantal: '*' }),
    'kw_besluit_vervolg', kwartalen,
  ).groupBy('kw_besluit_vervolg', 'gemeente_sleutel', 'vervolg', 'overdracht_aan');

  const afronding = (soort: 'onderzoek' | 'vv') =>
    inKwartalen(
      db('registraties').select({
        kwartaal: `kw_einde_${soort}`, gebied: 'gemeente_sleutel', binnen_termijn: `${soort}_binnen_termijn`,
        monitoring: 'monitoring', dagen: `${soort}_dagen`,
      }).count({ aantal: '*' }),
      `kw_einde_${soort}`, kwartalen,
    ).groupBy(`kw_einde_${soort}`, 'gemeente_sleutel', `${soort}_binnen_termijn`, 'monitoring', `${soort}_dagen`);

  const onderzoek = await afronding('onderzoek');
  const vv = await afronding('vv');

  const voorraden = {} as Record<Voorraad, IntervalTelling[]>;
  const eerste = kwartalen?.[0];
  const laatste = kwartalen?.[kwartalen.length - 1];
  /**
   * The grouped stock intervals of one stock (`prefix_van`, `prefix_tot`), optionally with one
   * more column; with quarters given, only intervals that can cover one of them.
   */
  const intervallen = (prefix: string, extra?: { naam: string; kolom: string }) => {
    const kolommen = [`${prefix}_van`, `${prefix}_tot`, 'gemeente_sleutel', ...(extra ? [extra.kolom] : [])];
    let q = db('registraties')
      .select({ van: `${prefix}_van`, tot: `${prefix}_tot`, gebied: 'gemeente_sleutel', ...(extra ? { [extra.naam]: extra.kolom } : {}) })
      .count({ aantal: '*' })
      .whereNotNull(`${prefix}_van`);
    if (eerste !== undefined && laatste !== undefined) {
      q = q.where(`${prefix}_van`, '<=', laatste).andWhere((w) => w.whereNull(`${prefix}_tot`).orWhere(`${prefix}_tot`, '>', eerste));
    }
    return q.groupBy(kolommen);
  };
  for (const v of VOORRADEN) voorraden[v] = numbers(await intervallen(v), ['aantal']);

  const vbPerWeek = await inKwartalen(
    db('registraties').select({ kwartaal: 'kw_vb', week: 'week_vb', gebied: 'gemeente_sleutel', binnen_termijn: 'vb_binnen_termijn' }).count({ aantal: '*' }),
    'kw_vb', kwartalen,
  ).groupBy('kw_vb', 'week_vb', 'gemeente_sleutel', 'vb_binnen_termijn');

  const openWerk = {} as Tellingen['openWerk'];
  const bronnen = { vb: ['open_vb', 'datum_binnenkomst'], onderzoek: ['open_onderzoek', 'datum_veiligheidsbeoordeling'], vv: ['open_vv', 'datum_veiligheidsbeoordeling'] } as const;
  for (const [soort, [v, vanaf]] of Object.entries(bronnen) as [keyof Tellingen['openWerk'], readonly [string, string]][]) {
    openWerk[soort] = numbers(await intervallen(v, { naam: 'vanaf', kolom: vanaf }), ['aantal']);
  }

  return {
    vbPerWeek: numbers(vbPerWeek, ['aantal', 'binnen_termijn']),
    openWerk,
    instroom: numbers(instroom, ['aantal', 'nog_niet_beoordeeld']),
    vb: numbers(vb, ['aantal', 'binnen_termijn', 'werkdagen']),
    vervolg: numbers(vervolg, ['aantal']),
    onderzoek: numbers(onderzoek, ['aantal', 'binnen_termijn', 'monitoring', 'dagen']),
    vv: numbers(vv, ['aantal', 'binnen_termijn', 'monitoring', 'dagen']),
    voorraden,
  };
}

/** The computed range: the first quarter with a binnenkomst to the quarter of the latest date. */
export async function fetchBereik(db: Q): Promise<{ van: Kwartaal; tot: Kwartaal } | null> {
  const row = (await db('registraties').min({ van: 'kw_binnenkomst' }).max({ tot: 'kw_laatste' }).first()) as
    | { van: Kwartaal | null; tot: Kwartaal | null }
    | undefined;
  return row?.van && row.tot ? { van: row.van, tot: row.tot } : null;
}
