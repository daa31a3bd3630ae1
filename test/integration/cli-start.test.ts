import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { COLUMN_NAMES } from '../../server/registraties/schema.js';
import { TEST_POSTGRES, testContext, type TestContext } from '../helpers/context.js';
import { draai as draaiProces } from '../helpers/proces.js';
import { advies, melding } from '../helpers/registraties.js';

/**
 * bin/laad-typescript.mjs: the CLI runs as a bundle built on first use, never from stale sources,
 * with tsx as the fallback. The loader's own behaviour is checked on a small project of its own
 * in a temporary folder (so that no test edits a source file of this project); the real CLI then
 * imports a hand-made file into a fresh database from its bundle and through tsx, with the same answer.
 */
const LADER = pathToFileURL(projectPath('bin', 'laad-typescript.mjs')).href;

interface Uitkomst {
  waarde: number;
  bron: string;
  migraties: string[];
  uitBundel: boolean;
}

/** Runs `src/main.ts` of the small project through the loader in a child process, as the CLI does. */
function draai(root: string, env: NodeJS.ProcessEnv = {}) {
  const script = `import { laadTypeScript } from ${JSON.stringify(LADER)};
const m = await laadTypeScript('src/main.ts', { root: ${JSON.stringify(root)} });
process.stdout.write(JSON.stringify(await m.uitkomst()));`;
  return spawnSync('node', ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

function uitkomst(root: string, env: NodeJS.ProcessEnv = {}): Uitkomst {
  const r = draai(root, env);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Uitkomst;
}

/** `export const waarde = N;`: the same length for every one-digit N, so that only the content differs. */
const schrijfWaarde = (root: string, n: number) => writeFileSync(join(root, 'src', 'waarde.ts'), `export const waarde: number = ${n};\n`);

function kleinProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'vt-lader-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'migrations'));
  writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  schrijfWaarde(root, 1);
  writeFileSync(join(root, 'src', 'bron.ts'), 'export const bron: string = import.meta.url;\n');
  writeFileSync(join(root, 'migrations', '001_eerste.ts'), "export const naam: string = 'eerste';\n");
  writeFileSync(
    join(root, 'src', 'main.ts'),
    `import { readdirSync } from 'node:fs';
import { waarde } from './waarde.js';
import { bron } from './bron.js';
export async function uitkomst() {
  const namen = readdirSync(new URL('../migrations/', bron)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
  const migraties: string[] = [];
  for (const n of namen.sort()) migraties.push((await import(\`../migrations/\${n}.ts\`)).naam);
  return { waarde, bron, migraties, uitBundel: (new Error().stack ?? '').includes('/.cache/bundels/') };
}
`,
  );
  return root;
}

const bundelsIn = (root: string) => readdirSync(join(root, '.cache', 'bundels')).filter((n) => /^src_main_ts-[0-9a-f]{20}$/.test(n));

describe('the loader: a bundle built on first use, never stale', () => {
  let root: string;
  beforeAll(() => {
    root = kleinProject();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds a bundle on the first run and uses it; import.meta.url stays the source file', () => {
    expect(uitkomst(root)).toEqual({ waarde: 1, bron: pathToFileURL(join(root, 'src', 'bron.ts')).href, migraties: ['eerste'], uitBundel: true });
    expect(bundelsIn(root)).toHaveLength(1);
    // the second run builds nothing new
    expect(uitkomst(root).waarde).toBe(1);
    expect(bundelsIn(root)).toHaveLength(1);
  });

  it('a changed source file is never run stale, even with the same size and modification time', () => {
    const pad = join(root, 'src', 'waarde.ts');
    const { size, mtime } = statSync(pad);
    schrijfWaarde(root, 2);
    utimesSync(pad, mtime, mtime);
    expect(statSync(pad).size).toBe(size);
    expect(uitkomst(root)).toMatchObject({ waarde: 2, uitBundel: true });
    expect(bundelsIn(root)).toHaveLength(2);
  });

  it('a new migration file is found, though no other source file changed', () => {
    writeFileSync(join(root, 'migrations', '002_tweede.ts'), "export const naam: string = 'tweede';\n");
    expect(uitkomst(root)).toMatchObject({ waarde: 2, migraties: ['eerste', 'tweede'], uitBundel: true });
  });

  it('VT_ZONDER_BUNDEL runs the sources through tsx, with the same answer', () => {
    expect(uitkomst(root, { VT_ZONDER_BUNDEL: '1' })).toEqual({ ...uitkomst(root), uitBundel: false });
  });

  it('a source that does not compile falls back to tsx, which names the file; the repaired source runs again', () => {
    writeFileSync(join(root, 'src', 'waarde.ts'), 'export const waarde: number = ;\n');
    const r = draai(root);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('waarde.ts');
    expect(r.stdout).toBe('');
    schrijfWaarde(root, 3);
    expect(uitkomst(root)).toMatchObject({ waarde: 3, uitBundel: true });
  });

  it('a build clears bundles unused for over a day, except the newest three, and builds that never finished', () => {
    const bundels = join(root, '.cache', 'bundels');
    rmSync(bundels, { recursive: true, force: true });
    expect(uitkomst(root).waarde).toBe(3);
    const [inGebruik] = bundelsIn(root);
    const dagen = (n: number) => new Date(Date.now() - n * 24 * 3600_000);
    const oud = ['a', 'b', 'c', 'd'].map((l, i) => ({ naam: `src_main_ts-${l.repeat(20)}`, leeftijd: dagen(2 + i) }));
    for (const { naam, leeftijd } of [...oud, { naam: 'bouw-1-1', leeftijd: dagen(2) }, { naam: 'bouw-2-2', leeftijd: dagen(0) }]) {
      mkdirSync(join(bundels, naam));
      utimesSync(join(bundels, naam), leeftijd, leeftijd);
    }
    // the bundle in use gets a fresh modification time when it is used again
    utimesSync(join(bundels, inGebruik!), dagen(3), dagen(3));
    expect(uitkomst(root).waarde).toBe(3);
    schrijfWaarde(root, 5);
    expect(uitkomst(root).waarde).toBe(5);
    // kept: the new bundle, the one used just now, and the newest of the rest (2 days);
    // gone: the older ones and the unfinished build of 2 days ago
    const over = bundelsIn(root);
    expect(over).toHaveLength(3);
    expect(over).toEqual(expect.arrayContaining([inGebruik, oud[0]!.naam]));
    for (const { naam } of oud.slice(1)) expect(over).not.toContain(naam);
    expect(readdirSync(bundels).filter((n) => n.startsWith('bouw-'))).toEqual(['bouw-2-2']);
  });

  it('processes that build the same new bundle at the same time all get it', async () => {
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    schrijfWaarde(root, 4);
    const script = `import { laadTypeScript } from ${JSON.stringify(LADER)};
const m = await laadTypeScript('src/main.ts', { root: ${JSON.stringify(root)} });
process.stdout.write(JSON.stringify(await m.uitkomst()));`;
    const uitkomsten = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; uit: string; fout: string }>((resolve) => {
            const p = spawn('node', ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
            let uit = '';
            let fout = '';
            p.stdout.on('data', (d: Buffer) => (uit += d));
            p.stderr.on('data', (d: Buffer) => (fout += d));
            p.on('close', (code) => resolve({ code, uit, fout }));
          }),
      ),
    );
    for (const u of uitkomsten) {
      expect(u).toMatchObject({ code: 0, fout: '' });
      expect(JSON.parse(u.uit)).toMatchObject({ waarde: 4, uitBundel: true });
    }
    expect(bundelsIn(root)).toHaveLength(1);
    expect(readdirSync(join(root, '.cache', 'bundels')).filter((n) => n.startsWith('bouw-'))).toEqual([]);
  });
});

describe('the CLI from its bundle: importeer into a fresh database', () => {
  let dir: string;
  let pg: TestContext[] = [];
  let bestand: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vt-cli-start-'));
    // on PostgreSQL a database per run (created and migrated by a test context); on SQLite a new file
    if (TEST_POSTGRES) pg = [await testContext(), await testContext()];
    const rijen = [
      melding({ id: 'CLI-1', binnenkomst: '2019-01-01', gemeente: 'GM0268', vb: '2019-01-10' }),
      advies({ id: 'CLI-2', binnenkomst: '2019-03-31', gemeente: 'GM0209' }),
    ];
    bestand = join(dir, 'twee.csv');
    writeFileSync(bestand, [COLUMN_NAMES.join(';'), ...rijen.map((r) => COLUMN_NAMES.map((c) => r[c] ?? '').join(';'))].join('\n') + '\n');
  });
  afterAll(async () => {
    for (const c of pg) await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (databaseUrl: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
    draaiProces('node', [projectPath('bin', 'vt-monitor.js'), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env } });

  it('imports, migrates, and imports again, from the bundle and through tsx with the same answers', async () => {
    const antwoorden: Record<string, unknown>[] = [];
    for (const [i, [naam, env]] of (
      [
        ['bundel', {}],
        ['tsx', { VT_ZONDER_BUNDEL: '1' }],
      ] as const
    ).entries()) {
      const url = pg[i]?.databaseUrl ?? join(dir, `${naam}.sqlite`);
      const eerste = await cli(url, env, 'importeer', '--json', bestand);
      expect(eerste.status, eerste.stderr).toBe(0);
      const tweede = await cli(url, env, 'importeer', '--json', bestand);
      expect(tweede.status, tweede.stderr).toBe(0);
      antwoorden.push({ eerste: JSON.parse(eerste.stdout), tweede: JSON.parse(tweede.stdout) });
      if (!TEST_POSTGRES) {
        // every migration ran from the bundle (or tsx) on the new file
        const db = knexFactory({ client: 'better-sqlite3', connection: { filename: url }, useNullAsDefault: true });
        const gedaan = (await db('knex_migraties').select('name')).map((r: { name: string }) => r.name).sort();
        expect(gedaan).toEqual(
          readdirSync(projectPath('migrations'))
            .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
            .sort(),
        );
        expect((await db('registraties').select('registratie_id').orderBy('registratie_id')).map((r: { registratie_id: string }) => r.registratie_id)).toEqual([
          'CLI-1',
          'CLI-2',
        ]);
        await db.destroy();
      }
    }
    expect(antwoorden[0]).toMatchObject({
      eerste: { bestanden: ['twee.csv'], rijen: 2, nieuw: 2, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0, fouten: [] },
      tweede: { rijen: 2, nieuw: 0, gewijzigd: 0, ongewijzigd: 2, afgewezen: 0, fouten: [] },
    });
    expect(antwoorden[1]).toEqual(antwoorden[0]);
    // the CLI's bundle matches today's sources
    const vers = spawnSync(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { zoekVerseBundel } from ${JSON.stringify(LADER)}; process.stdout.write(String(zoekVerseBundel('server/cli/main.ts')));`,
      ],
      { encoding: 'utf8' },
    );
    expect(vers.stdout).toContain(join('.cache', 'bundels', 'server_cli_main_ts-'));
  });

  it('--help answers from the bundle', async () => {
    const r = await cli(join(dir, 'help.sqlite'), {}, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('importeer [options] <bestand...>');
  });
});
