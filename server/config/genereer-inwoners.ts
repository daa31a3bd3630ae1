/**
 * Builds config/cbs/inwoners.json — the CBS population of every gemeente on 1 January of each year
 * — from two committed extracts of CBS tables (docs/regio.md):
 *
 *   npx tsx server/config/genereer-inwoners.ts                      (from the committed extracts)
 *   npx tsx server/config/genereer-inwoners.ts --37259eng <csv> --85755NED <csv>
 *                                                                    (first rewrite the extracts
 *                                                                     from the downloaded tables)
 *
 * - config/cbs/bevolking-37259eng.csv: StatLine 37259eng ('Population dynamics; birth, death and
 *   migration per region'), PopulationOn1January_1 and PopulationOn31December_20 of every
 *   gemeente, total of men and women (Sex T001038), 2019–2023;
 * - config/cbs/gebieden-in-nederland-2024.csv: StatLine 85755NED ('Gebieden in Nederland 2024'),
 *   per gemeente its Veilig Thuis-regio (Code_44, Naam_45) and Inwonertal_54 (1 January 2024).
 *
 * The two tables confirm each other: the population of 31 December 2023 in 37259eng must equal the
 * Inwonertal of 1 January 2024 in 85755NED for every gemeente, and each year must hold exactly the
 * gemeenten of config/cbs-gemeentecodes.json on 1 January; otherwise nothing is written. A year or
 * gemeente that is not in an extract stays missing: never estimated.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { bouwGemeentenNederland, type GemeentenBestand } from './gemeenten-nederland.js';
import { alsRegels } from './genereer-gemeenten.js';
import { projectPath } from './paths.js';

/** One CBS table an extract comes from, and the public copy of it that the extract was made from. */
export interface InwonersBron {
  tabel: string;
  titel: string;
  bron: string;
  gebruikt: string;
  bestand: string;
  /** the sha256 of the committed extract */
  sha256: string;
  kopie: { repository: string; pad: string; commit: string; sha256: string; licentie: string };
}

export const BEVOLKING_37259 = {
  tabel: '37259eng',
  titel: 'Population dynamics; birth, death and migration per region',
  bron: 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table',
  gebruikt:
    'PopulationOn1January_1 (bevolking op 1 januari) van elke gemeente (Regions GM…), Sex T001038 ' +
    '(mannen en vrouwen), 2019–2023; PopulationOn31December_20 van 2023 alleen ter controle',
  bestand: 'config/cbs/bevolking-37259eng.csv',
  kopie: {
    repository: 'https://github.com/ValenteMendez/population-dynamics-netherlands',
    pad: '250112_CLEAN_population_regional_NL.csv',
    commit: 'b6758b42d24faf06052f3e8749a647f49f99b276',
    sha256: '072b3ddc17979557470770bc4d882db1f83afd1f648dfd9088e2ef0ff778abf1',
    licentie: 'CBS-gegevens, CC BY 4.0 (de repository noemt geen eigen licentie; het bestand is een download van de CBS-tabel, de app noemt tableId=37259eng)',
  },
} as const;

export const GEBIEDEN_2024 = {
  tabel: '85755NED',
  titel: 'Gebieden in Nederland 2024',
  bron: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85755NED/table',
  gebruikt: 'Inwonertal_54 (inwonertal op 1 januari 2024) en de Veilig Thuis-regio (Code_44, Naam_45) van elke gemeente (RegioS, Naam_2)',
  bestand: 'config/cbs/gebieden-in-nederland-2024.csv',
  kopie: {
    repository: 'https://github.com/leetjes123/EVDashboard',
    pad: 'inwonertal_gemeente.csv',
    commit: '22a30c7e313e7c2044fceb06b2d376e60699d12b',
    sha256: '9b0ac5f2d0fbe7456d9e3f3e54c918e7b661de358a9e2b2dd59b4a327e877a6c',
    licentie: 'CBS-gegevens, CC BY 4.0 (de repository noemt geen eigen licentie; het bestand is de OData-tabel van CBS, ongewijzigd)',
  },
} as const;

const JAREN_37259 = [2019, 2020, 2021, 2022, 2023];
const JAAR_GEBIEDEN = 2024;

const KOP_37259 = 'Regions;Periods;PopulationOn1January_1;PopulationOn31December_20';
const KOP_GEBIEDEN = 'RegioS;Naam_2;Code_44;Naam_45;Inwonertal_54';

export interface BevolkingRij {
  code: string;
  jaar: number;
  op1Januari: number;
  /** null when the gemeente ended during the year (Weesp, 24 March 2022) */
  op31December: number | null;
}
export interface GebiedRij {
  code: string;
  naam: string;
  vt: string;
  vtNaam: string;
  inwoners: number;
}

export interface CbsInwonersBestand {
  toelichting: string;
  bronnen: InwonersBron[];
  cijfers: { code: string; jaar: number; aantal: number; tabel: string; bron: string }[];
}

const sha256 = (tekst: string) => createHash('sha256').update(tekst).digest('hex');

/** Splits a CSV line on `scheiding`, honouring double quotes (the downloads quote nothing else). */
function velden(regel: string, scheiding: string): string[] {
  const uit: string[] = [];
  let veld = '';
  let tussenAanhalingstekens = false;
  for (const c of regel) {
    if (c === '"') tussenAanhalingstekens = !tussenAanhalingstekens;
    else if (c === scheiding && !tussenAanhalingstekens) {
      uit.push(veld);
      veld = '';
    } else veld += c;
  }
  uit.push(veld);
  return uit;
}

function regels(tekst: string): string[] {
  return tekst
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((r) => r.trim() !== '');
}

function geheel(waarde: string | undefined, waar: string): number {
  if (waarde === undefined || !/^\d+$/.test(waarde.trim())) throw new Error(`${waar}: '${waarde ?? ''}' is geen aantal`);
  return Number(waarde.trim());
}

/** The extract of the downloaded 37259eng table (comma-separated, with label columns). */
export function extraheerBevolking(tekst: string): string {
  const [kop, ...rijen] = regels(tekst);
  const k = velden(kop ?? '', ',');
  const i = (naam: string) => {
    const n = k.indexOf(naam);
    if (n < 0) throw new Error(`37259eng: kolom ${naam} ontbreekt`);
    return n;
  };
  const [sex, regio, periode, op1, op31] = [i('Sex'), i('Regions'), i('Periods'), i('PopulationOn1January_1'), i('PopulationOn31December_20')];
  const uit = rijen
    .map((r) => velden(r, ','))
    .filter((v) => v[sex]?.trim() === 'T001038' && v[regio]!.trim().startsWith('GM') && JAREN_37259.some((j) => v[periode] === `${j}JJ00`))
    .map((v) => [v[regio]!.trim(), v[periode], v[op1], v[op31]].join(';'));
  return `${KOP_37259}\n${uit.join('\n')}\n`;
}

/** The extract of the downloaded 85755NED table (the OData TypedDataSet as ';'-separated CSV). */
export function extraheerGebieden(tekst: string): string {
  const [kop, ...rijen] = regels(tekst);
  const k = velden(kop ?? '', ';');
  const kolommen = KOP_GEBIEDEN.split(';').map((naam) => {
    const n = k.indexOf(naam);
    if (n < 0) throw new Error(`85755NED: kolom ${naam} ontbreekt`);
    return n;
  });
  const uit = rijen
    .map((r) => velden(r, ';'))
    .filter((v) => v[kolommen[0]!]!.trim().startsWith('GM'))
    .map((v) => kolommen.map((n) => v[n]!.trim()).join(';'));
  return `${KOP_GEBIEDEN}\n${uit.join('\n')}\n`;
}

export function leesBevolking(tekst: string): BevolkingRij[] {
  const [kop, ...rijen] = regels(tekst);
  if (kop !== KOP_37259) throw new Error(`${BEVOLKING_37259.bestand}: de eerste regel moet '${KOP_37259}' zijn`);
  return rijen.map((r, n) => {
    const [code, periode, op1, op31] = r.split(';');
    const waar = `${BEVOLKING_37259.bestand} regel ${n + 2}`;
    if (!/^GM\d{4}$/.test(code ?? '') || !/^\d{4}JJ00$/.test(periode ?? '')) throw new Error(`${waar}: '${r}' is geen gemeente en jaar`);
    return { code: code!, jaar: Number(periode!.slice(0, 4)), op1Januari: geheel(op1, waar), op31December: op31 === '' ? null : geheel(op31, waar) };
  });
}

export function leesGebieden(tekst: string): GebiedRij[] {
  const [kop, ...rijen] = regels(tekst);
  if (kop !== KOP_GEBIEDEN) throw new Error(`${GEBIEDEN_2024.bestand}: de eerste regel moet '${KOP_GEBIEDEN}' zijn`);
  return rijen.map((r, n) => {
    const [code, naam, vt, vtNaam, inwoners] = r.split(';');
    const waar = `${GEBIEDEN_2024.bestand} regel ${n + 2}`;
    if (!/^GM\d{4}$/.test(code ?? '') || !/^VT\d{2}$/.test(vt ?? '')) throw new Error(`${waar}: '${r}' is geen gemeente met VT-regio`);
    return { code: code!, naam: naam!, vt: vt!, vtNaam: vtNaam!, inwoners: geheel(inwoners, waar) };
  });
}

/**
 * The population figures, each with its table and address. Throws, naming every discrepancy, when a
 * year does not hold exactly the gemeenten of 1 January of that year, a gemeente is there twice, or
 * the two tables disagree about 1 January 2024.
 */
export function bouwInwoners(bevolkingTekst: string, gebiedenTekst: string, nederlandBestand: GemeentenBestand): CbsInwonersBestand {
  const nederland = bouwGemeentenNederland(nederlandBestand);
  const bevolking = leesBevolking(bevolkingTekst);
  const gebieden = leesGebieden(gebiedenTekst);
  const fouten: string[] = [];
  const perJaar = new Map<number, string[]>();
  for (const r of bevolking) perJaar.set(r.jaar, [...(perJaar.get(r.jaar) ?? []), r.code]);
  perJaar.set(
    JAAR_GEBIEDEN,
    gebieden.map((g) => g.code),
  );
  for (const [jaar, codes] of perJaar) {
    const verwacht = nederland.gemeentenOp(jaar)?.map((g) => g.code) ?? [];
    const dubbel = codes.filter((c, i) => codes.indexOf(c) !== i);
    const teVeel = codes.filter((c) => !verwacht.includes(c));
    const mist = verwacht.filter((c) => !codes.includes(c));
    if (dubbel.length) fouten.push(`${jaar}: dubbel ${dubbel.join(', ')}`);
    if (teVeel.length) fouten.push(`${jaar}: geen gemeente op 1 januari: ${teVeel.join(', ')}`);
    if (mist.length) fouten.push(`${jaar}: ontbreekt: ${mist.join(', ')}`);
  }
  const eindVorigJaar = new Map(bevolking.filter((r) => r.jaar === JAAR_GEBIEDEN - 1).map((r) => [r.code, r.op31December]));
  for (const g of gebieden) {
    const andere = eindVorigJaar.get(g.code);
    if (andere !== g.inwoners)
      fouten.push(
        `${g.code} ${g.naam}: 85755NED ${g.inwoners} op 1 januari ${JAAR_GEBIEDEN}, 37259eng ${andere ?? 'geen cijfer'} op 31 december ${JAAR_GEBIEDEN - 1}`,
      );
  }
  if (fouten.length) throw new Error(`De CBS-inwonertallen kloppen niet (${fouten.length}):\n${fouten.join('\n')}`);

  const cijfers = [
    ...bevolking.map((r) => ({ code: r.code, jaar: r.jaar, aantal: r.op1Januari, tabel: BEVOLKING_37259.tabel, bron: BEVOLKING_37259.bron })),
    ...gebieden.map((g) => ({ code: g.code, jaar: JAAR_GEBIEDEN, aantal: g.inwoners, tabel: GEBIEDEN_2024.tabel, bron: GEBIEDEN_2024.bron })),
  ].sort((a, b) => a.code.localeCompare(b.code) || a.jaar - b.jaar);
  const bronnen: InwonersBron[] = [
    { ...BEVOLKING_37259, sha256: sha256(bevolkingTekst) },
    { ...GEBIEDEN_2024, sha256: sha256(gebiedenTekst) },
  ];
  return {
    toelichting:
      'Inwoners van gemeenten op 1 januari, zoals CBS ze publiceert: elk cijfer met de StatLine-tabel ' +
      'en het adres waar het staat. Gegenereerd door server/config/genereer-inwoners.ts uit de uittreksels ' +
      'in config/cbs/ (zie bronnen); genereer-regios.ts zet ze als inwonersPerJaar in de regiobestanden. ' +
      (`2019–2023 uit 37259eng, ${JAAR_GEBIEDEN} uit 85755NED; beide tabellen geven voor elke gemeente ` +
        `hetzelfde aantal op 1 januari ${JAAR_GEBIEDEN} (37259eng: 31 december ${JAAR_GEBIEDEN - 1}). ` +
        `Een gemeente of jaar dat hier niet staat, ontbreekt (nooit een schatting).`),
    bronnen,
    cijfers,
  };
}

/** The committed extracts, read from the project. */
export function leesUittreksels(): { bevolking: string; gebieden: string } {
  return { bevolking: readFileSync(projectPath(BEVOLKING_37259.bestand), 'utf8'), gebieden: readFileSync(projectPath(GEBIEDEN_2024.bestand), 'utf8') };
}

function main(argv: string[]): void {
  const pad = (vlag: string) => {
    const i = argv.indexOf(vlag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  for (const [vlag, bron, extraheer] of [
    ['--37259eng', BEVOLKING_37259, extraheerBevolking],
    ['--85755NED', GEBIEDEN_2024, extraheerGebieden],
  ] as const) {
    const invoer = pad(vlag);
    if (!invoer) continue;
    const tekst = readFileSync(invoer, 'utf8');
    const som = createHash('sha256').update(readFileSync(invoer)).digest('hex');
    if (som !== bron.kopie.sha256)
      process.stderr.write(`let op: ${invoer} heeft sha256 ${som}, niet ${bron.kopie.sha256}: pas ${bron.tabel} in genereer-inwoners.ts aan\n`);
    writeFileSync(projectPath(bron.bestand), extraheer(tekst));
  }
  const { bevolking, gebieden } = leesUittreksels();
  const nederland = JSON.parse(readFileSync(projectPath('config', 'cbs-gemeentecodes.json'), 'utf8')) as GemeentenBestand;
  const bestand = bouwInwoners(bevolking, gebieden, nederland);
  writeFileSync(projectPath('config', 'cbs', 'inwoners.json'), alsRegels(bestand));
  process.stdout.write(`config/cbs/inwoners.json: ${bestand.cijfers.length} cijfers (${[...new Set(bestand.cijfers.map((c) => c.jaar))].join(', ')})\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main(process.argv.slice(2));
