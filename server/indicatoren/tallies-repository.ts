import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';
import { VOORRADEN, type Voorraad } from '../registraties/derive.js';
import { kwartaalBereik, leesFamilie } from '../registraties/tellingen-repository.js';
import { familie, leesGroep } from '../registraties/tellingen.js';

/**
 * The grouped counts the indicators are made of, in the shape the computation takes. They are
 * kept at import (see registraties/tellingen.ts); `kwartalen` null = every quarter (full rebuild).
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

/** One family's groups as rows of the fields its count query used to return. */
async function groepen<T>(db: Q, naam: string, kwartalen: Kwartaal[] | null): Promise<T[]> {
  const f = familie(naam);
  const rijen = await leesFamilie(db, naam, f.interval ? 'interval' : 'kwartaal', kwartalen);
  return rijen.map((g) => leesGroep(f, g.sleutel, g.aantal) as unknown as T);
}

/**
 * The counts of the given quarters (null = every quarter, the full rebuild), read from the
 * counts kept at import (registraties/tellingen.ts): a point family's groups of those quarters,
 * and the stock intervals that can cover one of them.
 */
export async function haalTellingen(db: Q, kwartalen: Kwartaal[] | null): Promise<Tellingen> {
  const voorraden = {} as Record<Voorraad, IntervalTelling[]>;
  for (const v of VOORRADEN) voorraden[v] = await groepen<IntervalTelling>(db, `voorraad:${v}`, kwartalen);
  const openWerk = {} as Tellingen['openWerk'];
  for (const soort of ['vb', 'onderzoek', 'vv'] as const) openWerk[soort] = await groepen<OpenWerkTelling>(db, `openWerk:${soort}`, kwartalen);
  const wacht = {} as TweedeGolfTellingen['wacht'];
  for (const soort of ['vervolgkeuze', 'start_onderzoek', 'start_vv'] as const) wacht[soort] = await groepen<OpenWerkTelling>(db, `wacht:${soort}`, kwartalen);
  return {
    instroom: await groepen<InstroomTelling>(db, 'instroom', kwartalen),
    vb: await groepen<VbTelling>(db, 'vb', kwartalen),
    vervolg: await groepen<VervolgTelling>(db, 'vervolg', kwartalen),
    onderzoek: await groepen<AfrondingTelling>(db, 'onderzoek', kwartalen),
    vv: await groepen<AfrondingTelling>(db, 'vv', kwartalen),
    voorraden,
    vbPerWeek: await groepen<WeekTelling>(db, 'vbPerWeek', kwartalen),
    openWerk,
    tweedeGolf: {
      kenmerken: await groepen<KenmerkTelling>(db, 'kenmerken', kwartalen),
      overdracht: await groepen<OverdrachtTelling>(db, 'overdracht', kwartalen),
      startOnderzoek: await groepen<VlagTelling>(db, 'startOnderzoek', kwartalen),
      monitoring3m: await groepen<VlagTelling>(db, 'monitoring3m', kwartalen),
      monitoring12m: await groepen<VlagTelling>(db, 'monitoring12m', kwartalen),
      onderzoekAfspraken: await groepen<AfsprakenTelling>(db, 'onderzoekAfspraken', kwartalen),
      vvAfspraken: await groepen<AfsprakenTelling>(db, 'vvAfspraken', kwartalen),
      wacht,
    },
  };
}

/** The computed range: the first quarter with a binnenkomst to the quarter of the latest date. */
export async function haalBereik(db: Q): Promise<{ van: Kwartaal; tot: Kwartaal } | null> {
  const { van } = await kwartaalBereik(db, 'binnenkomst');
  const { tot } = await kwartaalBereik(db, 'laatste');
  return van && tot ? { van, tot } : null;
}
