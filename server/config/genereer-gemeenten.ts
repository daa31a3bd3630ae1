/**
 * Generates config/cbs-gemeentecodes.json: every gemeente of the Netherlands on 1 January of each
 * year since 2015, with the herindelingen. One command (docs/regio.md):
 *
 *   npx tsx server/config/genereer-gemeenten.ts <gemeentelijke-indeling.csv> [laatste jaar]
 *
 * Input: the CBS gemeentelijke indeling with a begin and end date per code, as NLExtract keeps it
 * (bagv2/etl/data/cbs/gemeentelijke-indeling.csv: provinciecode;provincienaam;gemeentecode;
 * gemeentenaam;begindatum;einddatum), and config/cbs/herindelingen.json (which gemeente went into
 * which, with the source of each). The input file is not shipped; its sha256 is written into the
 * output, and the generator refuses a different file for the same output unless asked to.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { EERSTE_JAAR, normaliseerNaam, type GemeentenBestand, type Herindeling, type NederlandseGemeente } from './gemeenten-nederland.js';
import { projectPath } from './paths.js';

export interface Opvolgers {
  herindelingen: { per: string; van: string[]; naar: string[]; bron: string }[];
}

export interface Herkomst {
  /** where the indeling file comes from (repository, path, commit) */
  invoer: string;
  sha256: string;
  /** codes of earlier files to keep for the plausibility warning (a code once used stays known) */
  oudeCodes: string[];
}

const KOLOMMEN = 'provinciecode;provincienaam;gemeentecode;gemeentenaam;begindatum;einddatum';

export function leesIndeling(tekst: string): NederlandseGemeente[] {
  const regels = tekst
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((r) => r.trim() !== '');
  if (regels[0]?.trim() !== KOLOMMEN) throw new Error(`De indeling heeft niet de kolommen ${KOLOMMEN}`);
  return regels.slice(1).map((regel, i) => {
    const [, provincie, code, naam, vanaf, tot] = regel.split(';');
    if (!code || !/^\d{4}$/.test(code) || !naam || !provincie || !vanaf || !/^\d{4}-\d{2}-\d{2}$/.test(vanaf) || (tot && !/^\d{4}-\d{2}-\d{2}$/.test(tot))) {
      throw new Error(`Regel ${i + 2} van de indeling is onleesbaar: ${regel}`);
    }
    return { code: `GM${code}`, naam, provincie, vanaf, tot: tot || null };
  });
}

export function genereerGemeenten(indeling: NederlandseGemeente[], opvolgers: Opvolgers, herkomst: Herkomst, laatsteJaar: number): GemeentenBestand {
  const jaren = Array.from({ length: laatsteJaar - EERSTE_JAAR + 1 }, (_, i) => EERSTE_JAAR + i);
  const eersteDag = `${EERSTE_JAAR}-01-01`;
  const laatsteDag = `${laatsteJaar}-01-01`;
  // every gemeente that existed on some 1 January of the years, or ended on or after the first
  const gemeenten = indeling
    .filter((g) => g.vanaf <= laatsteDag && (g.tot === null || g.tot >= eersteDag))
    .map((g) => ({ ...g, tot: g.tot !== null && g.tot > laatsteDag ? null : g.tot }))
    .sort((a, b) => a.code.localeCompare(b.code));

  const opNaam = (naam: string, dag: string, rol: 'van' | 'naar') => {
    const kandidaten = gemeenten.filter(
      (g) => normaliseerNaam(g.naam) === normaliseerNaam(naam) && (rol === 'van' ? g.tot === dag : g.vanaf <= dag && (g.tot === null || g.tot > dag)),
    );
    if (kandidaten.length !== 1)
      throw new Error(`herindelingen.json: ${naam} (${rol === 'van' ? 'opgeheven' : 'bestaand'} op ${dag}) staat ${kandidaten.length} keer in de indeling`);
    return kandidaten[0]!;
  };
  const bekend = new Map<string, Herindeling>();
  for (const h of opvolgers.herindelingen) {
    const naar = h.naar.map((n) => opNaam(n, h.per, 'naar').code);
    for (const v of h.van) {
      const g = opNaam(v, h.per, 'van');
      bekend.set(g.code, { code: g.code, naam: g.naam, per: h.per, opgegaanIn: naar, soort: naar.length > 1 ? 'splitsing' : 'samenvoeging', bron: h.bron });
    }
  }
  const herindelingen: Herindeling[] = [];
  for (const g of gemeenten) {
    if (g.tot === null) continue;
    const h = bekend.get(g.code);
    if (h) {
      herindelingen.push(h);
      continue;
    }
    // one code ends and one begins on the same day in the same province, nothing else: a new
    // code for the same gemeente (Groesbeek → Berg en Dal), read from the indeling itself
    const einde = gemeenten.filter((x) => x.tot === g.tot && x.provincie === g.provincie);
    const begin = gemeenten.filter((x) => x.vanaf === g.tot && x.provincie === g.provincie);
    if (einde.length === 1 && begin.length === 1) {
      herindelingen.push({
        code: g.code,
        naam: g.naam,
        per: g.tot,
        opgegaanIn: [begin[0]!.code],
        soort: 'naamswijziging',
        bron: `CBS-gemeentelijke indeling: op ${g.tot} eindigt in ${g.provincie} alleen ${g.naam} en begint alleen ${begin[0]!.naam}`,
      });
    } else {
      herindelingen.push({ code: g.code, naam: g.naam, per: g.tot, opgegaanIn: null, soort: null, bron: null });
    }
  }
  const codes = [...new Set([...herkomst.oudeCodes, ...indeling.map((g) => g.code)])].sort();
  return {
    toelichting:
      `Alle gemeenten van Nederland op 1 januari van ${EERSTE_JAAR} tot en met ${laatsteJaar} (code, ` +
      `naam, provincie, begin- en einddatum), met de herindelingen: welke opgeheven gemeente in welke ` +
      `gemeente(n) opging en op welke dag. ` +
      ('Gegenereerd door server/config/genereer-gemeenten.ts (docs/regio.md); niet met de hand bewerken. ' +
        "'opgegaanIn' null: de opvolger is niet in een bron bevestigd. ") +
      "'codes': elke CBS-gemeentecode die ooit is gebruikt, voor de plausibiliteitswaarschuwing 'onbekende gemeentecode'.",
    bron:
      `CBS, Gemeentelijke indeling op 1 januari (begin- en einddatum per gemeentecode), zoals bijgehouden ` +
      `in ${herkomst.invoer} (sha256 ${herkomst.sha256}); CBS-gegevens onder CC BY 4.0. ` +
      'Opvolgers: config/cbs/herindelingen.json, elk met de eigen bron.',
    naamregel:
      'Namen worden vergeleken zonder accenten, zonder hoofdletters en met elke reeks andere tekens ' +
      "dan a-z en 0-9 als één spatie ('s-Hertogenbosch = S HERTOGENBOSCH). Een naam met de provincie " +
      'erachter (Bergen (NH.)) geldt ook zonder, tenzij een andere gemeente sinds 2015 die korte ' +
      'naam heeft. Een naam die meer gemeenten droegen, hoort bij de meest recente.',
    jaren,
    gemeenten,
    herindelingen,
    codes,
  };
}

/** JSON with one line per gemeente and per herindeling, so a new year reads as a short diff. */
export function alsRegels(bestand: object): string {
  const delen = Object.entries(bestand).map(([k, v]) => {
    const waarde =
      Array.isArray(v) && v.some((x) => typeof x === 'object') ? `[\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]` : JSON.stringify(v);
    return ` ${JSON.stringify(k)}: ${waarde}`;
  });
  return `{\n${delen.join(',\n')}\n}\n`;
}

function main(argv: string[]): void {
  const [pad, jaar] = argv;
  if (!pad) {
    process.stderr.write(
      'Gebruik: npx tsx server/config/genereer-gemeenten.ts <gemeentelijke-indeling.csv> [laatste jaar] [--herkomst "<repository, pad, commit>"]\n',
    );
    process.exit(2);
  }
  const tekst = readFileSync(pad, 'utf8');
  const uit = projectPath('config', 'cbs-gemeentecodes.json');
  const oud = JSON.parse(readFileSync(uit, 'utf8')) as { codes: string[]; bron?: string };
  const i = argv.indexOf('--herkomst');
  const herkomst: Herkomst = {
    invoer: i >= 0 && argv[i + 1] ? argv[i + 1]! : `het bestand ${pad}`,
    sha256: createHash('sha256').update(tekst).digest('hex'),
    oudeCodes: oud.codes,
  };
  const opvolgers = JSON.parse(readFileSync(projectPath('config', 'cbs', 'herindelingen.json'), 'utf8')) as Opvolgers;
  const laatste = jaar && /^\d{4}$/.test(jaar) ? Number(jaar) : new Date().getUTCFullYear();
  const bestand = genereerGemeenten(leesIndeling(tekst), opvolgers, herkomst, laatste);
  writeFileSync(uit, alsRegels(bestand));
  process.stdout.write(`${uit}: ${bestand.gemeenten.length} gemeenten, ${bestand.herindelingen.length} opgeheven, ${bestand.jaren[0]}–${laatste}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main(process.argv.slice(2));
