import { spawn } from 'node:child_process';

export interface Afloop {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface DraaiOpties {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a command to its end without blocking this test worker's event loop, as spawnSync would:
 * a blocked worker cannot time a test out nor report to vitest's main process (under vitest 3, whose
 * worker RPC had a 60-second timeout, that failed whole runs with "Timeout calling onTaskUpdate").
 */
export function draai(command: string, args: readonly string[], opties: DraaiOpties = {}): Promise<Afloop> {
  return new Promise((resolve, reject) => {
    const kind = spawn(command, args, { env: opties.env ?? process.env, cwd: opties.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const uit: Buffer[] = [];
    const fout: Buffer[] = [];
    kind.stdout.on('data', (b: Buffer) => uit.push(b));
    kind.stderr.on('data', (b: Buffer) => fout.push(b));
    kind.on('error', reject);
    kind.on('close', (status, signal) =>
      resolve({ status, signal, stdout: Buffer.concat(uit).toString('utf8'), stderr: Buffer.concat(fout).toString('utf8') }),
    );
  });
}

/** As `draai`, for a command that must succeed: its stdout, or an error carrying its stderr. */
export async function draaiOk(command: string, args: readonly string[], opties: DraaiOpties = {}): Promise<string> {
  const a = await draai(command, args, opties);
  if (a.status !== 0) throw new Error(`${command} ${args.join(' ')} eindigde met ${a.status ?? a.signal}:\n${a.stderr}`);
  return a.stdout;
}
