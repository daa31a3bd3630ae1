/**
 * Whether a process that left something behind (a claim, a temp folder) is certainly gone. Only
 * a process of this machine's own PID namespace can be checked; anything less certain (another
 * host, another container, a pid now reused by another program) counts as alive.
 */
import { readlinkSync } from 'node:fs';

/** The PID namespace of this process (`/proc/self/ns/pid`), '-' where there is none to read. */
export function leesPidRuimte(): string {
  try {
    return readlinkSync('/proc/self/ns/pid').replace(/\D/g, '') || '-';
  } catch {
    return '-';
  }
}

/** True only when `pid` of namespace `ruimte` is another process of our namespace that no longer runs. */
export function procesIsZekerWeg(ruimte: string, pid: number): boolean {
  if (ruimte === '-' || ruimte !== leesPidRuimte() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
