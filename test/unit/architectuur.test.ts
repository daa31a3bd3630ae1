import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';

/**
 * The layer drawing of ARCHITECTURE.md, checked against the import graph of server/.
 * Every import, re-export and dynamic import counts, type-only ones too: a type import still
 * ties a file to the layer it names.
 */
const ROOT = projectPath();
const SERVER = join(ROOT, 'server');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Kant {
  /** importing file, relative to the project root (server/…) */
  van: string;
  /** a project file (server/…) or a package name */
  naar: string;
}

const bestanden = tsFiles(SERVER)
  .map((f) => relative(ROOT, f).split('\\').join('/'))
  .sort();
const kanten: Kant[] = bestanden.flatMap((van) => {
  const info = ts.preProcessFile(readFileSync(join(ROOT, van), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.'))
      return {
        van,
        naar: fileName.startsWith('node:')
          ? fileName
          : fileName
              .split('/')
              .slice(0, fileName.startsWith('@') ? 2 : 1)
              .join('/'),
      };
    const doel = normalize(join(dirname(van), fileName))
      .split('\\')
      .join('/')
      .replace(/\.js$/, '.ts');
    return { van, naar: doel };
  });
});

const onder = (map: string) => (f: string) => f.startsWith(`server/${map}/`);
const isRoute = onder('web/routes');
/** A repository module: `repository.ts` or `<iets>-repository.ts`, wherever it lives. */
const isRepository = (f: string) => /(^|\/|-)repository\.ts$/.test(f);
const REFRESH = 'server/indicatoren/herbereken.ts';
/** The web framework and its middleware: only server/web/ speaks HTTP. */
const HTTP_PAKKETTEN = new Set(['express', 'multer', 'express-rate-limit', 'cookie-parser', 'compression', 'helmet']);

/** The one file of server/web that reads a request's query, body and params (through zod). */
const INVOER = 'server/web/invoer.ts';
const INVOER_DELEN = new Set(['query', 'body', 'params']);
const isVerzoek = (e: ts.Node) => ts.isIdentifier(e) && /^(req|request|verzoek)$/i.test(e.text);

/**
 * Every place in a file that reads `req.query`, `req.body` or `req.params` directly: property and
 * element access on the request (`req.query.x`, `req['body']`), destructuring (`const { query } = req`)
 * and a handler that destructures its first parameter (`({ params }) => …`). Comments do not count.
 */
function raweInvoer(bestand: string): string[] {
  const tekst = readFileSync(join(ROOT, bestand), 'utf8');
  const bron = ts.createSourceFile(bestand, tekst, ts.ScriptTarget.Latest, true);
  const gevonden: string[] = [];
  const meld = (n: ts.Node, deel: string) => gevonden.push(`${bestand}:${bron.getLineAndCharacterOfPosition(n.getStart()).line + 1} leest ${deel} zelf`);
  const bezoek = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && INVOER_DELEN.has(n.name.text) && isVerzoek(n.expression)) meld(n, n.name.text);
    if (
      ts.isElementAccessExpression(n) &&
      isVerzoek(n.expression) &&
      ts.isStringLiteralLike(n.argumentExpression) &&
      INVOER_DELEN.has(n.argumentExpression.text)
    )
      meld(n, n.argumentExpression.text);
    if (ts.isObjectBindingPattern(n)) {
      const ouder = n.parent;
      const vanVerzoek =
        (ts.isVariableDeclaration(ouder) && ouder.initializer !== undefined && isVerzoek(ouder.initializer)) ||
        (ts.isParameter(ouder) && ts.isFunctionLike(ouder.parent) && ouder.parent.parameters[0] === ouder);
      for (const e of n.elements) {
        const naam = (e.propertyName ?? e.name).getText(bron);
        if (vanVerzoek && INVOER_DELEN.has(naam)) meld(e, naam);
      }
    }
    ts.forEachChild(n, bezoek);
  };
  bezoek(bron);
  return gevonden;
}

function overtredingen(regel: (k: Kant) => boolean): string[] {
  return kanten.filter(regel).map((k) => `${k.van} -> ${k.naar}`);
}

describe(`architecture: the import graph of server/ (${bestanden.length} files)`, () => {
  it('reads a real graph: every relative import names an existing file', () => {
    expect(bestanden.length).toBeGreaterThan(100);
    const intern = kanten.filter((k) => k.naar.startsWith('server/'));
    expect(intern.length).toBeGreaterThan(400);
    expect(intern.filter((k) => !existsSync(join(ROOT, k.naar))).map((k) => `${k.van} -> ${k.naar}`)).toEqual([]);
    // the rules below would pass on an empty graph: make sure the edges they look at are seen
    expect(kanten).toContainEqual({ van: 'server/web/routes/dashboard.ts', naar: 'express' });
    expect(kanten).toContainEqual({ van: 'server/import/service.ts', naar: REFRESH });
  });

  it('routes import no repository, nothing from db/ and no other route', () => {
    expect(overtredingen((k) => isRoute(k.van) && (isRepository(k.naar) || onder('db')(k.naar) || isRoute(k.naar)))).toEqual([]);
  });

  it('routes reach data only through services: a module a route imports that is no service does not query (no repository, no db/)', () => {
    const isService = (f: string) => /(^|\/|-)service\.ts$/.test(f);
    const vraagtOp = new Set(kanten.filter((k) => k.naar.startsWith('server/') && (isRepository(k.naar) || onder('db')(k.naar))).map((k) => k.van));
    // the rule sees the modules it is about: the import service and the financien service query
    expect(vraagtOp).toContain('server/import/service.ts');
    expect(vraagtOp).toContain('server/financien/service.ts');
    expect(
      overtredingen(
        (k) =>
          isRoute(k.van) &&
          k.naar.startsWith('server/') &&
          !onder('web')(k.naar) &&
          k.naar !== 'server/context.ts' &&
          !isService(k.naar) &&
          vraagtOp.has(k.naar),
      ),
    ).toEqual([]);
  });

  it('the rest of server/web (middleware, the app, the response cache) goes through services too: no repository, nothing from db/', () => {
    const web = kanten.filter((k) => onder('web')(k.van) && !isRoute(k.van));
    // the edges this rule is about are seen: the session middleware reaches sessions and audit through their services
    expect(web).toContainEqual({ van: 'server/web/auth.ts', naar: 'server/auth/sessies-service.ts' });
    expect(web).toContainEqual({ van: 'server/web/auth.ts', naar: 'server/audit/service.ts' });
    expect(overtredingen((k) => onder('web')(k.van) && !isRoute(k.van) && (isRepository(k.naar) || onder('db')(k.naar)))).toEqual([]);
  });

  it('only server/web/ imports express and its middleware (services take no Request or Response)', () => {
    expect(overtredingen((k) => !onder('web')(k.van) && HTTP_PAKKETTEN.has(k.naar))).toEqual([]);
  });

  it('nothing below the web layer imports web/ (only the start command wires the app)', () => {
    expect(overtredingen((k) => onder('web')(k.naar) && !onder('web')(k.van) && k.van !== 'server/cli/commands/start.ts')).toEqual([]);
  });

  it('server/web reads query, body and params only through web/invoer.ts (zod, one Dutch message per bad field)', () => {
    const web = bestanden.filter(onder('web'));
    expect(web).toContain('server/web/routes/dashboard.ts');
    // the check sees the reads it forbids: the helper itself has them
    expect(raweInvoer(INVOER).length).toBeGreaterThanOrEqual(3);
    expect(web.filter((f) => f !== INVOER).flatMap(raweInvoer)).toEqual([]);
  });

  it('rapportage/ does not import web/', () => {
    expect(overtredingen((k) => onder('rapportage')(k.van) && onder('web')(k.naar))).toEqual([]);
  });

  it('registraties/ and indicatoren/ do not import import/ (the registration schema lives at the bottom)', () => {
    expect(overtredingen((k) => (onder('registraties')(k.van) || onder('indicatoren')(k.van)) && onder('import')(k.naar))).toEqual([]);
  });

  it('import/ reaches indicatoren/ only through the import service, and only for the refresh step', () => {
    expect(
      overtredingen((k) => onder('import')(k.van) && onder('indicatoren')(k.naar) && !(k.van === 'server/import/service.ts' && k.naar === REFRESH)),
    ).toEqual([]);
  });

  it('the read side does not import the refresh module (only the import service, the wiring and the herbereken command do)', () => {
    const mag = new Set(['server/import/service.ts', 'server/context.ts', 'server/cli/commands/herbereken.ts']);
    expect(overtredingen((k) => k.naar === REFRESH && !mag.has(k.van))).toEqual([]);
  });
});

// --- one repository per table (STYLE 9c) and no cycles between folders -------------------------

/** Every table the migrations create (the rename target included). */
const TABELLEN = [
  ...new Set(
    readdirSync(join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(ROOT, 'migrations', f), 'utf8').matchAll(/(?:createTable|renameTable\('[a-z_]+',)\s*\(?\s*'([a-z_]+)'/g)].map((m) => m[1]!),
      ),
  ),
]
  .filter((t) => t !== 'registraties_smal')
  .sort();

/** Calls that start a query on their first argument: `db('t')`, `trx('t')`, `(trx as Db)('t')`, `ctx.db('t')`. */
const QUERY_BRON = /(^|\.)(db|trx|tx|knex|pg|k|verbinding|transactie)$/;
/** Builder methods that name the table a query reads from or writes to. */
const TABEL_METHODEN = new Set([
  'from',
  'into',
  'table',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'hasTable',
  'createTable',
  'dropTable',
  'alterTable',
  'truncate',
]);
/** Builder methods that join a table into a query another table started. */
const JOIN_METHODEN = new Set(['join', 'leftJoin', 'innerJoin', 'rightJoin', 'fullOuterJoin', 'crossJoin', 'leftOuterJoin', 'rightOuterJoin']);

interface Tabelgebruik {
  bestand: string;
  regel: number;
  tabel: string;
  join: boolean;
}

/** Every place a file names a table in a query: the knex calls above and raw SQL in any string or template. */
function tabelgebruik(bestand: string, tekst = readFileSync(join(ROOT, bestand), 'utf8')): Tabelgebruik[] {
  const bron = ts.createSourceFile(bestand, tekst, ts.ScriptTarget.Latest, true);
  const uit: Tabelgebruik[] = [];
  const tabelIn = (s: string) => s.trim().split(/\s+/)[0]!.replace(/^"|"$/g, '');
  const meld = (n: ts.Node, tabel: string, join: boolean) => {
    if (TABELLEN.includes(tabel)) uit.push({ bestand, regel: bron.getLineAndCharacterOfPosition(n.getStart()).line + 1, tabel, join });
  };
  const ontdaan = (e: ts.Expression): ts.Expression => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    return e;
  };
  const sql = /\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+["`]?([a-z_]+)\b/gi;
  const bezoek = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.arguments.length > 0 && ts.isStringLiteralLike(n.arguments[0]!)) {
      const arg = tabelIn(n.arguments[0].text);
      const callee = ontdaan(n.expression);
      if (ts.isPropertyAccessExpression(callee) && TABEL_METHODEN.has(callee.name.text)) meld(n, arg, false);
      else if (ts.isPropertyAccessExpression(callee) && JOIN_METHODEN.has(callee.name.text)) meld(n, arg, true);
      else if (callee !== n.expression && !ts.isPropertyAccessExpression(callee))
        meld(n, arg, false); // (trx as Db)('t'), (a ?? b)('t')
      else if (ts.isBinaryExpression(callee) || QUERY_BRON.test(callee.getText(bron))) meld(n, arg, false);
    }
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      for (const m of n.text.matchAll(sql)) meld(n, m[2]!, m[1]!.toUpperCase() === 'JOIN');
    }
    ts.forEachChild(n, bezoek);
  };
  bezoek(bron);
  return uit;
}

const gebruik = bestanden.flatMap((f) => tabelgebruik(f));
const waar = (g: Tabelgebruik) => `${g.bestand}:${g.regel} ${g.join ? 'joins' : 'queries'} ${g.tabel}`;
const inDb = onder('db');

/** The folder of a server file (server/web/routes/x.ts -> web); a file directly under server/ is its own node. */
const mapVan = (f: string) => {
  const delen = f.split('/');
  return delen.length > 2 ? delen[1]! : delen[1]!.replace(/\.ts$/, '');
};

/** The cycles of a directed graph: its strongly connected components with more than one node (Tarjan). */
function cycli(knopen: string[], naar: (k: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const laag = new Map<string, number>();
  const stapel: string[] = [];
  const op = new Set<string>();
  const uit: string[][] = [];
  const bezoek = (v: string): void => {
    idx.set(v, index);
    laag.set(v, index);
    index += 1;
    stapel.push(v);
    op.add(v);
    for (const w of naar(v)) {
      if (!idx.has(w)) {
        bezoek(w);
        laag.set(v, Math.min(laag.get(v)!, laag.get(w)!));
      } else if (op.has(w)) laag.set(v, Math.min(laag.get(v)!, idx.get(w)!));
    }
    if (laag.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stapel.pop()!;
        op.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) uit.push(scc.sort());
    }
  };
  for (const k of knopen) if (!idx.has(k)) bezoek(k);
  return uit;
}

function mapcycli(randen: Kant[]): { cyclus: string[]; kanten: string[] }[] {
  const intern = randen.filter((k) => k.naar.startsWith('server/') && mapVan(k.van) !== mapVan(k.naar));
  const buren = new Map<string, Set<string>>();
  for (const k of intern) buren.set(mapVan(k.van), (buren.get(mapVan(k.van)) ?? new Set()).add(mapVan(k.naar)));
  const knopen = [...new Set(bestanden.map(mapVan))].sort();
  return cycli(knopen, (k) => [...(buren.get(k) ?? [])].sort()).map((c) => ({
    cyclus: c,
    kanten: intern.filter((k) => c.includes(mapVan(k.van)) && c.includes(mapVan(k.naar))).map((k) => `${k.van} -> ${k.naar}`),
  }));
}

describe(`architecture: one repository per table (${TABELLEN.length} tables) and no cycles between the folders of server/`, () => {
  it('sees every table and every way of naming one', () => {
    expect(TABELLEN).toEqual(
      expect.arrayContaining(['registraties', 'tellingen', 'duidingen', 'metagegevens', 'instellingen', 'inlogpogingen', 'sessie_generatie']),
    );
    expect(TABELLEN.length).toBeGreaterThanOrEqual(20);
    const geplant = [
      'async function geplant(): Promise<void> {',
      "await db('duidingen').insert(r);",
      "await (trx as unknown as Db)('duidingen').update(r);",
      "await ctx.db('duidingen').first();",
      "await (trx ?? db)('duidingen').first();",
      "await db.select('*').from('duidingen as d');",
      "await db.insert(r).into('duidingen');",
      "await db.schema.table('duidingen', () => {});",
      "await trx.raw('DELETE FROM duidingen WHERE id = ?', [1]);",
      'await trx.raw(`UPDATE "duidingen" SET x = 1`);',
      'await trx.raw(`SELECT 1 FROM sessies s JOIN duidingen d ON ${x}`);',
      "await db('sessies').join('duidingen', 'a', 'b');",
      '}',
    ].join('\n');
    expect(
      tabelgebruik('geplant.ts', geplant)
        .map((g) => `${g.regel - 1} ${g.tabel}${g.join ? ' join' : ''}`)
        .sort(),
    ).toEqual([
      '1 duidingen',
      '10 duidingen join',
      '10 sessies',
      '11 duidingen join',
      '11 sessies',
      '2 duidingen',
      '3 duidingen',
      '4 duidingen',
      '5 duidingen',
      '6 duidingen',
      '7 duidingen',
      '8 duidingen',
      '9 duidingen',
    ]);
    // words that are no query stay out: a role, a label, a column, Dutch text
    expect(
      tabelgebruik('geplant.ts', "vereis('financien'); t.string('gemeenten'); const s = 'Bijlage: gemeenten'; fout('kan niet naar registraties');"),
    ).toEqual([]);
  });

  it("only a table's repository (and db/) queries it: no service, route or command names a table", () => {
    expect(gebruik.filter((g) => g.bestand === 'server/rapportage/duiding-repository.ts').map((g) => g.tabel)).toContain('duidingen');
    const buiten = gebruik.filter((g) => !isRepository(g.bestand) && !inDb(g.bestand));
    expect(buiten.map(waar)).toEqual([]);
  });

  it("each table has one repository: no repository starts a query on, or writes, another repository's table (joining one to read is allowed)", () => {
    const perTabel = new Map<string, Set<string>>();
    for (const g of gebruik) if (isRepository(g.bestand) && !g.join) perTabel.set(g.tabel, (perTabel.get(g.tabel) ?? new Set()).add(g.bestand));
    expect([...perTabel].filter(([, r]) => r.size > 1).map(([t, r]) => `${t}: ${[...r].sort().join(', ')}`)).toEqual([]);
  });

  it('no cycle between folders of server/ (a planted one is found)', () => {
    const geplant: Kant[] = [...kanten, { van: 'server/db/connection.ts', naar: 'server/web/app.ts' }];
    expect(mapcycli(geplant).flatMap((c) => c.cyclus)).toEqual(expect.arrayContaining(['db', 'web']));
    expect(mapcycli(kanten)).toEqual([]);
  });
});
