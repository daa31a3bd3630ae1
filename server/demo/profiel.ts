/**
 * Calibration of the demo data (sources in seed/README.md): volumes per year, the mix of
 * melders and VB decisions, the shares on time, seasonality.
 */
export const MELDINGEN_PER_JAAR: Record<number, number> = {
  2019: 2300,
  2020: 2450,
  2021: 2550,
  2022: 2620,
  2023: 2700,
  2024: 2750,
  2025: 2800,
  2026: 2850,
};
export const ADVIEZEN_PER_JAAR: Record<number, number> = {
  2019: 4400,
  2020: 4900,
  2021: 5300,
  2022: 5600,
  2023: 5900,
  2024: 6000,
  2025: 6000,
  2026: 6050,
};
export function perJaar(table: Record<number, number>, year: number): number {
  const years = Object.keys(table).map(Number);
  const clamped = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  return table[clamped]!;
}

/** Month factors (January = index 0): dips in the summer and Christmas holidays. */
export const SEIZOEN = [1.0, 0.97, 1.05, 1.0, 1.04, 1.05, 0.86, 0.8, 1.06, 1.1, 1.1, 0.97];
/** Sunday … Saturday */
export const WEEKDAG = [0.35, 1.2, 1.2, 1.15, 1.15, 1.1, 0.4];

export const MELDER_MELDING = [
  ['politie', 66],
  ['overige_professional', 27],
  ['niet_professional', 7],
] as const;
export const MELDER_ADVIES = [
  ['politie', 30],
  ['overige_professional', 46],
  ['niet_professional', 24],
] as const;
export const BEROEPSGROEP = [
  ['onderwijs', 20],
  ['kinderopvang', 3],
  ['huisarts', 8],
  ['ziekenhuis', 7],
  ['ggz', 10],
  ['jeugdgezondheidszorg', 6],
  ['verloskunde', 2],
  ['jeugdzorg', 10],
  ['lokaal_team', 12],
  ['maatschappelijk_werk', 6],
  ['gecertificeerde_instelling', 5],
  ['raad_kinderbescherming', 2],
  ['verslavingszorg', 3],
  ['ouderenzorg', 3],
  ['overig', 3],
] as const;
export const KANAAL_MELDING = [
  ['telefoon', 40],
  ['corv', 45],
  ['mail', 5],
  ['meldformulier', 8],
  ['chat', 2],
] as const;
export const KANAAL_ADVIES = [
  ['telefoon', 70],
  ['corv', 15],
  ['mail', 5],
  ['chat', 8],
  ['op_locatie', 2],
] as const;
export const AARD = [
  ['kindermishandeling', 38],
  ['partnergeweld', 30],
  ['ex_partnergeweld', 12],
  ['ouderenmishandeling', 5],
  ['eergerelateerd', 1],
  ['overig_huiselijk_geweld', 14],
] as const;
export const EERDERE = [
  ['eerste_melding', 55],
  ['hermelding', 29],
  ['vervolgmelding', 13],
  [null, 3],
] as const;
/** 2023: ~55 % overdracht, ~30 % vervolg bij VT, 3 % geen vervolg, 2 % regionaal maatwerk */
export const BESLUIT = [
  ['overdracht_melder', 10],
  ['overdracht_lokaal_team', 30],
  ['overdracht_betrokken_hulpverlening', 15],
  ['vervolg_veilig_thuis', 30],
  ['afsluiten_geen_vervolg', 3],
  ['regionaal_maatwerk', 2],
] as const;
/** share of onderzoek within onderzoek + V&V: 57:43 in 2019, about 30:70 from 2020 */
export function aandeelOnderzoek(year: number): number {
  return year <= 2019 ? 0.57 : 0.3;
}
/** share of VB on time, varying between about 60 and 95 % over the quarters */
export function vbOpTijd(quarterIndex: number): number {
  return 0.78 + 0.15 * Math.sin(quarterIndex * 1.3) + 0.02 * Math.cos(quarterIndex * 0.7);
}
/** share of onderzoek (and V&V) finished within 10 weken: 30–60 % */
export function tienWekenOpTijd(quarterIndex: number, soort: 'onderzoek' | 'vv'): number {
  return (soort === 'onderzoek' ? 0.45 : 0.55) + 0.13 * Math.sin(quarterIndex * 0.9 + 1);
}
/** share of registrations whose monitoring deviates from what § 7.1 agrees (realistic few) */
export const MONITORING_AFWIJKING = 0.04;
/** share monitored although § 7.1 agrees VT does not (weerlegd, or handed to a GI) */
export const MONITORING_TOCH = 0.09;
/** share of onderzoeken and V&V that start within 5 days of the besluit vervolg: 75–95 % */
export function startOpTijd(quarterIndex: number): number {
  return 0.85 + 0.1 * Math.sin(quarterIndex * 0.8 + 2);
}
