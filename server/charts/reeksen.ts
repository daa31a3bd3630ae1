/**
 * The series the dashboards, the factsheets and the reports draw, built once from the stored
 * values of each quarter: one builder per chart input, so a page and a printed chapter can never
 * read a different indicator for the same line.
 */
import type { Kwartaal } from '../calendar/kwartaal.js';
import { getal, type Waarden } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import type { OverdrachtPunt } from './gemeente.js';
import type { InstroomPunt } from './instroom.js';
import type { OverdrachtNaVbPunt } from './overdracht.js';
import type { TijdigheidPunt } from './veiligheidsbeoordeling.js';
import type { AfgerondPunt } from './vervolg.js';

/** The stored values of one quarter for the area the series is about. */
export type WaardenVan = (k: Kwartaal) => Waarden;

const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number>;

export const instroomReeks = (kwartalen: Kwartaal[], w: WaardenVan): InstroomPunt[] =>
  kwartalen.map((k) => ({ kwartaal: k, adviezen: getal(w(k), 'adviezen'), meldingen: getal(w(k), 'meldingen') }));

/** VB-tijdigheid: afgerond, binnen 5 werkdagen and the share, per quarter. */
export const tijdigheidReeks = (kwartalen: Kwartaal[], w: WaardenVan): TijdigheidPunt[] =>
  kwartalen.map((k) => ({
    kwartaal: k,
    meldingen_vb: getal(w(k), 'meldingen_vb'),
    vb_binnen_termijn: getal(w(k), 'vb_binnen_termijn'),
    vb_binnen_termijn_pct: getal(w(k), 'vb_binnen_termijn_pct'),
  }));

/** Overdracht na VB: the besluiten of every quarter. */
export const besluitReeks = (kwartalen: Kwartaal[], w: WaardenVan): OverdrachtNaVbPunt[] =>
  kwartalen.map((k) => ({ kwartaal: k, vb_besluit: obj(w(k), 'vb_besluit') }));

/** Overdracht to the lokaal team, after the VB and after the vervolgkeuze. */
export const overdrachtLokaalTeamReeks = (kwartalen: Kwartaal[], w: WaardenVan): OverdrachtPunt[] =>
  kwartalen.map((k) => ({
    kwartaal: k,
    na_vb_lokaal_team: obj(w(k), 'vb_besluit').overdracht_lokaal_team ?? null,
    na_vervolgkeuze: obj(w(k), 'overdracht_na_vervolgkeuze_aan').lokaal_team ?? null,
  }));

/** Onderzoeken and V&V afgerond and within the term, per quarter. */
export const afgerondReeks = (kwartalen: Kwartaal[], w: WaardenVan): AfgerondPunt[] =>
  kwartalen.map((k) => ({
    kwartaal: k,
    onderzoeken_afgerond: getal(w(k), 'onderzoeken_afgerond'),
    onderzoeken_binnen_termijn: getal(w(k), 'onderzoeken_binnen_termijn'),
    vv_afgerond: getal(w(k), 'vv_afgerond'),
    vv_binnen_termijn: getal(w(k), 'vv_binnen_termijn'),
  }));
