import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppFout, ongeldigeInvoer } from '../shared/fouten.js';
import type { RawCell } from './values.js';
import { BESCHADIGD, openWerkmapzip, type Werkmapzip } from './zip.js';

/**
 * An XLSX export read from its zip's central directory (zip.ts), its sheet XML parsed as a stream
 * here: nothing is written to disk, nothing of a sheet is kept but the row being read.
 *
 * What is read, and what is refused (in Dutch, naming the sheet, the row and the column):
 * - only the first visible worksheet (a hidden or "very hidden" sheet is never read); when it is
 *   empty and a later visible sheet holds data, the file is refused naming that sheet;
 * - a row Excel does not show (hidden, height 0, or hidden by the sheet's default) that holds a
 *   value refuses the file: what the beheerder did not see is not imported (a filtered list
 *   included);
 * - a cell with an error value (#N/A, #REF!, …) or a formula without a cached value refuses the
 *   file: read as empty it would erase a stored value;
 * - a number is read from its text in the sheet; an integer beyond 2^53 cannot be held exactly
 *   (two ids would become one) and refuses the file, telling the user to store ids as text;
 * - a number in a date format is a date (as Excel shows it); text, booleans and cached formula
 *   results are their value.
 */

export interface XlsxRij {
  regel: number;
  values: RawCell[];
}

interface Blad {
  naam: string;
  /** 1-based position in the workbook */
  positie: number;
  verborgen: boolean;
  pad: string;
}

// the row is in the message (with its sheet): regel 0 keeps the importer from putting "regel N" before it
const fout = (naam: string, melding: string) => ongeldigeInvoer(`${naam}: ${melding}`, { bestand: naam, regel: 0 });
const lokaal = (tag: string) => tag.slice(tag.indexOf(':') + 1);
const MAX_KOLOM = 16_384;
const MAX_TONEN = 10;

function parseXml(xml: string, naam: string, onOpen: (tag: SaxesTagPlain) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => onOpen(tag as SaxesTagPlain));
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof AppFout) throw error;
    throw fout(naam, BESCHADIGD);
  }
}

/** `target` of a relationship of xl/workbook.xml as a path in the archive. */
function doelPad(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
}

async function leesWerkmap(zip: Werkmapzip, naam: string) {
  const rels = new Map<string, { type: string; pad: string }>();
  if (zip.delen.has('xl/_rels/workbook.xml.rels')) {
    parseXml((await zip.leesHeel('xl/_rels/workbook.xml.rels')).toString('utf8'), naam, (tag) => {
      if (lokaal(tag.name) !== 'Relationship' || tag.attributes.TargetMode === 'External') return;
      rels.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', pad: doelPad(tag.attributes.Target ?? '') });
    });
  }
  const bladen: Blad[] = [];
  let date1904 = false;
  parseXml((await zip.leesHeel('xl/workbook.xml')).toString('utf8'), naam, (tag) => {
    const n = lokaal(tag.name);
    if (n === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
    if (n !== 'sheet') return;
    const rid = Object.entries(tag.attributes).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
    const positie = bladen.length + 1;
    bladen.push({
      naam: tag.attributes.name ?? `Blad${positie}`,
      positie,
      verborgen: tag.attributes.state === 'hidden' || tag.attributes.state === 'veryHidden',
      pad: rels.get(rid)?.pad ?? `xl/worksheets/sheet${positie}.xml`,
    });
  });
  const vanType = (soort: string, standaard: string) => [...rels.values()].find((r) => r.type.endsWith(`/${soort}`))?.pad ?? standaard;
  return { bladen, date1904, sharedStrings: vanType('sharedStrings', 'xl/sharedStrings.xml'), styles: vanType('styles', 'xl/styles.xml') };
}

/** Excel's built-in number formats that show a date or time. */
const DATUMFORMATEN = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quoted text, escapes and [colour]s, it has d, m, y, h or s. */
export function isDatumformaat(code: string): boolean {
  const kaal = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(kaal.replace(/General/gi, ''));
}

/** Per cell style (`s`): whether its number format shows a date. */
async function leesDatumstijlen(zip: Werkmapzip, pad: string, naam: string): Promise<boolean[]> {
  if (!zip.delen.has(pad)) return [];
  const eigen = new Map<number, string>();
  const stijlen: boolean[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    const n = lokaal(t.name);
    if (n === 'numFmt') eigen.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');
    else if (n === 'cellXfs') inCellXfs = true;
    else if (n === 'xf' && inCellXfs) {
      const id = Number(t.attributes.numFmtId ?? 0);
      const code = eigen.get(id);
      stijlen.push(code !== undefined ? isDatumformaat(code) : DATUMFORMATEN.has(id));
    }
  });
  parser.on('closetag', (tag) => {
    if (lokaal(tag.name) === 'cellXfs') inCellXfs = false;
  });
  try {
    parser.write((await zip.leesHeel(pad)).toString('utf8').replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof AppFout) throw error;
    throw fout(naam, BESCHADIGD);
  }
  return stijlen;
}

/**
 * Feeds the inflated bytes of a part to a SAX parser; after each chunk `na` is called (to hand
 * out what that chunk completed). Text is decoded as UTF-8 across chunk boundaries.
 */
async function* voed(zip: Werkmapzip, pad: string, parser: SaxesParser, naam: string, gelezen?: (bytes: number) => void): AsyncGenerator<void> {
  const decoder = new StringDecoder('utf8');
  let eerste = true;
  try {
    for await (const stuk of zip.lees(pad, gelezen)) {
      let tekst = decoder.write(stuk);
      if (eerste && tekst.length > 0) {
        tekst = tekst.replace(/^\uFEFF/, '');
        eerste = false;
      }
      parser.write(tekst);
      yield;
    }
    parser.write(decoder.end());
    parser.close();
    yield;
  } catch (error) {
    if (error instanceof AppFout) throw error;
    throw fout(naam, BESCHADIGD);
  }
}

/** The shared strings table: rich text as its plain text, phonetic runs left out. */
async function leesGedeeldeTeksten(zip: Werkmapzip, pad: string, naam: string): Promise<string[]> {
  if (!zip.delen.has(pad)) return [];
  const teksten: string[] = [];
  let huidig: string | null = null;
  let inT = false;
  let inRph = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const n = lokaal(tag.name);
    if (n === 'si') huidig = '';
    else if (n === 'rPh') inRph++;
    else if (n === 't' && !tag.isSelfClosing) inT = true;
  });
  parser.on('closetag', (tag) => {
    const n = lokaal(tag.name);
    if (n === 'si') {
      teksten.push(huidig ?? '');
      huidig = null;
    } else if (n === 'rPh') inRph--;
    else if (n === 't') inT = false;
  });
  const tekst = (t: string) => {
    if (inT && inRph === 0 && huidig !== null) huidig += t;
  };
  parser.on('text', tekst);
  parser.on('cdata', tekst);
  for await (const _ of voed(zip, pad, parser, naam)) void _;
  return teksten;
}

/** Column number (1-based) of a cell reference such as `AB12`; 0 when it has no letters. */
function kolomVan(ref: string): number {
  let k = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) k = k * 26 + (c - 64);
    else if (c >= 97 && c <= 122) k = k * 26 + (c - 96);
    else break;
  }
  return k;
}

export function kolomLetters(kolom: number): string {
  let s = '';
  for (let k = kolom; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const noem = (lijst: number[], extra: number) => {
  const rijen = lijst.length > 1 ? `${lijst.slice(0, -1).join(', ')}${extra > 0 ? ', ' : ' en '}${lijst.at(-1)}` : lijst[0];
  return `${lijst.length === 1 ? 'rij' : 'rijen'} ${rijen}${extra > 0 ? ` en ${extra} andere` : ''}`;
};

interface BladContext {
  naam: string;
  blad: Blad;
  gedeeld: string[];
  datumstijl: boolean[];
  date1904: boolean;
}

/** Days between Excel's day 0 and 1 January 1970 (1900 system, with its leap-year bug; 1904 system). */
const EPOCHE_1900 = 25_569;
const EPOCHE_1904 = 24_107;

/**
 * The rows of one worksheet that hold a value, streamed. The header (the first row with a value)
 * names the columns in error messages.
 */
async function* leesBlad(zip: Werkmapzip, c: BladContext, gelezen?: (bytes: number) => void): AsyncGenerator<XlsxRij[]> {
  const { naam, blad } = c;
  const waar = (rij: number, kolom: number, kop: string[]) => {
    const k = kop[kolom - 1];
    return `werkblad "${blad.naam}", rij ${rij}, kolom ${kolomLetters(kolom)}${k ? ` (${k})` : ''}`;
  };
  let kop: string[] | null = null;
  let inData = false;
  let standaardVerborgen = false;
  // the row being read
  let rij = 0;
  let rijVerborgen = false;
  let cellen: RawCell[] = [];
  let heeftWaarde = false;
  // the cell being read
  let kolom = 0;
  let type = 'n';
  let stijl = 0;
  let formule: string | null = null;
  let waarde: string | null = null;
  let inline: string | null = null;
  let tekstDoel: 'v' | 'f' | 'is' | null = null;
  let inRph = 0;
  const klaar: XlsxRij[] = [];
  const verborgen: number[] = [];
  let verborgenExtra = 0;

  const celWaarde = (): RawCell => {
    if (type === 'inlineStr') return inline ?? (waarde === null ? null : waarde);
    if (waarde === null) {
      if (formule !== null) {
        throw fout(
          naam,
          `${waar(rij, kolom, kop ?? [])}: de cel heeft een formule zonder berekende waarde (=${formule.slice(0, 100)}); ` +
            `open het bestand in Excel, laat het herberekenen, sla het op en importeer opnieuw`,
        );
      }
      return null;
    }
    switch (type) {
      case 's': {
        const s = c.gedeeld[Number(waarde)];
        if (s === undefined || waarde.trim() === '') throw fout(naam, `${waar(rij, kolom, kop ?? [])}: ${BESCHADIGD}`);
        return s;
      }
      case 'str':
        return waarde;
      case 'b':
        return waarde.trim() === '1' || waarde.trim() === 'true';
      case 'e':
        throw fout(
          naam,
          `${waar(rij, kolom, kop ?? [])}: de cel bevat de foutwaarde ${waarde.trim()} in plaats van ` +
            `een waarde; herstel de cel (of maak hem leeg) en importeer opnieuw`,
        );
      case 'd': {
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(waarde.trim());
        if (!m) return waarde;
        return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      }
      default: {
        const tekst = waarde.trim();
        if (tekst === '') return null;
        const getal = Number(tekst);
        if (!Number.isFinite(getal))
          throw fout(naam, `${waar(rij, kolom, kop ?? [])}: de cel is als getal opgeslagen maar bevat "${tekst.slice(0, 40)}"; ${BESCHADIGD}`);
        if (c.datumstijl[stijl]) {
          const ms = Math.round((getal - (c.date1904 ? EPOCHE_1904 : EPOCHE_1900)) * 86_400_000);
          return new Date(ms);
        }
        if (Number.isInteger(getal) && !Number.isSafeInteger(getal)) {
          throw fout(
            naam,
            `${waar(rij, kolom, kop ?? [])}: het getal ${tekst} is te groot om exact te lezen (meer dan ` +
              `2^53; Excel bewaart 15 cijfers); sla nummers zoals registratie_id in Excel op als tekst en importeer opnieuw`,
          );
        }
        return getal;
      }
    }
  };

  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    const n = lokaal(t.name);
    const a = t.attributes;
    if (!inData) {
      if (n === 'sheetData') inData = true;
      else if (n === 'sheetFormatPr') standaardVerborgen = a.zeroHeight === '1' || a.zeroHeight === 'true';
      return;
    }
    switch (n) {
      case 'row': {
        rij = a.r !== undefined ? Number(a.r) : rij + 1;
        if (!Number.isSafeInteger(rij) || rij < 1) throw fout(naam, `werkblad "${blad.naam}": ${BESCHADIGD}`);
        const hoogte = a.ht === undefined ? undefined : Number(a.ht);
        rijVerborgen = a.hidden === '1' || a.hidden === 'true' || (hoogte !== undefined && hoogte < 1) || (standaardVerborgen && hoogte === undefined);
        cellen = [];
        heeftWaarde = false;
        kolom = 0;
        break;
      }
      case 'c': {
        kolom = a.r !== undefined ? kolomVan(a.r) : kolom + 1;
        if (kolom < 1 || kolom > MAX_KOLOM) throw fout(naam, `werkblad "${blad.naam}", rij ${rij}: ${BESCHADIGD}`);
        type = a.t ?? 'n';
        stijl = a.s !== undefined ? Number(a.s) : 0;
        formule = null;
        waarde = null;
        inline = null;
        break;
      }
      case 'v':
        waarde ??= '';
        tekstDoel = 'v';
        break;
      case 'f':
        formule ??= '';
        tekstDoel = 'f';
        break;
      case 'is':
        inline = '';
        tekstDoel = 'is';
        break;
      case 'rPh':
        inRph++;
        break;
      default:
    }
  });
  parser.on('closetag', (tag) => {
    if (!inData) return;
    const n = lokaal(tag.name);
    switch (n) {
      case 'v':
      case 'f':
      case 'is':
        tekstDoel = null;
        break;
      case 'rPh':
        inRph--;
        break;
      case 'c': {
        const w = celWaarde();
        if (w !== null && w !== undefined) {
          while (cellen.length < kolom - 1) cellen.push(null);
          cellen[kolom - 1] = w;
          if (typeof w !== 'string' || w.trim() !== '') heeftWaarde = true;
        }
        break;
      }
      case 'row': {
        if (!heeftWaarde) break;
        if (rijVerborgen) {
          if (verborgen.length < MAX_TONEN) verborgen.push(rij);
          else verborgenExtra++;
          break;
        }
        if (verborgen.length > 0) break;
        kop ??= cellen.map((x) => (x === null || x === undefined ? '' : String(x).trim()));
        klaar.push({ regel: rij, values: cellen });
        break;
      }
      case 'sheetData':
        inData = false;
        break;
      default:
    }
  });
  const tekst = (t: string) => {
    if (tekstDoel === 'v') waarde += t;
    else if (tekstDoel === 'f') formule += t;
    else if (tekstDoel === 'is' && inRph === 0) inline += t;
  };
  parser.on('text', tekst);
  parser.on('cdata', tekst);
  for await (const _ of voed(zip, blad.pad, parser, naam, gelezen)) {
    void _;
    if (klaar.length > 0) yield klaar.splice(0);
  }
  if (verborgen.length > 0) {
    throw fout(
      naam,
      `werkblad "${blad.naam}": ${noem(verborgen, verborgenExtra)} ${verborgen.length + verborgenExtra === 1 ? 'is' : 'zijn'} ` +
        `verborgen en ${verborgen.length + verborgenExtra === 1 ? 'bevat' : 'bevatten'} gegevens; maak ` +
        `alle rijen zichtbaar (zet ook filters uit) of verwijder ze, en importeer opnieuw`,
    );
  }
}

/**
 * The rows of the first visible worksheet of an XLSX export (see the top of this file), per
 * chunk of sheet XML read. `onProgress`: the part of the file read so far, in bytes of the file.
 */
export async function* leesXlsxBlokken(pad: string, naam: string, bestandsgrootte: number, onProgress?: (bytes: number) => void): AsyncGenerator<XlsxRij[]> {
  const zip = await openWerkmapzip(pad, naam);
  try {
    const werkmap = await leesWerkmap(zip, naam);
    const zichtbaar = werkmap.bladen.filter((b) => !b.verborgen);
    if (zichtbaar.length === 0) throw fout(naam, 'heeft geen zichtbaar werkblad; maak het werkblad met de export zichtbaar en importeer opnieuw');
    const [eerste, ...overige] = zichtbaar as [Blad, ...Blad[]];
    if (!zip.delen.has(eerste.pad)) throw fout(naam, `werkblad "${eerste.naam}" ontbreekt in het archief; ${BESCHADIGD}`);
    const ctx = {
      naam,
      gedeeld: await leesGedeeldeTeksten(zip, werkmap.sharedStrings, naam),
      datumstijl: await leesDatumstijlen(zip, werkmap.styles, naam),
      date1904: werkmap.date1904,
    };
    const grootte = zip.delen.get(eerste.pad)!.uncompressedSize;
    const voortgang = onProgress && grootte > 0 ? (b: number) => onProgress(Math.round((b / grootte) * bestandsgrootte)) : undefined;
    let gelezen = false;
    for await (const blok of leesBlad(zip, { ...ctx, blad: eerste }, voortgang)) {
      gelezen = true;
      yield blok;
    }
    if (gelezen) return;
    // the export is the first visible worksheet; the others are only looked at when it is empty
    for (const blad of overige) {
      if (!zip.delen.has(blad.pad)) continue;
      for await (const blok of leesBlad(zip, { ...ctx, blad })) {
        if (blok.length === 0) continue;
        const welk = eerste.positie === 1 ? 'het eerste werkblad is leeg' : `het eerste zichtbare werkblad ("${eerste.naam}") is leeg`;
        throw fout(naam, `${welk}; de gegevens staan op werkblad ${blad.positie} ("${blad.naam}"). Zet de export op het eerste werkblad`);
      }
    }
  } finally {
    zip.sluit();
  }
}
