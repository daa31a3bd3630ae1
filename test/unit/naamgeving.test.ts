import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';

/**
 * One verb language for exported names (ARCHITECTURE.md, "Conventions"): an exported function of
 * server/ carries a Dutch verb (`lees…`, `maak…`, `bewaar…`). This test reads every export of
 * server/ (function declarations, generators, and `const`s holding a function) and fails on a
 * name that starts with an English verb.
 */
const ROOT = projectPath();

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * English verbs a name may not start with (followed by a capital, a digit or nothing). Not on the
 * list, because the same word is Dutch: `is…` (`isKwartaal`, "is kwartaal"), `start…`/`stop…`
 * (imperatives of starten/stoppen), `open…` (an adjective: `openWerk`), `hash…` (hashen), `test…`.
 */
export const ENGELSE_WERKWOORDEN = [
  'add',
  'apply',
  'assert',
  'build',
  'calculate',
  'check',
  'collect',
  'compute',
  'convert',
  'copy',
  'count',
  'create',
  'decode',
  'delete',
  'derive',
  'detect',
  'encode',
  'ensure',
  'extract',
  'fetch',
  'find',
  'format',
  'from',
  'generate',
  'get',
  'handle',
  'has',
  'init',
  'insert',
  'iterate',
  'list',
  'load',
  'make',
  'map',
  'merge',
  'migrate',
  'normalize',
  'parse',
  'pending',
  'print',
  'read',
  'register',
  'remove',
  'render',
  'resolve',
  'run',
  'save',
  'send',
  'set',
  'sort',
  'store',
  'sync',
  'to',
  'today',
  'update',
  'validate',
  'write',
] as const;

const ENGELS = new RegExp(`^(${ENGELSE_WERKWOORDEN.join('|')})([A-Z0-9_]|$)`);

/** Documented exceptions: none. An entry needs its reason here and in ARCHITECTURE.md. */
const UITZONDERINGEN = new Map<string, string>([]);

interface Export {
  naam: string;
  bestand: string;
}

const isFunctie = (e: ts.Expression | undefined): boolean => {
  if (!e) return false;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
  if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) return isFunctie(e.expression);
  return false;
};

function exportsVan(bestand: string): Export[] {
  const bron = ts.createSourceFile(bestand, readFileSync(join(ROOT, bestand), 'utf8'), ts.ScriptTarget.Latest, true);
  const uit: Export[] = [];
  const geexporteerd = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const s of bron.statements) {
    if (ts.isFunctionDeclaration(s) && s.name && geexporteerd(s)) uit.push({ naam: s.name.text, bestand });
    if (ts.isVariableStatement(s) && geexporteerd(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && isFunctie(d.initializer)) uit.push({ naam: d.name.text, bestand });
    }
    // a renamed re-export (`export { a as readX }`) is a name of its own
    if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) uit.push({ naam: e.name.text, bestand });
    }
  }
  return uit;
}

const bestanden = tsFiles(join(ROOT, 'server'))
  .map((f) => relative(ROOT, f).split('\\').join('/'))
  .sort();
const alle = bestanden.flatMap(exportsVan);

describe(`naming: the exported functions of server/ (${alle.length} in ${bestanden.length} files)`, () => {
  it('reads real exports (the check would pass on none)', () => {
    expect(alle.length).toBeGreaterThan(300);
    expect(alle).toContainEqual({ naam: 'leesKeuze', bestand: 'server/indicatoren/paneel.ts' });
    expect(alle).toContainEqual({ naam: 'kwartaalVan', bestand: 'server/calendar/kwartaal.ts' });
    // arrow functions in consts count too
    expect(alle).toContainEqual({ naam: 'gebruikerVan', bestand: 'server/web/auth.ts' });
  });

  it('the pattern catches English verbs and leaves Dutch names alone', () => {
    for (const naam of ['createApp', 'parseKwartaal', 'readTable', 'toNumber', 'fetchBereik', 'format']) expect(naam).toMatch(ENGELS);
    for (const naam of ['leesKwartaal', 'maakApp', 'isKwartaal', 'startSessie', 'openWerk', 'totaal', 'formaat', 'setje', 'mapping', 'listig'])
      expect(naam).not.toMatch(ENGELS);
  });

  it('no exported function starts with an English verb', () => {
    expect(alle.filter((e) => ENGELS.test(e.naam) && !UITZONDERINGEN.has(e.naam)).map((e) => `${e.bestand}: ${e.naam}`)).toEqual([]);
  });
});
