import { daysBetween } from '../calendar/dates.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Tabel } from '../shared/tabel.js';
import { gebiedNaam, type Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { gemeenteSleutel } from './derive.js';
import { zoekOpenZaken, type OpenZaak } from './repository.js';

/**
 * VT management's achterstand: open registrations over their term, by registration number
 * (VT Monitor stores no personal data), oldest first. One definition for the page and its
 * downloads.
 */
export interface AchterstandZaak {
  id: string;
  gemeente: string;
  /** ISO date the term runs from: binnenkomst (VB) or the VB (onderzoek, V&V) */
  vanaf: string;
  /** werkdagen (VB) or days (onderzoek, V&V) until today */
  duur: number;
}

export type Lijst = 'vb' | 'onderzoek' | 'vv';
export type Achterstand = Record<Lijst, AchterstandZaak[]>;

/** The three lists, their terms and the headers of their tables: the page and the downloads read them here. */
export const ACHTERSTAND_LIJSTEN: readonly { lijst: Lijst; titel: string; blad: string; vanaf: string; duur: string }[] = [
  {
    lijst: 'vb',
    titel: 'Veiligheidsbeoordeling na meer dan 5 werkdagen nog open',
    blad: 'Veiligheidsbeoordeling open',
    vanaf: 'Binnengekomen',
    duur: 'Werkdagen',
  },
  { lijst: 'onderzoek', titel: 'Onderzoek na meer dan 10 weken nog open', blad: 'Onderzoek open', vanaf: 'Veiligheidsbeoordeling', duur: 'Dagen' },
  {
    lijst: 'vv',
    titel: 'Voorwaarden en vervolg na meer dan 10 weken nog open',
    blad: 'Voorwaarden en vervolg open',
    vanaf: 'Veiligheidsbeoordeling',
    duur: 'Dagen',
  },
];

export async function achterstand(c: { db: Db; regio: Regio; kalender: Werkdagkalender }, vandaag: string): Promise<Achterstand> {
  const zaken = await zoekOpenZaken(c.db, vandaag);
  const rij = (z: OpenZaak, duur: number): AchterstandZaak => ({
    id: z.registratie_id,
    gemeente: gebiedNaam(c.regio, gemeenteSleutel(z.gemeente_code, c.regio)),
    vanaf: z.vanaf.slice(0, 10),
    duur,
  });
  return {
    vb: zaken.vb.map((z) => rij(z, c.kalender.werkdagenTussen(z.vanaf, vandaag))).filter((r) => r.duur > 5),
    onderzoek: zaken.onderzoek.map((z) => rij(z, daysBetween(z.vanaf, vandaag))).filter((r) => r.duur > 70),
    vv: zaken.vv.map((z) => rij(z, daysBetween(z.vanaf, vandaag))).filter((r) => r.duur > 70),
  };
}

/** One list as a table: the registration number and gemeente as text, the date as a date, the duration as a count. */
export function achterstandTabel(a: Achterstand, lijst: Lijst): { titel: string; blad: string; tabel: Tabel } {
  const l = ACHTERSTAND_LIJSTEN.find((x) => x.lijst === lijst)!;
  return {
    titel: l.titel,
    blad: l.blad,
    tabel: {
      kolommen: ['Registratie', 'Gemeente', l.vanaf, l.duur],
      rijen: a[lijst].map((z) => [z.id, z.gemeente, z.vanaf, z.duur]),
      soorten: ['tekst', 'tekst', 'datum', 'aantal'],
    },
  };
}

/** All three lists in one table (the CSV download): which list, then the columns of the page. */
export function achterstandAlsEenTabel(a: Achterstand): Tabel {
  return {
    kolommen: ['Lijst', 'Registratie', 'Gemeente', 'Termijn loopt sinds', 'Duur', 'Eenheid'],
    rijen: ACHTERSTAND_LIJSTEN.flatMap((l) => a[l.lijst].map((z) => [l.titel, z.id, z.gemeente, z.vanaf, z.duur, l.duur.toLowerCase()])),
    soorten: ['tekst', 'tekst', 'tekst', 'datum', 'aantal', 'tekst'],
  };
}
