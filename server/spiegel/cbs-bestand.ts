/**
 * CBS figures as the spiegel stores them, the periods and values as StatLine writes them, and the
 * shipped file config/cbs/veilig-thuis.csv. Pure apart from reading that one file.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.js';
import { CsvParser } from '../import/csv.js';

export const VERZONDEN_KOLOMMEN = ['tabel', 'periode', 'regio_code', 'regio_naam', 'maat', 'cbs_maat', 'waarde', 'voorlopig', 'bron'] as const;
export const VERZONDEN_BESTAND = projectPath('config', 'cbs', 'veilig-thuis.csv');

/** One CBS cell: (tabel, periode, regio, cbs_maat) is its key. */
export interface CbsCijfer {
  tabel: string;
  /** CBS period code: 2023JJ00 (year), 2023HJ01 / 2023HJ02 (half year) */
  periode: string;
  /** NL01, VTnn, GMnnnn; the StatLine label where no code is known */
  regio: string;
  regio_naam: string;
  /** the spiegel figure it is (server/spiegel/maten.ts), null when the spiegel does not use it */
  maat: string | null;
  /** the measure as CBS labels it (dimension categories first, ' | '-joined) */
  cbs_maat: string;
  /** null = '.' (geheim, onbekend of onvoldoende betrouwbaar) */
  waarde: number | null;
  /** the value as published ('2.695', '.') */
  waarde_tekst: string;
  voorlopig: boolean;
  bron: string;
}

/** `2023JJ00`, `2023HJ01`, `2023HJ02`, `2023`, `1e halfjaar 2023`, `2e halfjaar 2023`, each optionally with `*`. */
export function leesPeriode(tekst: string): { periode: string; voorlopig: boolean } | null {
  const t = tekst.trim().replace(/\s+/g, ' ');
  const voorlopig = /\*+$/.test(t);
  const kaal = t.replace(/\s*\*+$/, '');
  let m = /^(\d{4})(JJ00|HJ0[12])$/i.exec(kaal);
  if (m) return { periode: `${m[1]}${m[2]!.toUpperCase()}`, voorlopig };
  m = /^(\d{4})$/.exec(kaal);
  if (m) return { periode: `${m[1]}JJ00`, voorlopig };
  m = /^([12])e halfjaar (\d{4})$/i.exec(kaal);
  if (m) return { periode: `${m[2]}HJ0${m[1]}`, voorlopig };
  return null;
}

/**
 * A published value: `.` is unknown/geheim (null); numbers with Dutch (`2.695`, `13,3`) or English
 * (`2,695`, `13.3`) formatting, or plain (`2695`). A dot followed by exactly three digits is a
 * thousands separator (CBS counts are whole numbers); null result = not a value.
 */
export function leesWaarde(tekst: string): { waarde: number | null } | null {
  const t = tekst.trim().replace(/\s/g, '');
  if (t === '.') return { waarde: null };
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return { waarde: Number(t.replace(/\./g, '')) };
  if (/^-?\d{1,3}(,\d{3})+$/.test(t)) return { waarde: Number(t.replace(/,/g, '')) };
  if (/^-?\d{1,3}(\.\d{3})*,\d+$/.test(t)) return { waarde: Number(t.replace(/\./g, '').replace(',', '.')) };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { waarde: Number(t) };
  return null;
}

/** The figures shipped with VT Monitor (built by seed/cbs-verzonden.ts). */
export function leesVerzonden(pad = VERZONDEN_BESTAND): CbsCijfer[] {
  const rijen = leesCsv(readFileSync(pad, 'utf8'), ';', pad);
  const kop = rijen[0]?.values ?? [];
  return rijen.slice(1).map(({ values }, i) => {
    const r = Object.fromEntries(VERZONDEN_KOLOMMEN.map((k) => [k, values[kop.indexOf(k)] ?? ''])) as Record<(typeof VERZONDEN_KOLOMMEN)[number], string>;
    const w = leesWaarde(r.waarde);
    if (!w || !leesPeriode(r.periode)) throw new Error(`${pad}:${i + 2}: ongeldige periode "${r.periode}" of waarde "${r.waarde}"`);
    return {
      tabel: r.tabel,
      periode: r.periode,
      regio: r.regio_code,
      regio_naam: r.regio_naam,
      maat: r.maat || null,
      cbs_maat: r.cbs_maat,
      waarde: w.waarde,
      waarde_tekst: r.waarde,
      voorlopig: r.voorlopig === '*',
      bron: r.bron,
    };
  });
}

/** A whole CSV text as records (the project's own parser). */
export function leesCsv(tekst: string, scheiding: string, bestand: string): { regel: number; values: string[] }[] {
  const parser = new CsvParser(scheiding, bestand);
  return [...parser.push(tekst), ...parser.end()];
}
