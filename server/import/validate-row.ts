import type { Regio } from '../config/regio.js';
import { COLUMNS, DATE_COLUMNS, type Registratie } from './columns.js';
import { cellText, parseBoolean, parseCode, parseDate, parseGemeenteCode, type RawCell } from './values.js';

export interface RijFout {
  bestand: string;
  regel: number;
  kolom: string;
  waarde: string;
  melding: string;
}

export interface RowContext {
  bestand: string;
  regel: number;
  regio: Regio;
  /** the ingest day (ISO); no date may lie after it */
  vandaag: string;
}

export type RowResult = { ok: true; registratie: Registratie } | { ok: false; fouten: RijFout[] };

/**
 * Validates one row (already keyed by canonical column names) against the types and the
 * consistency rules of the export format. Collects every error of the row.
 */
export function validateRow(raw: Record<string, RawCell>, ctx: RowContext): RowResult {
  const fouten: RijFout[] = [];
  const fout = (kolom: string, waarde: RawCell, melding: string) =>
    fouten.push({ bestand: ctx.bestand, regel: ctx.regel, kolom, waarde: cellText(waarde), melding });

  const out: Record<string, string | number | null> = {};
  for (const col of COLUMNS) {
    const cell = raw[col.name];
    if (cellText(cell) === '') {
      out[col.name] = null;
      if (col.required) fout(col.name, cell, `${col.name} is verplicht en ontbreekt`);
      continue;
    }
    const t = col.type;
    const parsed =
      t.kind === 'text'
        ? { ok: true as const, value: cellText(cell) }
        : t.kind === 'code'
          ? parseCode(cell, t.values)
          : t.kind === 'date'
            ? parseDate(cell)
            : t.kind === 'boolean'
              ? parseBoolean(cell)
              : parseGemeenteCode(cell);
    if (parsed.ok) out[col.name] = parsed.value;
    else {
      out[col.name] = null;
      fout(col.name, cell, `${cellText(cell)} ${parsed.melding}`);
    }
  }
  const r = out as unknown as Registratie;

  // gemeente: code wins; otherwise the name must be a known (region or former) gemeente
  if (r.gemeente_code === null && r.gemeente !== null && cellText(raw.gemeente_code) === '') {
    const code = ctx.regio.codeVoorNaam(r.gemeente);
    if (code) r.gemeente_code = code;
    else fout('gemeente', raw.gemeente, `onbekende gemeente "${r.gemeente}"; geef voor een gemeente buiten de regio de gemeente_code`);
  }

  // dates: not before binnenkomst, not after the ingest day
  for (const name of DATE_COLUMNS) {
    const value = out[name] as string | null;
    if (value === null) continue;
    if (value > ctx.vandaag) fout(name, raw[name], `datum ${value} ligt in de toekomst (na ${ctx.vandaag})`);
    else if (r.datum_binnenkomst !== null && name !== 'datum_binnenkomst' && value < r.datum_binnenkomst) {
      fout(name, raw[name], `datum ${value} ligt vóór datum_binnenkomst (${r.datum_binnenkomst})`);
    }
  }

  if (r.soort === 'advies') {
    for (const col of COLUMNS) {
      if (!col.meldingOnly || out[col.name] === null) continue;
      // monitoring = nee says nothing about a melding; only "ja" conflicts with an advies
      if (col.name === 'monitoring' && out[col.name] === 0) continue;
      fout(col.name, raw[col.name], `een advies heeft geen ${col.name}; dit veld hoort alleen bij een melding`);
    }
  }

  const requires = (filled: keyof Registratie, needed: keyof Registratie, melding: string) => {
    if (r[filled] !== null && r[needed] === null && cellText(raw[filled]) !== '' && cellText(raw[needed]) === '') {
      fout(needed, raw[needed], melding);
    }
  };
  requires('besluit_veiligheidsbeoordeling', 'datum_veiligheidsbeoordeling',
    'datum_veiligheidsbeoordeling ontbreekt terwijl besluit_veiligheidsbeoordeling is ingevuld');
  requires('datum_veiligheidsbeoordeling', 'besluit_veiligheidsbeoordeling',
    'besluit_veiligheidsbeoordeling ontbreekt terwijl datum_veiligheidsbeoordeling is ingevuld');
  requires('datum_besluit_vervolg', 'vervolg', 'vervolg ontbreekt terwijl datum_besluit_vervolg is ingevuld');
  requires('vervolg', 'datum_besluit_vervolg', 'datum_besluit_vervolg ontbreekt terwijl vervolg is ingevuld');
  requires('datum_einde_vv', 'datum_start_vv', 'datum_start_vv ontbreekt terwijl datum_einde_vv is ingevuld');
  requires('datum_einde_onderzoek', 'datum_start_onderzoek',
    'datum_start_onderzoek ontbreekt terwijl datum_einde_onderzoek is ingevuld');
  requires('uitkomst_onderzoek', 'datum_einde_onderzoek',
    'datum_einde_onderzoek ontbreekt terwijl uitkomst_onderzoek is ingevuld');
  requires('datum_overdracht', 'overdracht_aan', 'overdracht_aan ontbreekt terwijl datum_overdracht is ingevuld');
  requires('overdracht_aan', 'datum_overdracht', 'datum_overdracht ontbreekt terwijl overdracht_aan is ingevuld');

  if (r.vervolg !== null && r.besluit_veiligheidsbeoordeling !== 'vervolg_veilig_thuis') {
    fout('vervolg', raw.vervolg,
      `vervolg vraagt besluit_veiligheidsbeoordeling vervolg_veilig_thuis (nu: ${r.besluit_veiligheidsbeoordeling ?? 'leeg'})`);
  }
  const order = (start: keyof Registratie, end: keyof Registratie) => {
    const s = r[start] as string | null;
    const e = r[end] as string | null;
    if (s !== null && e !== null && e < s) fout(end, raw[end], `${end} (${e}) ligt vóór ${start} (${s})`);
  };
  order('datum_start_vv', 'datum_einde_vv');
  order('datum_start_onderzoek', 'datum_einde_onderzoek');

  return fouten.length > 0 ? { ok: false, fouten } : { ok: true, registratie: r };
}
