import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { gemeentenNederland, normaliseerNaam, type GemeentenNederland } from './gemeenten-nederland.js';

export { normaliseerNaam };

const gemeenteCode = z.string().regex(/^GM\d{4}$/, 'een CBS-code als GM0268');

const groeiSchema = z.union([z.number().min(-100), z.record(z.string().regex(/^\d{4}$/, 'een jaar als 2026'), z.number().min(-100))]);

/**
 * The growth scenarios (issue 17): laag/midden/hoog in percent per year (one figure, or per year),
 * from a base year whose instroom is given or, when null, taken from the registrations.
 */
const scenariosSchema = z.object({
  bron: z.string().min(1),
  /** true: the percentages are an example, not published figures (the pages say so) */
  voorbeeld: z.boolean(),
  basisjaar: z.number().int().min(2015).max(2100),
  basis: z
    .object({ meldingen: z.number().int().positive().nullable(), adviezen: z.number().int().positive().nullable() })
    .default({ meldingen: null, adviezen: null }),
  groei: z.object({ laag: groeiSchema, midden: groeiSchema, hoog: groeiSchema }),
  gekozen: z.enum(['laag', 'midden', 'hoog']),
});

export type Scenarios = z.infer<typeof scenariosSchema>;

const regioSchema = z.object({
  naam: z.string().min(1),
  organisatie: z.string().min(1),
  /** optional logo on the reports' cover: a PNG, JPEG or SVG file, relative to the project */
  logo: z.string().min(1).optional(),
  toelichting: z.string().optional(),
  /**
   * From this date a politie advies is an overige zorgmelding (samenwerkingsafspraken § 5.1:
   * registered as advies since 1 April 2021 in Gelderland-Zuid); before it, just an advies.
   * Absent: every politie advies counts as one.
   */
  /**
   * The Veilig Thuis-region this organisation is in CBS's tables (gebiedsindeling
   * 'veiligthuisregio', code VTnn; StatLine writes the name with '(VT)'). The spiegel compares
   * with CBS's figures of this region. Absent: the spiegel has no region figures.
   */
  cbs_vt_regio: z.object({ code: z.string().regex(/^VT\d{2}$/, 'een CBS-code als VT06'), naam: z.string().min(1) }).optional(),
  overige_zorgmelding_vanaf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als 2021-04-01')
    .nullable()
    .default(null),
  gemeenten: z
    .array(
      z.object({
        code: gemeenteCode,
        naam: z.string().min(1),
        /**
         * Legacy (the file of Gelderland-Zuid, before inwonersPerJaar): one figure with its source.
         * Absent in a generated file: then the latest CBS figure of inwonersPerJaar stands here,
         * or none (null) — never an estimate.
         */
        inwoners: z.number().int().positive().optional(),
        inwonersBron: z.string().min(1).optional(),
        inwonersPeildatum: z.string().nullable().optional(),
        indicatief: z.boolean().optional(),
        /**
         * Inhabitants on 1 January of each year, each figure with the CBS StatLine table it comes
         * from (id such as 03759ned) and its address. inwonersOp reads only these: a year that is
         * not here is missing, never estimated.
         */
        inwonersPerJaar: z
          .record(
            z.string().regex(/^(20[1-9]\d)$/, 'een jaar als 2024'),
            z.object({ aantal: z.number().int().positive(), tabel: z.string().regex(/^\w+$/, 'een StatLine-tabel als 03759ned'), bron: z.string().url() }),
          )
          .default({}),
      }),
    )
    .min(1),
  voormaligeGemeenten: z.array(z.object({ code: gemeenteCode, naam: z.string().min(1), opgegaanIn: gemeenteCode, per: z.string() })).default([]),
  /** Generated files (genereer-regios.ts): where the file comes from. */
  herkomst: z.string().optional(),
  /** Generated files: the codes of the region's gemeenten on 1 January of each year since 2019. */
  gemeentenPerJaar: z.record(z.string().regex(/^\d{4}$/, 'een jaar als 2024'), z.array(gemeenteCode)).optional(),
  /**
   * Generated files: the CBS figures (as inwonersPerJaar) of the gemeenten of gemeentenPerJaar that no
   * longer exist, for the years they were a gemeente of the region; inwonersRegioOp sums them in.
   */
  inwonersVoormaligeGemeenten: z
    .record(
      gemeenteCode,
      z.record(z.string().regex(/^(20[1-9]\d)$/), z.object({ aantal: z.number().int().positive(), tabel: z.string().regex(/^\w+$/), bron: z.string().url() })),
    )
    .optional(),
  /**
   * Generated files: every herindeling since 2015 that touched the region — the former gemeente,
   * the day, the gemeente(n) it went into (more than one: split; null: not confirmed), kind and source.
   */
  herindelingen: z
    .array(
      z.object({
        code: gemeenteCode,
        naam: z.string().min(1),
        per: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        opgegaanIn: z.array(gemeenteCode).min(1).nullable(),
        soort: z.enum(['samenvoeging', 'splitsing', 'naamswijziging']).nullable(),
        bron: z.string().nullable(),
      }),
    )
    .optional(),
  scenarios: scenariosSchema.nullable().optional(),
});

type GemeenteInBestand = z.infer<typeof regioSchema>['gemeenten'][number];

/**
 * A gemeente of the region as the product reads it: `inwoners` is the legacy figure of the file
 * or the latest CBS figure of inwonersPerJaar, and null when neither is there (per-1.000 figures
 * are then missing); `inwonersBron` names where it comes from.
 */
export type Gemeente = Omit<GemeenteInBestand, 'inwoners' | 'inwonersBron' | 'inwonersPeildatum' | 'indicatief'> & {
  inwoners: number | null;
  inwonersBron: string;
  inwonersPeildatum: string | null;
  indicatief: boolean;
};
export type RegioBestand = Omit<z.infer<typeof regioSchema>, 'gemeenten'> & { gemeenten: Gemeente[] };

/** The legacy figure of the file, else the latest CBS figure, else none. */
function metInwoners(g: GemeenteInBestand): Gemeente {
  if (g.inwoners !== undefined) {
    return {
      ...g,
      inwoners: g.inwoners,
      inwonersBron: g.inwonersBron ?? 'onbekend',
      inwonersPeildatum: g.inwonersPeildatum ?? null,
      indicatief: g.indicatief ?? true,
    };
  }
  const laatste = Object.keys(g.inwonersPerJaar).sort().at(-1);
  const cijfer = laatste === undefined ? undefined : g.inwonersPerJaar[laatste];
  if (laatste === undefined || !cijfer) return { ...g, inwoners: null, inwonersBron: 'ontbreekt', inwonersPeildatum: null, indicatief: false };
  return { ...g, inwoners: cijfer.aantal, inwonersBron: `CBS ${cijfer.tabel}`, inwonersPeildatum: `${laatste}-01-01`, indicatief: false };
}

/** The first year region files carry CBS populations for (gemeentenPerJaar starts there too). */
const EERSTE_BEVOLKINGSJAAR = 2015;

/** The two rows besides the region's gemeenten that every indicator has. */
export const BUITEN_REGIO = 'buiten_regio';
export const ONBEKEND = 'onbekend';
/** The gebied of the region total (the third row besides every gemeente). */
export const REGIO = 'regio';

export interface Regio extends RegioBestand {
  /** gemeente code → gemeente, for the region's current gemeenten */
  perCode: Map<string, Gemeente>;
  /** Resolves a (possibly former) code to the key its registrations count under. */
  sleutelVoorCode(code: string): string;
  /**
   * Resolves a municipality name to a code, or null: the region's own and former gemeenten first,
   * then every gemeente of the Netherlands since 2015 (current or former); one rule for case,
   * accents and punctuation (normaliseerNaam in gemeenten-nederland.ts).
   */
  codeVoorNaam(naam: string): string | null;
  /** the sum of the gemeenten's `inwoners`; null when one of them has none */
  inwonersTotaal: number | null;
  /**
   * The CBS population of a region gemeente on 1 January of `jaar` (the year a period falls in),
   * or null: not a region gemeente (buiten_regio, onbekend, a former code) or no CBS figure for
   * that year. Never an estimate.
   */
  inwonersOp(code: string, jaar: number): number | null;
  /** The same figure with its table and source, for a page or report that names them. */
  inwonersCijferOp(code: string, jaar: number): InwonersCijfer | null;
  /**
   * The region's population on 1 January of `jaar`: the sum over its gemeenten of that year
   * (gemeentenPerJaar; without it, the current ones), null unless CBS gives every one.
   */
  inwonersRegioOp(jaar: number): number | null;
  /** The figures that sum makes, one per gemeente of that year, or null. */
  inwonersRegioCijfersOp(jaar: number): (InwonersCijfer & { code: string })[] | null;
  /**
   * The year whose CBS populations divide the per-1.000 figures of a period in `jaar`: that year,
   * or, before CBS publishes it, the latest earlier year with a figure for every gemeente of the
   * region (inwonersRegioOp); null when there is none.
   */
  bevolkingsjaar(jaar: number): number | null;
  /**
   * The population of a current region gemeente in `jaar`, over the area its registrations are
   * counted under: its own CBS figure of that year plus those of the former gemeenten that later
   * went into it (sleutelVoorCode counts their registrations under it); null without any figure.
   */
  inwonersGebiedOp(code: string, jaar: number): number | null;
}

export interface InwonersCijfer {
  aantal: number;
  /** 1 January of the year, ISO */
  peildatum: string;
  tabel: string;
  bron: string;
}

/**
 * `nederland`: every Dutch gemeente since 2015 (config/cbs-gemeentecodes.json). A name the region
 * does not know but the Netherlands does resolves to its CBS code, which counts under buiten_regio
 * (sleutelVoorCode); the region's own and former names come first.
 */
export function bouwRegio(input: unknown, nederland: GemeentenNederland = gemeentenNederland()): Regio {
  const gelezen = regioSchema.parse(input);
  const parsed: RegioBestand = { ...gelezen, gemeenten: gelezen.gemeenten.map(metInwoners) };
  const perCode = new Map(parsed.gemeenten.map((g) => [g.code, g]));
  const former = new Map(parsed.voormaligeGemeenten.map((v) => [v.code, v.opgegaanIn]));
  for (const [oud, nieuw] of former) {
    if (!perCode.has(nieuw)) throw new Error(`Regiobestand: ${oud} gaat op in ${nieuw}, maar die gemeente staat niet in de regio`);
  }
  const byName = new Map<string, string>();
  for (const g of parsed.gemeenten) byName.set(normaliseerNaam(g.naam), g.code);
  for (const v of parsed.voormaligeGemeenten) byName.set(normaliseerNaam(v.naam), v.code);
  const cijferOp = (code: string, jaar: number): InwonersCijfer | null => {
    const cijfer = perCode.get(code)?.inwonersPerJaar[String(jaar)];
    return cijfer ? { ...cijfer, peildatum: `${jaar}-01-01` } : null;
  };
  const regioCijfersOp = (jaar: number): (InwonersCijfer & { code: string })[] | null => {
    const codes = parsed.gemeentenPerJaar?.[String(jaar)] ?? parsed.gemeenten.map((g) => g.code);
    const cijfers = codes.map((code) => {
      const c = perCode.get(code)?.inwonersPerJaar[String(jaar)] ?? parsed.inwonersVoormaligeGemeenten?.[code]?.[String(jaar)];
      return c ? { ...c, code, peildatum: `${jaar}-01-01` } : null;
    });
    return codes.length > 0 && cijfers.every((c) => c !== null) ? (cijfers as (InwonersCijfer & { code: string })[]) : null;
  };
  return {
    ...parsed,
    perCode,
    inwonersTotaal: parsed.gemeenten.every((g) => g.inwoners !== null) ? parsed.gemeenten.reduce((sum, g) => sum + (g.inwoners ?? 0), 0) : null,
    sleutelVoorCode(code) {
      if (perCode.has(code)) return code;
      return former.get(code) ?? BUITEN_REGIO;
    },
    inwonersOp: (code, jaar) => cijferOp(code, jaar)?.aantal ?? null,
    inwonersCijferOp: cijferOp,
    inwonersRegioOp(jaar) {
      return regioCijfersOp(jaar)?.reduce((som, c) => som + c.aantal, 0) ?? null;
    },
    inwonersRegioCijfersOp: (jaar) => regioCijfersOp(jaar),
    bevolkingsjaar(jaar) {
      for (let j = jaar; j >= EERSTE_BEVOLKINGSJAAR; j--) if (regioCijfersOp(j) !== null) return j;
      return null;
    },
    inwonersGebiedOp(code, jaar) {
      if (!perCode.has(code)) return null;
      const delen = [
        cijferOp(code, jaar)?.aantal,
        ...parsed.voormaligeGemeenten.filter((v) => v.opgegaanIn === code).map((v) => parsed.inwonersVoormaligeGemeenten?.[v.code]?.[String(jaar)]?.aantal),
      ].filter((a): a is number => a !== undefined);
      return delen.length === 0 ? null : delen.reduce((som, a) => som + a, 0);
    },
    codeVoorNaam(naam) {
      return byName.get(normaliseerNaam(naam)) ?? nederland.codeVoorNaam(naam);
    },
  };
}

export function laadRegio(path: string): Regio {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const reden =
      code === 'ENOENT'
        ? 'het bestand bestaat niet'
        : code === 'EACCES'
          ? 'geen leesrechten'
          : cause instanceof SyntaxError
            ? 'het is geen geldige JSON'
            : `(${code ?? 'onleesbaar'})`;
    throw new Error(`Regiobestand ${path} kan niet worden gelezen: ${reden}`, { cause });
  }
  const geldig = regioSchema.safeParse(json);
  if (!geldig.success) {
    const velden = geldig.error.issues
      .slice(0, 3)
      .map((i) => i.path.join('.') || '(het hele bestand)')
      .join(', ');
    throw new Error(`Regiobestand ${path} klopt niet met het formaat: ongeldige of ontbrekende velden: ${velden}`);
  }
  return bouwRegio(json);
}

/** The name a gebied is shown with: the region, outside the region, unknown, or the gemeente. */
export function gebiedNaam(regio: Regio, gebied: string): string {
  if (gebied === REGIO) return `Regio ${regio.naam}`;
  if (gebied === BUITEN_REGIO) return 'Buiten de regio';
  if (gebied === ONBEKEND) return 'Gemeente onbekend';
  return regio.perCode.get(gebied)?.naam ?? gebied;
}
