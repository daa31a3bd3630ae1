/**
 * Who holds a claim: `host/pid-namespace/pid/random`. A claim holds until its lease ends, except
 * when its holder is certainly gone: same host, same PID namespace, and no process with its pid.
 * That is what lets a server restarted after a crash resume at once instead of after the lease;
 * anything less certain (another host, another container, a pid now reused) waits for the lease.
 */
import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

function pidRuimte(): string {
  try {
    return readlinkSync('/proc/self/ns/pid').replace(/\D/g, '') || '-';
  } catch {
    return '-';
  }
}

export function maakInstantie(): string {
  return `${hostname()}/${pidRuimte()}/${process.pid}/${randomBytes(3).toString('hex')}`;
}

/** True only when the holder is certainly gone (see above); null (a claim of before the leases) counts as gone. */
export function instantieIsWeg(door: string | null): boolean {
  if (door === null) return true;
  const [host, ruimte, pidTekst] = door.split('/');
  const pid = Number(pidTekst);
  if (host !== hostname() || ruimte === '-' || ruimte !== pidRuimte() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A claim (or lease) is over when its time has passed, or its holder is certainly gone. */
export function claimIsOver(tot: string | null, door: string | null, nu: string): boolean {
  return tot === null || tot <= nu || instantieIsWeg(door);
}
