// Loads a TypeScript entry of the project as prebuilt JavaScript, so that a command does not pay
// for tsx transforming and resolving every module on each start (docs/cli.md, "Opstarten").
//
// The first run after a change bundles the entry with esbuild (the compiler tsx itself uses) into
// .cache/bundels/ and records the files it compiled; every later run hashes those files again and
// imports the bundle only when all of them are unchanged, so a changed source is never run stale.
// Packages stay outside the bundle and resolve from the project's node_modules as before (native
// ones like better-sqlite3 and argon2 above all), except a few pure-JavaScript ones that cost more
// to load file by file than compiled in (INGEBOUWD). `import.meta.url` keeps meaning the source
// file, so paths next to the source (views/, config/, migrations/, the import worker) resolve as
// under tsx. When a bundle cannot be built (no esbuild, a read-only project folder, a syntax
// error), or VT_ZONDER_BUNDEL is set, the entry runs through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bumped when the way a bundle is built changes (this file's own text is part of the key too). */
const BOUWVERSIE = 1;

/**
 * Packages compiled into the bundle. Node loads zod's 96 and knex's 400 files one by one (about
 * 110 and 90 ms of a start); compiled in they cost about 35 ms each. Only pure JavaScript without
 * files of its own to read at run time belongs here.
 */
const INGEBOUWD = new Set(['zod', 'knex', 'commander', 'iconv-lite', 'cli-progress']);
/** What knex (or any compiled-in package) requires by name stays a package: drivers, native code. */
const ALTIJD_BUITEN = new Set([
  'better-sqlite3',
  'argon2',
  'pg',
  'pg-native',
  'pg-query-stream',
  'mysql',
  'mysql2',
  'mariadb',
  'oracledb',
  'tedious',
  'sqlite3',
]);
/** A compiled-in CommonJS package calls `require`: each chunk gets one, resolving from the bundle's folder. */
const BANNER = "import { createRequire as __vtMaakRequire } from 'node:module';\nconst require = __vtMaakRequire(import.meta.url);";

/**
 * Imports `entry` (a path relative to the project root, such as `server/cli/main.ts`) and returns
 * its module. Only finding or building the bundle falls back to tsx: an error the program itself
 * throws while its modules load is passed on, so that nothing runs twice. `root` is for tests.
 */
export async function laadTypeScript(entry, { root = PROJECT } = {}) {
  const bundel = process.env.VT_ZONDER_BUNDEL ? null : await zoekOfBouwBundel(root, entry);
  if (bundel) return import(pathToFileURL(bundel).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, entry)).href);
}

const cacheVan = (root) => join(root, '.cache', 'bundels');
const voorvoegsel = (entry) => `${entry.replace(/[/\\.]/g, '_')}-`;

const manifestVan = (root, entry) => join(cacheVan(root), `${voorvoegsel(entry)}manifest.json`);

/** The built bundle of `entry` if it matches today's sources, else null (without building one). */
export function zoekVerseBundel(entry, { root = PROJECT } = {}) {
  try {
    const manifest = JSON.parse(readFileSync(manifestVan(root, entry), 'utf8'));
    const bundel = join(cacheVan(root), manifest.map, manifest.bestand);
    return manifest.sleutel === sleutelVan(root, manifest.invoer) && existsSync(bundel) ? bundel : null;
  } catch {
    // no manifest yet, or one of its files is gone
    return null;
  }
}

/** The bundle of `entry` that matches today's sources, built when there is none; null if that fails. */
async function zoekOfBouwBundel(root, entry) {
  const bundel = zoekVerseBundel(entry, { root });
  if (bundel) {
    markeerGebruik(bundel);
    return bundel;
  }
  try {
    return await bouwBundel(root, entry, manifestVan(root, entry));
  } catch (error) {
    if (process.env.VT_DEBUG) process.stderr.write(`De bundel van ${entry} is niet gebouwd; tsx voert de bron uit: ${error?.stack ?? error}\n`);
    return null;
  }
}

/**
 * What a bundle depends on besides the files it compiled: this builder, the esbuild and Node
 * versions, the tsconfig, the project folder (bundles name their source files by absolute path)
 * and the migration files, which the migration loader imports by a name read at run time.
 */
function omgeving(root) {
  const lees = (pad) => (existsSync(pad) ? readFileSync(pad, 'utf8') : '');
  const migraties = existsSync(join(root, 'migrations'))
    ? readdirSync(join(root, 'migrations'))
        .filter((f) => f.endsWith('.ts'))
        .sort()
    : [];
  return [
    BOUWVERSIE,
    root,
    process.versions.node,
    lees(esbuildPad('esbuild/package.json')),
    lees(fileURLToPath(import.meta.url)),
    lees(join(root, 'tsconfig.json')),
    migraties.join('\n'),
  ];
}

/** A hash over the given files (paths relative to the root) and the environment of the build. */
function sleutelVan(root, invoer, inhoud = new Map()) {
  const hash = createHash('sha256');
  for (const deel of omgeving(root)) hash.update(`${deel}\0`);
  for (const pad of invoer)
    hash
      .update(`${pad}\0`)
      .update(inhoud.get(pad) ?? readFileSync(join(root, pad)))
      .update('\0');
  return hash.digest('hex').slice(0, 20);
}

/** esbuild as tsx depends on it (it need not be a dependency of the project itself). */
function esbuildPad(specifier) {
  return createRequire(createRequire(import.meta.url).resolve('tsx/package.json')).resolve(specifier);
}

async function bouwBundel(root, entry, manifestPad) {
  const esbuild = await import(pathToFileURL(esbuildPad('esbuild')).href);
  const cache = cacheVan(root);
  mkdirSync(cache, { recursive: true });
  const tijdelijk = join(cache, `bouw-${process.pid}-${Date.now()}`);
  const gelezen = new Map();
  const resultaat = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    outdir: tijdelijk,
    bundle: true,
    // a chunk per lazily imported module: a command loads only the packages it uses
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    keepNames: true,
    metafile: true,
    logLevel: 'silent',
    banner: { js: BANNER },
    outExtension: { '.js': '.mjs' },
    plugins: [bronPlugin(root, gelezen)],
  });
  // the key covers exactly the texts that went into the bundle
  const invoer = [...gelezen.keys()].sort();
  const sleutel = sleutelVan(root, invoer, gelezen);
  const map = `${voorvoegsel(entry)}${sleutel}`;
  const [uitvoer] = Object.entries(resultaat.metafile.outputs).find(([, o]) => o.entryPoint === relative(root, join(root, entry))) ?? [];
  if (!uitvoer) throw new Error(`esbuild gaf geen bundel voor ${entry}`);
  const bestand = relative(tijdelijk, resolve(root, uitvoer));
  try {
    renameSync(tijdelijk, join(cache, map));
  } catch {
    // another process built the same sources at the same time: use its bundle
    rmSync(tijdelijk, { recursive: true, force: true });
  }
  const nieuw = `${manifestPad}.${process.pid}`;
  writeFileSync(nieuw, JSON.stringify({ sleutel, invoer, map, bestand }, null, 2));
  renameSync(nieuw, manifestPad);
  ruimOp(cache, entry, map);
  return join(cache, map, bestand);
}

/** `zod`, `@scope/naam/sub` → the package's name. */
const pakketVan = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * Decides per bare import whether it is compiled in, and reads every source file itself, to hash
 * what esbuild compiles. `import.meta.url` of a bundled module would be the bundle's address:
 * each source file gets its own address written in, so that paths next to the source resolve as
 * they do under tsx. Of a compiled-in package only its package.json (its version) is hashed.
 */
function bronPlugin(root, gelezen) {
  return {
    name: 'vt-bron',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return undefined;
        const pakket = pakketVan(args.path);
        if (ALTIJD_BUITEN.has(pakket)) return { external: true };
        if (INGEBOUWD.has(pakket) || args.importer.includes(NODE_MODULES)) return undefined;
        return { external: true };
      });
      build.onLoad({ filter: /\.(?:[cm]?[jt]s|json)$/ }, (args) => {
        const i = args.path.lastIndexOf(NODE_MODULES);
        if (i >= 0) {
          const rest = args.path.slice(i + NODE_MODULES.length);
          const pakketJson = join(args.path.slice(0, i + NODE_MODULES.length), pakketVan(rest.split(sep).join('/')), 'package.json');
          const pad = relative(root, pakketJson);
          if (!gelezen.has(pad)) gelezen.set(pad, readFileSync(pakketJson));
          return undefined;
        }
        const inhoud = readFileSync(args.path);
        gelezen.set(relative(root, args.path), inhoud);
        const tekst = inhoud.toString('utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        const loader = args.path.endsWith('.json') ? 'json' : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents: tekst, loader };
      });
    },
  };
}

const EEN_DAG_MS = 24 * 3600_000;
/** Bundles of an entry kept whatever their age: the newest ones, which a running server may still load from. */
const BEWAREN = 3;

/**
 * A used bundle's folder gets a fresh modification time (at most once an hour), so that its age
 * says when it was last used. A read-only project folder keeps the old time.
 */
function markeerGebruik(bundel) {
  const map = dirname(bundel);
  try {
    const nu = Date.now();
    if (nu - statSync(map).mtimeMs > EEN_DAG_MS / 24) utimesSync(map, nu / 1000, nu / 1000);
  } catch {
    // not writable: nothing to record
  }
}

/**
 * Bundles of the same entry unused for a day go, except the newest few, and builds that never
 * finished. Not sooner: a running server loads a lazily imported module from the folder it started with.
 */
function ruimOp(cache, entry, houden) {
  const nu = Date.now();
  const leeftijd = (naam) => {
    try {
      return nu - statSync(join(cache, naam)).mtimeMs;
    } catch {
      return 0; // removed by another process meanwhile
    }
  };
  const eigen = voorvoegsel(entry);
  const bundels = readdirSync(cache)
    .filter((naam) => naam.startsWith(eigen) && /^[0-9a-f]{20}$/.test(naam.slice(eigen.length)) && naam !== houden)
    .map((naam) => ({ naam, leeftijd: leeftijd(naam) }))
    .sort((a, b) => a.leeftijd - b.leeftijd)
    .slice(BEWAREN - 1);
  const onaf = readdirSync(cache)
    .filter((naam) => naam.startsWith('bouw-'))
    .map((naam) => ({ naam, leeftijd: leeftijd(naam) }));
  for (const { naam, leeftijd: ms } of [...bundels, ...onaf]) {
    if (ms > EEN_DAG_MS) rmSync(join(cache, naam), { recursive: true, force: true });
  }
}
