/**
 * Reading CBS figures from what CBS offers for download: the StatLine CSV (semicolon-separated,
 * quoted, title rows before the header, a unit row, periods as codes or labels, a footer) and
 * the CBS OData v4 JSON (`{"value": [{Measure, RegioS, Perioden, Value, ...}]}`). Pure: text in,
 * cells or Dutch errors (file, line, column, value) out.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.js';
import { zonderAccenten } from '../shared/tekst.js';
import type { RijFout } from '../import/validate-row.js';
import { leesCsv, leesPeriode, leesWaarde, type CbsCijfer } from './cbs-bestand.js';
import { maatVoor } from './maten.js';

/** The tables the spiegel knows by title (a StatLine CSV names its table by title). */
export const TABEL_TITELS: Record<string, string> = {
  '84847NED': 'Huiselijk geweld; kerncijfers Veilig Thuis, regio',
  '84848NED': 'Huiselijk geweld; rol/functie, organisatie, duur geweld, Veilig Thuis-regio',
  '84849NED': 'Huiselijk geweld; rol/functie, organisatie, duur geweld, regio',
  '84850NED': 'Huiselijk geweld; aard geweld, aanvullende informatie, Veilig Thuis-regio',
  '84851NED': 'Huiselijk geweld; aard geweld, aanvullende informatie, regio',
  '84852NED': 'Huiselijk geweld; veiligheidsbeoordeling en -taxatie Veilig Thuis, regio',
  '84853NED': 'Huiselijk geweld; uitkomsten onderzoeken Veilig Thuis, Veilig Thuis-regio',
  '84854NED': 'Huiselijk geweld; organisatie van overdracht, type hulp, Veilig Thuis-regio',
  '84855NED': 'Huiselijk geweld; organisatie van overdracht, type hulp, regio',
  '85361NED': 'Huiselijk geweld; meldingen naar eerdere betrokkenheid Veilig Thuis, regio',
  '70072ned': 'Regionale kerncijfers Nederland',
};

interface VtRegio {
  code: string;
  naam: string;
  ookGenoemd?: string[];
}
let vtRegios: VtRegio[] | null = null;
function vt(): VtRegio[] {
  vtRegios ??= (JSON.parse(readFileSync(projectPath('config', 'cbs', 'vt-regios.json'), 'utf8')) as { regios: VtRegio[] }).regios;
  return vtRegios;
}

const norm = (s: string) => zonderAccenten(s).replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** A region as StatLine labels it → its code: Nederland NL01, 'X (VT)' VTnn, a gemeente of the region its GM code; else the label itself. */
export function regioCode(label: string, gemeenteCode: (naam: string) => string | null): { regio: string; naam: string } {
  const l = label.trim();
  if (/^(NL01|VT\d\d|GM\d{4}|PV\d\d|LD\d\d)$/.test(l)) {
    const v = vt().find((r) => r.code === l);
    return { regio: l, naam: l === 'NL01' ? 'Nederland' : v ? `${v.naam} (VT)` : l };
  }
  if (norm(l) === 'nederland') return { regio: 'NL01', naam: 'Nederland' };
  const m = /^(.*)\s*\(VT\)$/i.exec(l);
  if (m) {
    const v = vt().find((r) => [r.naam, ...(r.ookGenoemd ?? [])].some((n) => norm(n) === norm(m[1]!)));
    if (v) return { regio: v.code, naam: l };
  }
  if (!/\((PV|LD|VT|GGD|VR|CR|RE|AR)\)$/i.test(l)) {
    const code = gemeenteCode(l);
    if (code) return { regio: code, naam: l };
  }
  return { regio: l, naam: l };
}

export interface Gelezen {
  tabel: string | null;
  cijfers: CbsCijfer[];
  fouten: RijFout[];
}

function tabelUit(tekst: string): string | null {
  const id = /\b(\d{5}(?:NED|ned))\b/.exec(tekst)?.[1];
  if (id) return Object.keys(TABEL_TITELS).find((k) => k.toLowerCase() === id.toLowerCase()) ?? id.toUpperCase();
  const t = norm(tekst.replace(/^"|"$/g, ''));
  return Object.entries(TABEL_TITELS).find(([, titel]) => t.includes(norm(titel)))?.[0] ?? null;
}

const REGIO_KOP = /^regio'?s$/;
const PERIODE_KOP = /^perioden?$/;
const VOET = /^(bron|centraal bureau|cbs|©|\(c\)|verklaring|toelichting|gewijzigd op|status)/i;

/** A StatLine CSV download. `bron` is written as the source of every cell. */
export function leesStatlineCsv(tekst: string, bestand: string, opties: { bron: string; gemeenteCode: (naam: string) => string | null }): Gelezen {
  const fouten: RijFout[] = [];
  const fout = (regel: number, kolom: string, waarde: string, melding: string) => fouten.push({ bestand, regel, kolom, waarde, melding });
  const records = leesCsv(tekst, ';', bestand).map((r) => ({ regel: r.regel, values: r.values.map((v) => v.trim()) }));
  const kopIndex = records.findIndex((r) => r.values.some((v) => REGIO_KOP.test(norm(v))) && r.values.some((v) => PERIODE_KOP.test(norm(v))));
  if (kopIndex < 0) {
    fout(
      1,
      '',
      records[0]?.values.join(';') ?? '',
      'geen kopregel met de kolommen "Regio\'s" en "Perioden" gevonden: is dit een CSV-download van CBS StatLine?',
    );
    return { tabel: null, cijfers: [], fouten };
  }
  const titelTekst =
    records
      .slice(0, kopIndex)
      .map((r) => r.values.join(' '))
      .join(' ') + ` ${bestand}`;
  const tabel = tabelUit(titelTekst);
  if (!tabel)
    fout(
      1,
      '',
      records[0]?.values.join(';') ?? '',
      `de tabel is niet herkend: noem het tabelnummer (zoals 84852NED) in de titel of de bestandsnaam; bekend zijn ${Object.keys(TABEL_TITELS).join(', ')}`,
    );
  const kop = records[kopIndex]!.values;
  const regioKol = kop.findIndex((v) => REGIO_KOP.test(norm(v)));
  const periodeKol = kop.findIndex((v) => PERIODE_KOP.test(norm(v)));
  const laatsteDimensie = Math.max(regioKol, periodeKol);
  const dimensies = kop
    .slice(0, laatsteDimensie + 1)
    .map((_, i) => i)
    .filter((i) => i !== regioKol && i !== periodeKol);
  const maten = kop.map((k, i) => ({ i, label: k })).filter((m) => m.i > laatsteDimensie);
  const kolomNaam = (i: number) => `${kop[i] || `kolom ${i + 1}`} (kolom ${i + 1})`;
  const cijfers: CbsCijfer[] = [];
  const gezien = new Map<string, number>();
  let data = false;
  for (const rec of records.slice(kopIndex + 1)) {
    const v = rec.values;
    if (v.every((x) => x === '')) continue;
    const periodeTekst = v[periodeKol] ?? '';
    const periode = leesPeriode(periodeTekst);
    if (!periode) {
      if (!data && (periodeTekst === '' || v[regioKol] === '')) {
        // a unit row under the measures ("aantal", "%") completes their labels
        for (const m of maten) if (v[m.i] && !/\(.*\)$/.test(m.label)) m.label = `${m.label} (${v[m.i]})`;
        continue;
      }
      if (v.filter((x) => x !== '').length <= 1 || VOET.test(v[0] ?? '')) break;
      fout(
        rec.regel,
        kolomNaam(periodeKol),
        periodeTekst,
        'onbekende periode: verwacht een code als 2023JJ00, 2023HJ01 of een label als "2023", "1e halfjaar 2023*"',
      );
      continue;
    }
    data = true;
    const { regio, naam } = regioCode(v[regioKol] ?? '', opties.gemeenteCode);
    if (!regio) {
      fout(rec.regel, kolomNaam(regioKol), '', 'de regio ontbreekt');
      continue;
    }
    const dims = dimensies.map((i) => v[i] ?? '');
    for (const m of maten) {
      const tekstWaarde = v[m.i] ?? '';
      if (tekstWaarde === '') continue; // blank: cannot occur on logical grounds (CBS)
      const w = leesWaarde(tekstWaarde);
      if (!w) {
        fout(rec.regel, kolomNaam(m.i), tekstWaarde, 'geen getal en geen "." (geheim/onbekend): verwacht bijvoorbeeld 2695, 2.695 of 13,3');
        continue;
      }
      const cbsMaat = [...dims, m.label].join(' | ');
      const sleutel = `${periode.periode} ${regio} ${cbsMaat}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) {
        fout(rec.regel, kolomNaam(m.i), tekstWaarde, `dezelfde cel (periode, regio, maat) staat ook op regel ${eerder}`);
        continue;
      }
      gezien.set(sleutel, rec.regel);
      cijfers.push({
        tabel: tabel ?? '',
        periode: periode.periode,
        regio,
        regio_naam: naam,
        maat: tabel ? maatVoor(tabel, cbsMaat) : null,
        cbs_maat: cbsMaat,
        waarde: w.waarde,
        waarde_tekst: tekstWaarde,
        voorlopig: periode.voorlopig,
        bron: opties.bron,
      });
    }
  }
  if (!data && fouten.length === 0) fout(kopIndex + 2, '', '', 'het bestand heeft geen gegevensregels onder de kopregel');
  return { tabel, cijfers, fouten };
}

const ODATA_VAST = new Set(['Id', 'Measure', 'RegioS', 'Perioden', 'Value', 'StringValue', 'ValueAttribute']);

/**
 * CBS OData v4 observations. The table comes from `@odata.context` or the file name; dimension
 * keys other than RegioS/Perioden and the Measure (codes in OData) form the measure, in that order.
 * A null Value (ValueAttribute such as "Secret", "Unknown") is CBS's '.'.
 */
export function leesOdataJson(tekst: string, bestand: string, opties: { bron: string; gemeenteCode: (naam: string) => string | null }): Gelezen {
  const fouten: RijFout[] = [];
  const fout = (regel: number, kolom: string, waarde: string, melding: string) => fouten.push({ bestand, regel, kolom, waarde, melding });
  let json: unknown;
  try {
    json = JSON.parse(tekst);
  } catch (e) {
    fout(1, '', '', `geen geldige JSON (${(e as Error).message})`);
    return { tabel: null, cijfers: [], fouten };
  }
  const obj = json as { value?: unknown; '@odata.context'?: unknown };
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.value)) {
    fout(1, 'value', '', 'verwacht een CBS OData-v4-antwoord: {"value": [{"Measure": …, "RegioS": …, "Perioden": …, "Value": …}, …]}');
    return { tabel: null, cijfers: [], fouten };
  }
  const tabel = tabelUit(`${typeof obj['@odata.context'] === 'string' ? obj['@odata.context'] : ''} ${bestand}`);
  if (!tabel)
    fout(
      1,
      '@odata.context',
      String(obj['@odata.context'] ?? ''),
      'de tabel is niet herkend: verwacht een tabelnummer (zoals 84852NED) in @odata.context of in de bestandsnaam',
    );
  // a line number per observation, as an editor shows the file (one object per line or pretty-printed)
  const regels = [...tekst.matchAll(/"Measure"\s*:/g)].map((m) => tekst.slice(0, m.index).split('\n').length);
  const cijfers: CbsCijfer[] = [];
  const gezien = new Map<string, number>();
  obj.value.forEach((o: unknown, i: number) => {
    const regel = regels[i] ?? i + 1;
    const r = o as Record<string, unknown>;
    const veld = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : r[k] === undefined || r[k] === null ? '' : String(r[k]));
    for (const k of ['Measure', 'RegioS', 'Perioden']) if (!veld(k)) fout(regel, k, '', `${k} ontbreekt in waarneming ${i + 1}`);
    const periode = leesPeriode(veld('Perioden'));
    if (veld('Perioden') && !periode) fout(regel, 'Perioden', veld('Perioden'), 'onbekende periode: verwacht een code als 2023JJ00 of 2023HJ01');
    const v = r.Value;
    let waarde: number | null;
    let waardeTekst: string;
    if (v === null || v === undefined || v === '') {
      waarde = null;
      waardeTekst = '.';
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      waarde = v;
      waardeTekst = String(v);
    } else {
      const w = typeof v === 'string' ? leesWaarde(v) : null;
      if (!w) {
        fout(regel, 'Value', String(v), 'geen getal en geen null');
        return;
      }
      waarde = w.waarde;
      waardeTekst = String(v);
    }
    if (!periode || !veld('Measure') || !veld('RegioS')) return;
    const { regio, naam } = regioCode(veld('RegioS'), opties.gemeenteCode);
    const dims = Object.keys(r)
      .filter((k) => !ODATA_VAST.has(k))
      .map((k) => veld(k));
    const cbsMaat = [...dims, veld('Measure')].join(' | ');
    const sleutel = `${periode.periode} ${regio} ${cbsMaat}`;
    const eerder = gezien.get(sleutel);
    if (eerder !== undefined) {
      fout(regel, 'Measure', veld('Measure'), `dezelfde cel (periode, regio, maat) staat ook op regel ${eerder}`);
      return;
    }
    gezien.set(sleutel, regel);
    const attr = veld('ValueAttribute').toLowerCase();
    cijfers.push({
      tabel: tabel ?? '',
      periode: periode.periode,
      regio,
      regio_naam: naam,
      maat: tabel ? maatVoor(tabel, cbsMaat) : null,
      cbs_maat: cbsMaat,
      waarde,
      waarde_tekst: waardeTekst,
      voorlopig: periode.voorlopig || attr.includes('voorlopig') || attr.includes('provisional'),
      bron: opties.bron,
    });
  });
  if (obj.value.length === 0) fout(1, 'value', '[]', 'het bestand bevat geen waarnemingen');
  return { tabel, cijfers, fouten };
}
