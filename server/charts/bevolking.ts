/**
 * The CBS population year a chart's per-1.000 figures divide by, as the chart names it
 * (privacy/service.ts `bevolkingsjaarVan` decides it; charts only print it).
 */
export interface BevolkingLabel {
  /** `CBS, 1 januari 2024` */
  label: string;
  /** `Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).` */
  noot: string;
}

/** `Meldingen per 1.000` → `Meldingen per 1.000 (CBS, 1 januari 2024)` */
export const metJaar = (kop: string, b: BevolkingLabel | null | undefined): string => (b ? `${kop} (${b.label})` : kop);

/** A definition with the population note after it. */
export const metNoot = (tekst: string, b: BevolkingLabel | null | undefined): string => (b ? `${tekst} ${b.noot}` : tekst);
