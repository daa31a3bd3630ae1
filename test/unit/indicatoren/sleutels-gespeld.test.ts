import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../server/config/paths.js';
import { CATALOGUS } from '../../../server/indicatoren/catalogus.js';

/**
 * Where server/ spells an indicator key of the catalogue as a string literal.
 *
 * A spelling is fine where `tsc` checks it against the catalogue: its contextual type is narrower
 * than `string` (an `IndicatorSleutel` parameter such as `getal(w, 'meldingen')`, a typed field),
 * it sits in an `as const` list or in a type (literal types: checked wherever they are used), or it
 * is compared with a value of such a type (`k !== 'meldingen_totaal_instroom'`: TS2367 on a typo).
 * Everything else is a key written out by hand that no compiler checks — a typo renders as "." —
 * and is allowed only as far as OPEN below records, file by file. The list only shrinks: a file
 * with fewer untyped spellings than recorded fails too, so the record is tightened.
 *
 * Different namespaces, not counted: the count families and derived registration fields
 * (server/registraties/: `tellingen.ts`, `derive.ts` name columns of the count tables and stock
 * intervals such as `open_vb` that compute turns into indicators: they are the input of compute,
 * not published figures), and the catalogue itself.
 */
const ROOT = projectPath();
const ANDERE_NAAMRUIMTE = ['server/indicatoren/catalogus.ts', 'server/registraties/'];

/**
 * Untyped spellings still open (file → count), each with what it is. Only ever lower these.
 * Most are the same word in another namespace, which a grep cannot tell from a key.
 */
const OPEN: Record<string, number> = {
  // Dutch words in sentences: aantal(n, 'melding', 'meldingen'), verandering('adviezen', …)
  'server/rapportage/zinnen.ts': 8,
  'server/rapportage/factsheet.ts': 3,
  // the chapter library: 4 such words in sentences, 2 docs anchors ('groei')
  'server/rapportage/hoofdstukken/periode.ts': 6,
  // docs anchor 'groei'
  'server/rapportage/hoofdstukken/kwartaal.ts': 1,
  // tile ids (the HTML id of a tile, equal to the key it shows)
  'server/dashboard/tegels.ts': 2,
  // the row the refresh writes: IndicatorRij.indicator is the stored column (string from the database)
  'server/indicatoren/herbereken.ts': 1,
  // an API query parameter compared as a string before it is known to be a key
  'server/indicatoren/service.ts': 1,
};

interface Spelling {
  bestand: string;
  regel: number;
  sleutel: string;
}

/** In a (nested) list literal under `as const`: its literal types reach the typed reader that uses them. */
function inConstLijst(n: ts.Node): boolean {
  let p = n.parent;
  while (ts.isArrayLiteralExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  return p !== n.parent && ts.isAsExpression(p) && p.type.getText() === 'const';
}

function ongetypeerdeSpellingen(): { open: Spelling[]; getypeerd: number } {
  const keys = new Set<string>(CATALOGUS.map((i) => i.sleutel));
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(
    config.fileNames.filter((f) => relative(ROOT, f).startsWith('server')),
    config.options,
  );
  const checker = program.getTypeChecker();
  const smal = (t: ts.Type | undefined) => !!t && !checker.isTypeAssignableTo(checker.getStringType(), t);
  const open: Spelling[] = [];
  let getypeerd = 0;
  for (const sf of program.getSourceFiles()) {
    const bestand = relative(ROOT, sf.fileName).split('\\').join('/');
    if (!bestand.startsWith('server/') || ANDERE_NAAMRUIMTE.some((a) => bestand.startsWith(a))) continue;
    const bezoek = (n: ts.Node): void => {
      if (
        (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) &&
        keys.has(n.text) &&
        !ts.isImportDeclaration(n.parent) &&
        !ts.isExportDeclaration(n.parent)
      ) {
        const p = n.parent;
        const gecontroleerd =
          smal(checker.getContextualType(n)) ||
          ts.isLiteralTypeNode(p) ||
          inConstLijst(n) ||
          (ts.isBinaryExpression(p) &&
            [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind) &&
            smal(checker.getTypeAtLocation(p.left === n ? p.right : p.left)));
        if (gecontroleerd) getypeerd++;
        else open.push({ bestand, regel: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, sleutel: n.text });
      }
      ts.forEachChild(n, bezoek);
    };
    bezoek(sf);
  }
  return { open, getypeerd };
}

const { open, getypeerd } = ongetypeerdeSpellingen();
const perBestand = new Map<string, Spelling[]>();
for (const s of open) perBestand.set(s.bestand, [...(perBestand.get(s.bestand) ?? []), s]);

describe(`indicator keys spelled in server/: ${getypeerd} checked by tsc, ${open.length} by hand (${CATALOGUS.length} keys)`, () => {
  it('no file spells a key by hand beyond what OPEN records', () => {
    const teVeel = [...perBestand].filter(([b, s]) => s.length > (OPEN[b] ?? 0)).flatMap(([, s]) => s.map((x) => `${x.bestand}:${x.regel} '${x.sleutel}'`));
    expect(teVeel, 'read the key through a typed reader (getal, Waarden, IndicatorSleutel) or from the catalogue').toEqual([]);
  });

  it('OPEN is tight: a file that spells fewer keys by hand has its record lowered', () => {
    const ruim = Object.entries(OPEN)
      .filter(([b, n]) => (perBestand.get(b)?.length ?? 0) < n)
      .map(([b, n]) => `${b}: ${n} → ${perBestand.get(b)?.length ?? 0}`);
    expect(ruim).toEqual([]);
  });
});
