/**
 * The spiegel's catalogue, as data: every figure the spiegel shows, its Dutch label, and the CBS
 * cells it is read from (table and the measure as StatLine labels it, dimension categories first,
 * joined with ' | '). Where several tables carry the same figure the first source listed that has
 * the cell wins. Also used by the shipped-file builder and the importers (one place).
 */

export const SPIEGEL_MATEN = [
  'meldingen',
  'adviezen',
  'vervolgstappen_veilig_thuis',
  'overdracht',
  'geen_vervolgstappen',
  'regionaal_maatwerk',
  'nog_niet_beoordeeld',
  'acute_onveiligheid',
] as const;
export type SpiegelMaat = (typeof SPIEGEL_MATEN)[number];

/** The population (1 January of the period's year), the denominator of per 1.000 inwoners. */
export const BEVOLKING = 'bevolking';
export type Maat = SpiegelMaat | typeof BEVOLKING;

export interface Bron {
  tabel: string;
  cbsMaat: string;
}

export const MAAT_LABEL: Record<Maat, string> = {
  meldingen: 'Ontvangen meldingen',
  adviezen: 'Gestarte adviezen',
  vervolgstappen_veilig_thuis: 'VB: vervolgstappen beleggen bij Veilig Thuis',
  overdracht: 'VB: overdracht',
  geen_vervolgstappen: 'VB: geen vervolgstappen nodig',
  regionaal_maatwerk: 'VB: inzet regionaal maatwerk Veilig Thuis',
  nog_niet_beoordeeld: 'VB: nog niet beoordeeld',
  acute_onveiligheid: 'Veiligheidstaxatie: acute onveiligheid',
  bevolking: 'Bevolking op 1 januari',
};

const VB = (categorie: string, taxatie = 'Totaal'): Bron => ({ tabel: '84852NED', cbsMaat: `${taxatie} | ${categorie} | Ontvangen meldingen (aantal)` });

export const BRONNEN: Record<Maat, Bron[]> = {
  meldingen: [
    VB('Totaal'),
    { tabel: '85361NED', cbsMaat: 'Ontvangen meldingen, totaal (aantal)' },
    { tabel: '84849NED', cbsMaat: 'Totaal | Ontvangen meldingen (aantal)' },
    { tabel: '84851NED', cbsMaat: 'Totaal | Ontvangen meldingen (aantal)' },
    { tabel: 'IMPACTMONITOR2022-FIG4.1', cbsMaat: 'Ontvangen meldingen (Aantal)' },
  ],
  adviezen: [
    { tabel: '84849NED', cbsMaat: 'Totaal | Gestarte adviezen (aantal)' },
    { tabel: '84851NED', cbsMaat: 'Totaal | Gestarte adviezen (aantal)' },
    { tabel: 'IMPACTMONITOR2022-FIG4.1', cbsMaat: 'Gestarte adviezen (Aantal)' },
  ],
  vervolgstappen_veilig_thuis: [VB('Vervolgstappen beleggen bij Veilig Thuis')],
  overdracht: [VB('Overdracht')],
  geen_vervolgstappen: [VB('Geen vervolgstappen nodig')],
  regionaal_maatwerk: [VB('Inzet regionaal maatwerk Veilig Thuis')],
  nog_niet_beoordeeld: [VB('Nog niet beoordeeld')],
  acute_onveiligheid: [VB('Totaal', 'Acute onveiligheid')],
  bevolking: [{ tabel: '70072ned', cbsMaat: 'Bevolking / Bevolkingssamenstelling op 1 januari / Totale bevolking (aantal)' }],
};

const normaal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The spiegel figure a CBS cell is, or null when the spiegel does not use it. */
export function maatVoor(tabel: string, cbsMaat: string): Maat | null {
  for (const [maat, bronnen] of Object.entries(BRONNEN) as [Maat, Bron[]][]) {
    if (bronnen.some((b) => b.tabel.toLowerCase() === tabel.toLowerCase() && normaal(b.cbsMaat) === normaal(cbsMaat))) return maat;
  }
  return null;
}

/** Priority of a table for a figure (lower first); Infinity when it is no source of it. */
export function voorrang(maat: Maat, tabel: string): number {
  const i = BRONNEN[maat].findIndex((b) => b.tabel.toLowerCase() === tabel.toLowerCase());
  return i < 0 ? Infinity : i;
}
