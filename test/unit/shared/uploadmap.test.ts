import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leesPidRuimte } from '../../../server/shared/proces.js';
import { maakUploadMap, ruimOudeUploadsOp } from '../../../server/shared/uploadmap.js';

/**
 * Start-up clean-up of upload folders: what a killed (or stopped) server left goes, and nothing
 * else: not a live process's folder, not one made after this start, not another program's.
 */
const map = mkdtempSync(join(tmpdir(), 'vt-uploadmap-test-'));
afterAll(() => rmSync(map, { recursive: true, force: true }));

/** A pid that certainly ran and has ended: a child process that exited. */
const dodePid = () => spawnSync('true').pid!;

function maak(naam: string, ouderdomMs: number, bestand = true): void {
  const pad = join(map, naam);
  mkdirSync(pad);
  if (bestand) writeFileSync(join(pad, 'upload.csv'), 'half');
  const t = new Date(Date.now() - ouderdomMs);
  utimesSync(pad, t, t);
}

describe('ruimOudeUploadsOp (7 folders and a file, one start)', () => {
  it('removes only the folders of VT Monitor processes that are gone, older than the start', () => {
    const ruimte = leesPidRuimte();
    const dood = dodePid();
    const start = Date.now() - 60_000;
    maak(`vt-upload-${ruimte}-${dood}-aaaaaa`, 120_000); // a killed server: goes
    maak('vt-upload-Zq81xa', 120_000); // the old name, without pid: an older version may use it, stays
    maak(`vt-upload-${ruimte}-${process.pid}-bbbbbb`, 120_000); // this live process: stays
    maak(`vt-upload-${ruimte}-${process.ppid}-cccccc`, 120_000); // another live process: stays
    maak(`vt-upload-${ruimte}-${dood}-dddddd`, 1_000); // made after the start: stays
    maak(`vt-upload-1-${dood}-eeeeee`, 120_000); // another PID namespace: cannot tell, stays
    maak('vt-uploads-van-iemand-anders', 120_000, false); // not ours: stays
    writeFileSync(join(map, 'vt-upload-ffffff'), 'een bestand, geen map');
    utimesSync(join(map, 'vt-upload-ffffff'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));

    expect(ruimOudeUploadsOp(map, start)).toEqual([`vt-upload-${ruimte}-${dood}-aaaaaa`]);
    expect(readdirSync(map).sort()).toEqual(
      [
        `vt-upload-${ruimte}-${process.pid}-bbbbbb`,
        `vt-upload-${ruimte}-${process.ppid}-cccccc`,
        `vt-upload-${ruimte}-${dood}-dddddd`,
        `vt-upload-1-${dood}-eeeeee`,
        'vt-upload-Zq81xa',
        'vt-upload-ffffff',
        'vt-uploads-van-iemand-anders',
      ].sort(),
    );
  });

  it('a folder of this process is named with its pid namespace and pid, and survives a clean-up', () => {
    const apart = join(map, 'apart');
    mkdirSync(apart);
    const eigen = maakUploadMap(apart);
    expect(eigen).toMatch(new RegExp(`/vt-upload-${leesPidRuimte()}-${process.pid}-\\w{6}$`));
    expect(ruimOudeUploadsOp(apart, Date.now() + 60_000)).toEqual([]);
    expect(readdirSync(apart)).toHaveLength(1);
  });
});
