/**
 * Who holds a claim: `host/pid-namespace/pid/random`. A claim holds until its lease ends, except
 * when its holder is certainly gone: same host, same PID namespace, and no process with its pid.
 * That is what lets a server restarted after a crash resume at once instead of after the lease;
 * anything less certain (another host, another container, a pid now reused) waits for the lease.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { leesPidRuimte, procesIsZekerWeg } from '../shared/proces.js';

export function maakInstantie(): string {
  return `${hostname()}/${leesPidRuimte()}/${process.pid}/${randomBytes(3).toString('hex')}`;
}

/** True only when the holder is certainly gone (see above); null (a claim of before the leases) counts as gone. */
export function instantieIsWeg(door: string | null): boolean {
  if (door === null) return true;
  const [host, ruimte, pid] = door.split('/');
  return host === hostname() && ruimte !== undefined && procesIsZekerWeg(ruimte, Number(pid));
}

/** A claim (or lease) is over when its time has passed, or its holder is certainly gone. */
export function claimIsOver(tot: string | null, door: string | null, nu: string): boolean {
  return tot === null || tot <= nu || instantieIsWeg(door);
}
