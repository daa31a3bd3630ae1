import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import { alsGetal, type Db } from '../db/connection.js';
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
  /** the counts of definitions 2027.1 (see tweedeGolfTellingen) */
  tweedeGolf: TweedeGolfTellingen;
}

// --- definitions 2027.1: samenwerkingsafspraken § 7.1, § 8; Kwaliteitskader; focusblad ---
export interface KenmerkTelling {
  kwartaal: Kwartaal; gebied: string; soort: string; spoed: number | null; vb_zelfde_dag: number | null;
  overige_zorgmelding: number | null; aard_geweld: string | null; kanaal: string | null; aantal: number;
}
export interface OverdrachtTelling { kwartaal: Kwartaal; gebied: string; vervolg: string | null; overdracht_aan: string | null; aantal: number }
export interface VlagTelling { kwartaal: Kwartaal; gebied: string; vlag: number | null; aantal: number }
export interface AfsprakenTelling {
  kwartaal: Kwartaal; gebied: string; uitkomst: string | null; overdracht_aan: string | null; monitoring: number | null; aantal: number;
}
export type Wachtlijst = 'vervolgkeuze' | 'start_onderzoek' | 'start_vv';
export interface TweedeGolfTellingen {
  kenmerken: KenmerkTelling[];
  overdracht: OverdrachtTelling[];
  startOnderzoek: VlagTelling[];
  monitoring3m: VlagTelling[];
  monitoring12m: VlagTelling[];
  onderzoekAfspraken: AfsprakenTelling[];
  vvAfspraken: AfsprakenTelling[];
  /** waiting items with the date their wait started (the VB; the besluit vervolg) */
  wacht: Record<Wachtlijst, OpenWerkTelling[]>;
}

type IntervalQuery = (prefix: string, extra?: { naam: string; kolom: string }) => Knex.QueryBuilder;

async function tweedeGolfTellingen(db: Q, kwartalen: Kwartaal[] | null, intervallen: IntervalQuery): Promise<TweedeGolfTellingen> {
  const kenmerken = await inKwartalen(
    db('registraties').select({
      kwartaal: 'kw_binnenkomst', gebied: 'gemeente_sleutel', soort: 'soort', spoed: 'spoed', vb_zelfde_dag: 'vb_zelfde_dag',
      overige_zorgmelding: 'overige_zorgmelding', aard_geweld: 'aard_geweld', kanaal: 'kanaal',
    }).count({ aantal: '*' }),
    'kw_binnenkomst', kwartalen,
  ).groupBy('kw_binnenkomst', 'gemeente_sleutel', 'soort', 'spoed', 'vb_zelfde_dag', 'overige_zorgmelding', 'aard_geweld', 'kanaal');

  const overdracht = await inKwartalen(
    db('registraties').select({ kwartaal: 'kw_overdracht', gebied: 'gemeente_sleutel', vervolg: 'vervolg', overdracht_aan: 'overdracht_aan' })
      .count({ aantal: '*' }),
    'kw_overdracht', kwartalen,
  ).whereIn('vervolg', ['onderzoek', 'voorwaarden_en_vervolg']).groupBy('kw_overdracht', 'gemeente_sleutel', 'vervolg', 'overdracht_aan');

  const vlag = (kwKolom: string, vlagKolom: string) => inKwartalen(
    db('registraties').select({ kwartaal: kwKolom, gebied: 'gemeente_sleutel', vlag: vlagKolom }).count({ aantal: '*' }),
    kwKolom, kwartalen,
  ).groupBy(kwKolom, 'gemeente_sleutel', vlagKolom);

  const onderzoekAfspraken = await inKwartalen(
    db('registraties').select({
      kwartaal: 'kw_einde_onderzoek', gebied: 'gemeente_sleutel', uitkomst: 'uitkomst_onderzoek', overdracht_aan: 'overdracht_aan', monitoring: 'monitoring',
    }).count({ aantal: '*' }),
    'kw_einde_onderzoek', kwartalen,
  ).groupBy('kw_einde_onderzoek', 'gemeente_sleutel', 'uitkomst_onderzoek', 'overdracht_aan', 'monitoring');
  const vvAfspraken = await inKwartalen(
    db('registraties').select({ kwartaal: 'kw_einde_vv', gebied: 'gemeente_sleutel', overdracht_aan: 'overdracht_aan', monitoring: 'monitoring' })
      .count({ aantal: '*' }),
    'kw_einde_vv', kwartalen,
  ).groupBy('kw_einde_vv', 'gemeente_sleutel', 'overdracht_aan', 'monitoring');

  const wacht = {
    vervolgkeuze: numbers<OpenWerkTelling>(await intervallen('wacht_vervolgkeuze', { naam: 'vanaf', kolom: 'datum_veiligheidsbeoordeling' }), ['aantal']),
    start_onderzoek: numbers<OpenWerkTelling>(await intervallen('wacht_start_onderzoek', { naam: 'vanaf', kolom: 'datum_besluit_vervolg' }), ['aantal']),
    start_vv: numbers<OpenWerkTelling>(await intervallen('wacht_start_vv', { naam: 'vanaf', kolom: 'datum_besluit_vervolg' }), ['aantal']),
  };
  return {
    kenmerken: numbers(kenmerken, ['aantal', 'spoed', 'vb_zelfde_dag', 'overige_zorgmelding']),
    overdracht: numbers(overdracht, ['aantal']),
    startOnderzoek: numbers(await vlag('kw_start_onderzoek', 'onderzoek_start_binnen_termijn'), ['aantal', 'vlag']),
    monitoring3m: numbers(await vlag('kw_monitoring_3m', 'monitoring_3m_tijdig'), ['aantal', 'vlag']),
    monitoring12m: numbers(await vlag('kw_monitoring_12m', 'monitoring_12m_tijdig'), ['aantal', 'vlag']),
    onderzoekAfspraken: numbers(onderzoekAfspraken, ['aantal', 'monitoring']),
    vvAfspraken: numbers(vvAfspraken, ['aantal', 'monitoring']),
    wacht,
  };
}

function inKwartalen(query: Knex.QueryBuilder, column: string, kwartalen: Kwartaal[] | null): Knex.QueryBuilder {
  return kwartalen === null ? query.whereNotNull(column) : query.whereIn(column, kwartalen);
}

function numbers<T>(rows: Record<string, unknown>[], numeric: string[]): T[] {
  for (const r of rows) for (const k of numeric) if (r[k] !== null && r[k] !== undefined) r[k] = alsGetal(r[k]);
  return rows as T[];
}

export async function haalTellingen(db: Q, kwartalen: Kwartaal[] | null): Promise<Tellingen> {
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

  const tweedeGolf = await tweedeGolfTellingen(db, kwartalen, intervallen);

  return {
    tweedeGolf,
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
export async function haalBereik(db: Q): Promise<{ van: Kwartaal; tot: Kwartaal } | null> {
  const row = (await db('registraties').min({ van: 'kw_binnenkomst' }).max({ tot: 'kw_laatste' }).first()) as
    | { van: Kwartaal | null; tot: Kwartaal | null }
    | undefined;
  return row?.van && row.tot ? { van: row.van, tot: row.tot } : null;
}
