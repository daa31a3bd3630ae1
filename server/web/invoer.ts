import type { Request } from 'express';
import { z } from 'zod';
import { isKwartaal, type Kwartaal } from '../calendar/kwartaal.js';
import { AppFout, ongeldigeInvoer } from '../shared/fouten.js';

/**
 * The one way a route reads its input: the query, the form (body) or the path (params) through
 * a zod schema. On failure it throws a 400 `AppFout` whose Dutch message names the field and
 * the value it got ("Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-5)");
 * the one error handler of the app answers it as the error page, or as JSON under /api.
 * Nothing else in server/web reads `req.query`, `req.body` or `req.params`
 * (test/unit/architectuur.test.ts).
 */
type Bron = 'query' | 'body' | 'params';

/** A schema whose parsed value is `T` (for schemas built at run time). */
export type Schema<T> = z.ZodType<T, unknown>;

const BRON_NAAM: Record<Bron, string> = { query: 'Parameter', body: 'Formulierveld', params: 'Adresdeel' };

/** Form fields whose value is never repeated in a message. */
const GEHEIM = new Set(['wachtwoord', 'huidig', 'nieuw', 'herhaal', '_csrf']);

/** Longer values are cut off in a message. */
const MAX_GETOOND = 60;

/** Where a value was missing, the message says "niets". */
function toonWaarde(veld: string, waarde: unknown): string {
  if (waarde === undefined || waarde === null || waarde === '') return 'niets';
  if (GEHEIM.has(veld)) return 'verborgen';
  const tekst = Array.isArray(waarde) ? waarde.map(String).join(', ') : typeof waarde === 'object' ? JSON.stringify(waarde) : String(waarde as string | number);
  return tekst.length > MAX_GETOOND ? `${tekst.slice(0, MAX_GETOOND)}…` : tekst;
}

const getal = (n: number | bigint) => Number(n).toLocaleString('nl-NL');

/**
 * Dutch wording for zod's own issues, used where a schema gives no message of its own. Every
 * message is the predicate of "<Parameter> <veld> …".
 */
const nederlands: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'ontbreekt';
      if (Array.isArray(issue.input)) return 'mag maar één keer voorkomen';
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'moet een getal zijn'
        : issue.expected === 'string'
          ? 'moet tekst zijn'
          : `heeft een verkeerd type (verwacht: ${issue.expected})`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is te lang: hoogstens ${getal(issue.maximum)} tekens`
        : issue.origin === 'array'
          ? `komt te vaak voor: hoogstens ${getal(issue.maximum)} keer`
          : `is te groot: hoogstens ${getal(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'ontbreekt'
          : `is te kort: minstens ${getal(issue.minimum)} tekens`
        : issue.origin === 'array'
          ? 'ontbreekt'
          : `is te klein: minstens ${getal(issue.minimum)}`;
    case 'invalid_value':
      return `moet ${opsomming(issue.values.map(String))} zijn`;
    case 'invalid_format':
      return 'heeft niet de juiste vorm';
    default:
      return 'is ongeldig';
  }
};

/** "a, b of c" */
export function opsomming(waarden: readonly string[]): string {
  if (waarden.length <= 1) return waarden.join('');
  return `${waarden.slice(0, -1).join(', ')} of ${waarden.at(-1)!}`;
}

/** The AppFout a wrapped parser threw travels in the issue, so its status and message stay as they are. */
interface MetFout {
  fout?: AppFout;
}

function lees<S extends z.ZodType>(bron: Bron, schema: S, waarde: unknown): z.output<S> {
  const uitkomst = schema.safeParse(waarde ?? {}, { error: nederlands });
  if (uitkomst.success) return uitkomst.data;
  const issue = uitkomst.error.issues[0]!;
  const eigen = (issue as { params?: MetFout }).params?.fout;
  if (eigen) throw eigen;
  // a field sent once where a list is allowed is the list's first element (`gemeente` for `gemeente.0`)
  const veld = issue.path.filter((stap) => typeof stap === 'string').join('.');
  const gekregen = issue.path.reduce<unknown>(
    (w, stap) => (w && typeof w === 'object' ? (w as Record<PropertyKey, unknown>)[stap] : stap === 0 ? w : undefined),
    waarde,
  );
  // a schema's message is the predicate of "Parameter kwartaal …", or a whole sentence of its own (a capital first)
  const zin = /^\p{Lu}/u.test(issue.message) ? issue.message : `${veld ? `${BRON_NAAM[bron]} ${veld}` : BRON_NAAM[bron]} ${issue.message}`;
  throw ongeldigeInvoer(`${zin} (gekregen: ${toonWaarde(veld, gekregen)})`, { bron, veld });
}

/** The query string (`?kwartaal=2019-Q1`), read through a schema. */
export const leesQuery = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => lees('query', schema, req.query);
/** The fields of a submitted form, read through a schema. */
export const leesBody = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => lees('body', schema, req.body);
/** The parts of the path (`/gemeente/:code`), read through a schema. */
export const leesParams = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => lees('params', schema, req.params);

/**
 * The CSRF token a state-changing request carries: form field `_csrf` or header `X-CSRF-Token`.
 * Never the query: a token in a URL ends up in the address bar, the history and the logs of every
 * proxy (OWASP ASVS 4 3.1.1). Only looked at, never validated here.
 */
export function leesCsrfToken(req: Request): string | undefined {
  const uit = (w: unknown) => (typeof w === 'string' ? w : undefined);
  return uit((req.body as Record<string, unknown> | undefined)?._csrf) ?? req.get('x-csrf-token');
}

// ---- building blocks of the schemas ----

/** An empty field counts as absent: `?kwartaal=` is the same as no kwartaal. */
export const optioneel = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A quarter key `YYYY-Qn`. */
export const kwartaal = z.custom<Kwartaal>((v) => typeof v === 'string' && isKwartaal(v), { error: 'moet een kwartaal zijn zoals 2019-Q1' });

/** One line of text of at most `max` characters (a repeated field is refused, not joined). */
export const tekst = (max: number) => z.string().max(max);

/** A form field that may be sent once or more (checkboxes): always a list, at most `max` long. */
export const lijst = (schema: z.ZodType<string>, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : ([] as unknown[]).concat(v)), z.array(schema).max(max));

/** A positive whole number written in the URL or a form (`/gebruikers/12`). */
export const id = z
  .string()
  .regex(/^\d{1,9}$/, 'moet een nummer zijn')
  .transform(Number);

/**
 * A parser of the domain that throws an `AppFout` (leesGebied, rapportVan, leesFormaat) as a
 * schema: its own message and status reach the user unchanged, so the knowledge stays in one place.
 */
export function uitParser<T>(parse: (waarde: unknown) => T) {
  return z.unknown().transform((waarde, c): T => {
    try {
      return parse(waarde);
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      c.addIssue({ code: 'custom', message: error.melding, params: { fout: error } satisfies MetFout });
      return z.NEVER;
    }
  });
}
