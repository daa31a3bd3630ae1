/**
 * Row validation of the two small files: pure, every error with column, value and a Dutch message.
 */
import type { RijFout } from '../import/validate-row.js';
import { cellText, type Parsed, type RawCell } from '../import/values.js';
import { POSTEN, FORMATIE_STATUS } from './posten.js';

export interface FinancienRij {
  kwartaal: string;
  post: string;
  realisatie: number;
  begroting: number | null;
  begroting_jaar: number | null;
}

export interface FormatieRij {
  maand: string;
  fte_personeel: number;
  fte_inhuur: number;
  status: string;
}

type Plaats = { bestand: string; regel: number };

/** Whole euros: `-12345`, `-12.345` (thousands dots), `−12 345`, or an XLSX number; no cents. */
export function leesBedrag(cell: RawCell): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? { ok: true, value: cell } : { ok: false, melding: 'is geen bedrag in hele euro’s (zonder centen)' };
  }
  const text = cellText(cell)
    .replace(/^€\s*/, '')
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[−–]/, '-');
  if (/^-?\d+$/.test(text) || /^-?\d{1,3}(\.\d{3})+$/.test(text)) return { ok: true, value: Number(text.replace(/\./g, '')) };
  if (/^-?[\d.]*,\d+$/.test(text)) return { ok: false, melding: 'is geen bedrag in hele euro’s: laat de centen weg' };
  return { ok: false, melding: 'is geen bedrag; gebruik hele euro’s zoals -12345 of -12.345' };
}

/** FTE with a decimal comma or point: `12,5`, `12.5`, or an XLSX number. */
export function leesFte(cell: RawCell): Parsed<number> {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell).replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, melding: 'is geen aantal fte; gebruik een getal zoals 12,5' };
  const value = Number(text);
  if (value > 10_000) return { ok: false, melding: 'is meer dan 10.000 fte; klopt de eenheid?' };
  return { ok: true, value };
}

const KWARTAAL = /^(\d{4})-Q([1-4])$/i;
const MAAND = /^(\d{4})-(\d{2})$/;

export function valideerFinancienRij(raw: Record<string, RawCell>, plaats: Plaats): { ok: true; rij: FinancienRij } | { ok: false; fouten: RijFout[] } {
  const fouten: RijFout[] = [];
  const fout = (kolom: string, melding: string) => fouten.push({ ...plaats, kolom, waarde: cellText(raw[kolom]), melding });
  const kwartaal = cellText(raw.kwartaal).toUpperCase();
  if (!KWARTAAL.test(kwartaal)) fout('kwartaal', 'is geen kwartaal; gebruik JJJJ-Qn zoals 2019-Q1');
  const postCode = cellText(raw.post).toLowerCase();
  const post = POSTEN.find((p) => p.post === postCode);
  if (!post) fout('post', `is geen bekende post; toegestaan: ${POSTEN.map((p) => p.post).join(', ')}`);
  const bedrag = (kolom: 'realisatie' | 'begroting' | 'begroting_jaar', verplicht: boolean): number | null => {
    if (!verplicht && cellText(raw[kolom]) === '') return null;
    const p = leesBedrag(raw[kolom]);
    if (!p.ok) {
      fout(kolom, cellText(raw[kolom]) === '' ? 'is verplicht' : p.melding);
      return null;
    }
    // signs are the file's: income is usually positive and costs negative, but a release on a cost
    // post ("vrijval", e.g. Lasten vorig boekjaar € 24) is positive; it is totalled as given and marked
    return p.value;
  };
  const realisatie = bedrag('realisatie', true);
  const begroting = bedrag('begroting', false);
  const begrotingJaar = bedrag('begroting_jaar', false);
  if (fouten.length > 0) return { ok: false, fouten };
  return { ok: true, rij: { kwartaal, post: post!.post, realisatie: realisatie!, begroting, begroting_jaar: begrotingJaar } };
}

export function valideerFormatieRij(raw: Record<string, RawCell>, plaats: Plaats): { ok: true; rij: FormatieRij } | { ok: false; fouten: RijFout[] } {
  const fouten: RijFout[] = [];
  const fout = (kolom: string, melding: string) => fouten.push({ ...plaats, kolom, waarde: cellText(raw[kolom]), melding });
  const maand = raw.maand instanceof Date ? raw.maand.toISOString().slice(0, 7) : cellText(raw.maand);
  const m = MAAND.exec(maand);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) fout('maand', 'is geen maand; gebruik JJJJ-MM zoals 2019-01');
  const fte = (kolom: 'fte_personeel' | 'fte_inhuur') => {
    const p = leesFte(raw[kolom]);
    if (!p.ok) fout(kolom, cellText(raw[kolom]) === '' ? 'is verplicht' : p.melding);
    return p.ok ? p.value : 0;
  };
  const personeel = fte('fte_personeel');
  const inhuur = fte('fte_inhuur');
  const status = cellText(raw.status).toLowerCase();
  if (!(FORMATIE_STATUS as readonly string[]).includes(status)) fout('status', 'is geen geldige status; toegestaan: realisatie, prognose');
  if (fouten.length > 0) return { ok: false, fouten };
  return { ok: true, rij: { maand, fte_personeel: personeel, fte_inhuur: inhuur, status } };
}
