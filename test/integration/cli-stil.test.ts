import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { COLUMN_NAMES } from '../../server/registraties/schema.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';

/**
 * The command line prints its own Dutch lines and nothing else: no JSON log line on stdout or
 * stderr, unless LOG_LEVEL asks for it. Run as the user runs it (a child process, LOG_LEVEL unset).
 */
let ctx: TestContext;
let bestand: string;

beforeAll(async () => {
  ctx = await testContext();
  bestand = join(ctx.dir, 'een.csv');
  const rij = melding({ id: 'STIL-1', binnenkomst: '2019-01-01', vb: '2019-01-10' });
  writeFileSync(bestand, `${COLUMN_NAMES.join(';')}\n${COLUMN_NAMES.map((c) => rij[c] ?? '').join(';')}\n`);
});
afterAll(async () => {
  await ctx?.close();
});

function importeer(logLevel?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: ctx.databaseUrl };
  delete env.LOG_LEVEL;
  if (logLevel) env.LOG_LEVEL = logLevel;
  const p = spawn('node', [projectPath('bin', 'vt-monitor.js'), 'importeer', bestand], { env });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  p.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => p.on('close', (code) => resolve({ code, stdout, stderr })));
}

const jsonRegels = (tekst: string) => tekst.split('\n').filter((r) => r.trimStart().startsWith('{'));

describe('importeer as a child process', () => {
  it('without LOG_LEVEL: only Dutch lines, no JSON line on stdout or stderr', async () => {
    const r = await importeer();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nieuw: +1\n/);
    expect([jsonRegels(r.stdout), jsonRegels(r.stderr)]).toEqual([[], []]);
  });

  it('with LOG_LEVEL=info: the structured log line is there, on stderr', async () => {
    const r = await importeer('info');
    expect(r.code).toBe(0);
    expect(jsonRegels(r.stdout)).toEqual([]);
    const log = jsonRegels(r.stderr).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(log.map((l) => [l.level, l.msg])).toContainEqual([30, 'import']);
  });
});
