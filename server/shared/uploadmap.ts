/**
 * The temp folders of uploads through the web (`vt-upload-<pid namespace>-<pid>-*` in TMPDIR).
 * A server killed during an upload leaves its folder behind, and so does a normal stop; the next
 * start removes such folders: only ours (our prefix, our user, a directory), only older than this
 * process's start, and only of a process that is certainly gone (proces.ts), so a server that runs
 * beside this one keeps its folder.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leesPidRuimte, procesIsZekerWeg } from './proces.js';

const VOORVOEGSEL = 'vt-upload-';

/** A new upload folder of this process. */
export function maakUploadMap(map = tmpdir()): string {
  return mkdtempSync(join(map, `${VOORVOEGSEL}${leesPidRuimte()}-${process.pid}-`));
}

/**
 * Removes the upload folders left by VT Monitor processes that are gone; returns their names.
 * A folder of before the pid was in its name (`vt-upload-XXXXXX`) stays: a server of an older
 * version may still be using it, and nothing in it tells.
 */
export function ruimOudeUploadsOp(map = tmpdir(), gestartOp = Date.now() - process.uptime() * 1000): string[] {
  let namen: string[];
  try {
    namen = readdirSync(map);
  } catch {
    return [];
  }
  const weg: string[] = [];
  for (const naam of namen) {
    if (!naam.startsWith(VOORVOEGSEL)) continue;
    const pad = join(map, naam);
    try {
      const st = lstatSync(pad);
      if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid()) || st.mtimeMs >= gestartOp) continue;
      const eigenaar = /^vt-upload-(\w+)-(\d+)-\w+$/.exec(naam);
      if (!eigenaar || !procesIsZekerWeg(eigenaar[1]!, Number(eigenaar[2]))) continue;
      rmSync(pad, { recursive: true, force: true });
      weg.push(naam);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return weg.sort();
}
