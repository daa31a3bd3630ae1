/**
 * Generates config/regio/<slug>.json for every Veilig Thuis-region of CBS's gebiedsindeling
 * (docs/regio.md). Offline, from committed inputs only:
 *
 *   npm run regio:genereer            (= npx tsx server/config/genereer-regios.ts)
 *
 * - config/cbs-gemeentecodes.json: every gemeente since 2015 with the herindelingen;
 * - config/cbs/vt-lidmaatschap.json: the VT-region of each 2015 gemeente, derived from CBS's
 *   boundaries by leid-vt-lidmaatschap-af.ts;
 * - config/cbs/inwoners.json: CBS populations on 1 January, each with table and source (a figure
 *   that is not there stays missing: never estimated);
 * - the existing region files: what the generator does not make (organisatie, logo, toelichting,
 *   overige_zorgmelding_vanaf, scenarios) is kept; so are the legacy `inwoners…` fields of a
 *   gemeente, but only while CBS gives no figure for it (a CBS figure replaces a hand-made one).
 *
 * A gemeente lies in the region of its parts: the 2015 gemeenten it was formed from (over every
 * herindeling with one successor). A gemeente that was split (Haaren, 2021) gives no part to its
 * successors, which have their own; for the years it existed it counts where its CBS label point
 * lies. A gemeente that ended on 1 January 2015 (no label point) lies within its successors. Parts
 * in two regions, or none, is an error: the generator writes nothing then.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { bouwGemeentenNederland, type GemeentenBestand, type NederlandseGemeente } from './gemeenten-nederland.js';
import { alsRegels } from './genereer-gemeenten.js';
import { projectPath } from './paths.js';
import { bestandsdeel } from '../shared/tekst.js';

/** The first year whose gemeenten a region file lists per year (the monitor's data start in 2019). */
export const EERSTE_REGIOJAAR = 2019;

const lidmaatschapSchema = z.object({
  indelingsjaar: z.number().int(),
  bronnen: z.array(z.object({ wat: z.string(), bestand: z.string().optional(), herkomst: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
  regios: z.array(z.object({ code: z.string().regex(/^VT\d{2}$/), naam: z.string().min(1) })).min(1),
  gemeenten: z.array(z.object({ code: z.string().regex(/^GM\d{4}$/), naam: z.string(), vt: z.string().nullable(), randKm: z.number().nullable() })),
});
export type VtLidmaatschap = z.infer<typeof lidmaatschapSchema>;

const inwonersSchema = z.object({
  cijfers: z.array(
    z.object({
      code: z.string().regex(/^GM\d{4}$/),
      jaar: z.number().int().min(2015),
      aantal: z.number().int().positive(),
      tabel: z.string().regex(/^\w+$/),
      bron: z.string().url(),
    }),
  ),
});
export type CbsInwoners = z.infer<typeof inwonersSchema>;

/** The fields of an existing region file the generator keeps (it does not know them). */
const BEHOUDEN = ['organisatie', 'logo', 'toelichting', 'overige_zorgmelding_vanaf', 'scenarios'] as const;
const BEHOUDEN_PER_GEMEENTE = ['inwoners', 'inwonersBron', 'inwonersPeildatum', 'indicatief'] as const;

interface Bestaand {
  [k: string]: unknown;
  gemeenten?: Record<string, unknown>[];
}

export interface GegenereerdeRegio {
  slug: string;
  bestand: Record<string, unknown>;
}

/**
 * The VT-region of every gemeente since 2015 (current and former), from the 2015 label points and
 * the herindelingen; throws with every gemeente whose parts lie in no region or in more than one.
 */
export function bepaalRegioPerGemeente(nederland: GemeentenBestand, lidmaatschap: VtLidmaatschap): Map<string, string> {
  const punt = new Map(lidmaatschap.gemeenten.map((g) => [g.code, g.vt]));
  // predecessors with one successor; a split gemeente gives its successors nothing
  const voorgangers = new Map<string, string[]>();
  for (const h of nederland.herindelingen) {
    if (h.opgegaanIn?.length !== 1) continue;
    const opvolger = h.opgegaanIn[0]!;
    voorgangers.set(opvolger, [...(voorgangers.get(opvolger) ?? []), h.code]);
  }
  const regios = (code: string, gezien = new Set<string>()): Set<string> => {
    if (gezien.has(code)) return new Set();
    gezien.add(code);
    const uit = new Set<string>();
    const eigen = punt.get(code);
    if (eigen) uit.add(eigen);
    for (const v of voorgangers.get(code) ?? []) for (const r of regios(v, gezien)) uit.add(r);
    return uit;
  };
  // a gemeente that ended before the 2015 label points has no parts: it lies within its successors
  const opvolgers = new Map(nederland.herindelingen.map((h) => [h.code, h.opgegaanIn ?? []]));
  const viaOpvolgers = (code: string): Set<string> => new Set((opvolgers.get(code) ?? []).flatMap((o) => [...regios(o)]));
  const fouten: string[] = [];
  const regio = new Map<string, string>();
  for (const g of nederland.gemeenten) {
    const eigen = regios(g.code);
    const r = [...(eigen.size > 0 ? eigen : viaOpvolgers(g.code))];
    if (r.length === 1) regio.set(g.code, r[0]!);
    else fouten.push(`${g.code} ${g.naam}: ${r.length === 0 ? 'in geen enkele VT-regio' : `in ${r.sort().join(' en ')}`}`);
  }
  if (fouten.length > 0) throw new Error(`De VT-regio van ${fouten.length} gemeente(n) volgt niet uit de CBS-indeling:\n${fouten.join('\n')}`);
  return regio;
}

/** The current successor(s) of a gemeente: itself if it still exists, else over every herindeling. */
function huidigeOpvolgers(code: string, nederland: GemeentenBestand, laatsteDag: string): string[] {
  const g = nederland.gemeenten.find((x) => x.code === code);
  if (g && (g.tot === null || g.tot > laatsteDag)) return [code];
  const h = nederland.herindelingen.find((x) => x.code === code);
  if (!h?.opgegaanIn) return [];
  return [...new Set(h.opgegaanIn.flatMap((o) => huidigeOpvolgers(o, nederland, laatsteDag)))].sort();
}

export function genereerRegios(
  nederlandBestand: GemeentenBestand,
  lidmaatschap: VtLidmaatschap,
  inwoners: CbsInwoners,
  bestaand: Map<string, Bestaand>,
): GegenereerdeRegio[] {
  const nederland = bouwGemeentenNederland(nederlandBestand);
  const laatste = nederland.laatsteJaar;
  const laatsteDag = `${laatste}-01-01`;
  const regioVan = bepaalRegioPerGemeente(nederlandBestand, lidmaatschap);
  const huidig = nederland.gemeentenOp(laatste)!;
  const jaren = nederlandBestand.jaren.filter((j) => j >= EERSTE_REGIOJAAR);
  const cijfersPer = new Map<string, CbsInwoners['cijfers']>();
  for (const c of inwoners.cijfers) cijfersPer.set(c.code, [...(cijfersPer.get(c.code) ?? []), c]);
  const [vtBron, puntBron] = lidmaatschap.bronnen;

  return lidmaatschap.regios.map((vt) => {
    // the file name of a region: its CBS name as a file name part
    const slug = bestandsdeel(vt.naam);
    const oud = bestaand.get(slug) ?? {};
    const oudPerCode = new Map((oud.gemeenten ?? []).map((g) => [String(g.code), g]));
    const inRegio = (g: NederlandseGemeente) => regioVan.get(g.code) === vt.code;

    // the order of an existing file is kept (the demo data follow it); new gemeenten by name after it
    const positie = (code: string) => (oudPerCode.has(code) ? [...oudPerCode.keys()].indexOf(code) : oudPerCode.size);
    const gemeenten = huidig
      .filter(inRegio)
      .sort((a, b) => positie(a.code) - positie(b.code) || a.naam.localeCompare(b.naam, 'nl'))
      .map((g) => {
        const perJaar = Object.fromEntries(
          (cijfersPer.get(g.code) ?? []).sort((a, b) => a.jaar - b.jaar).map((c) => [String(c.jaar), { aantal: c.aantal, tabel: c.tabel, bron: c.bron }]),
        );
        // a legacy figure (hand-made, possibly an estimate) stays only while CBS gives none
        const behouden =
          Object.keys(perJaar).length > 0
            ? {}
            : Object.fromEntries(BEHOUDEN_PER_GEMEENTE.filter((k) => oudPerCode.get(g.code)?.[k] !== undefined).map((k) => [k, oudPerCode.get(g.code)![k]]));
        return { code: g.code, naam: g.naam, ...behouden, inwonersPerJaar: perJaar };
      });

    // every herindeling since 2015 whose former gemeente lay in the region, or that gave the region a part
    const herindelingen = nederlandBestand.herindelingen
      .filter((h) => regioVan.get(h.code) === vt.code || (h.opgegaanIn ?? []).some((o) => regioVan.get(o) === vt.code))
      .map((h) => ({ code: h.code, naam: h.naam, per: h.per, opgegaanIn: h.opgegaanIn, soort: h.soort, bron: h.bron }))
      .sort((a, b) => a.per.localeCompare(b.per) || a.code.localeCompare(b.code));

    // a former gemeente counts under its one current successor in the region
    const voormaligeGemeenten = nederlandBestand.herindelingen
      .filter((h) => regioVan.get(h.code) === vt.code)
      .flatMap((h) => {
        const opvolgers = huidigeOpvolgers(h.code, nederlandBestand, laatsteDag);
        return opvolgers.length === 1 && regioVan.get(opvolgers[0]!) === vt.code ? [{ code: h.code, naam: h.naam, opgegaanIn: opvolgers[0]!, per: h.per }] : [];
      })
      .sort((a, b) => a.per.localeCompare(b.per) || a.code.localeCompare(b.code));

    const gemeentenPerJaar = Object.fromEntries(
      jaren.map((j) => [
        String(j),
        nederland
          .gemeentenOp(j)!
          .filter(inRegio)
          .map((g) => g.code)
          .sort(),
      ]),
    );

    // the CBS figures of the region's gemeenten of earlier years that no longer exist, for the years
    // they were a gemeente of the region (so that a region total of such a year is the sum of its gemeenten then)
    const huidigeCodes = new Set(gemeenten.map((g) => g.code));
    const inwonersVoormaligeGemeenten: Record<string, Record<string, { aantal: number; tabel: string; bron: string }>> = {};
    for (const [jaar, codes] of Object.entries(gemeentenPerJaar)) {
      for (const code of codes.filter((c) => !huidigeCodes.has(c))) {
        const c = (cijfersPer.get(code) ?? []).find((x) => String(x.jaar) === jaar);
        if (c) inwonersVoormaligeGemeenten[code] = { ...inwonersVoormaligeGemeenten[code], [jaar]: { aantal: c.aantal, tabel: c.tabel, bron: c.bron } };
      }
    }

    const bestand: Record<string, unknown> = {
      naam: vt.naam,
      organisatie: oud.organisatie ?? `Veilig Thuis ${vt.naam}`,
      ...Object.fromEntries(BEHOUDEN.filter((k) => k !== 'organisatie' && oud[k] !== undefined).map((k) => [k, oud[k]])),
      cbs_vt_regio: { code: vt.code, naam: vt.naam },
      herkomst:
        `Gegenereerd door server/config/genereer-regios.ts (docs/regio.md); niet met de hand bewerken, ` +
        `behalve organisatie, logo, toelichting, overige_zorgmelding_vanaf, scenarios en de velden ` +
        `inwoners/inwonersBron/inwonersPeildatum/indicatief van een gemeente zonder CBS-cijfer (die ` +
        `blijven bij opnieuw genereren; een CBS-cijfer vervangt ze). ` +
        (`Regio-indeling: CBS-gebiedsindeling 'veiligthuisregio' ${lidmaatschap.indelingsjaar} (${vtBron?.herkomst ?? ''}), ` +
          `gemeenten toegewezen via de CBS-labelpunten van 2015 (${puntBron?.herkomst ?? ''}), zie config/cbs/vt-lidmaatschap.json. `) +
        (`Gemeenten, namen en herindelingen: config/cbs-gemeentecodes.json (CBS-gemeentelijke indeling). ` +
          `Inwoners: config/cbs/inwoners.json (CBS-tabellen 37259eng en 85755NED), elk cijfer met StatLine-tabel ` +
          `en bron; een jaar zonder cijfer ontbreekt.`),
      gemeenten,
      voormaligeGemeenten,
      gemeentenPerJaar,
      inwonersVoormaligeGemeenten,
      herindelingen,
    };
    return { slug, bestand };
  });
}

/** The shipped inputs, read from the project. */
export function leesInvoer(): { nederland: GemeentenBestand; lidmaatschap: VtLidmaatschap; inwoners: CbsInwoners; bestaand: Map<string, Bestaand> } {
  const json = (...pad: string[]) => JSON.parse(readFileSync(projectPath(...pad), 'utf8')) as unknown;
  const map = projectPath('config', 'regio');
  const bestaand = new Map(
    readdirSync(map)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(map, f), 'utf8')) as Bestaand]),
  );
  return {
    nederland: bouwGemeentenNederland(json('config', 'cbs-gemeentecodes.json')).bestand,
    lidmaatschap: lidmaatschapSchema.parse(json('config', 'cbs', 'vt-lidmaatschap.json')),
    inwoners: inwonersSchema.parse(json('config', 'cbs', 'inwoners.json')),
    bestaand,
  };
}

function main(): void {
  const invoer = leesInvoer();
  const regios = genereerRegios(invoer.nederland, invoer.lidmaatschap, invoer.inwoners, invoer.bestaand);
  for (const { slug, bestand } of regios) writeFileSync(projectPath('config', 'regio', `${slug}.json`), alsRegels(bestand));
  const totaal = regios.reduce((n, r) => n + (r.bestand.gemeenten as unknown[]).length, 0);
  process.stdout.write(`config/regio/: ${regios.length} regiobestanden, samen ${totaal} gemeenten van ${invoer.nederland.jaren.at(-1)}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
