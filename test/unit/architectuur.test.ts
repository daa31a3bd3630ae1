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

const bestanden = tsFiles(SERVER).map((f) => relative(ROOT, f).split('\\').join('/')).sort();
const kanten: Kant[] = bestanden.flatMap((van) => {
  const info = ts.preProcessFile(readFileSync(join(ROOT, van), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return { van, naar: fileName.startsWith('node:') ? fileName : fileName.split('/').slice(0, fileName.startsWith('@') ? 2 : 1).join('/') };
    const doel = normalize(join(dirname(van), fileName)).split('\\').join('/').replace(/\.js$/, '.ts');
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
    if (ts.isElementAccessExpression(n) && isVerzoek(n.expression) && ts.isStringLiteralLike(n.argumentExpression) && INVOER_DELEN.has(n.argumentExpression.text)) meld(n, n.argumentExpression.text);
    if (ts.isObjectBindingPattern(n)) {
      const ouder = n.parent;
      const vanVerzoek = (ts.isVariableDeclaration(ouder) && ouder.initializer !== undefined && isVerzoek(ouder.initializer))
        || (ts.isParameter(ouder) && ts.isFunctionLike(ouder.parent) && ouder.parent.parameters[0] === ouder);
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
    expect(overtredingen((k) => isRoute(k.van) && k.naar.startsWith('server/') && !onder('web')(k.naar) && k.naar !== 'server/context.ts' && !isService(k.naar) && vraagtOp.has(k.naar))).toEqual([]);
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
    expect(overtredingen((k) => onder('import')(k.van) && onder('indicatoren')(k.naar) && !(k.van === 'server/import/service.ts' && k.naar === REFRESH))).toEqual([]);
  });

  it('the read side does not import the refresh module (only the import service, the wiring and the herbereken command do)', () => {
    const mag = new Set(['server/import/service.ts', 'server/context.ts', 'server/cli/commands/herbereken.ts']);
    expect(overtredingen((k) => k.naar === REFRESH && !mag.has(k.van))).toEqual([]);
  });
});
