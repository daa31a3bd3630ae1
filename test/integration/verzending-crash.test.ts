import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { leesArchief } from '../../server/rapportage/archief-service.js';
import { bewaarDuiding } from '../../server/rapportage/duiding-service.js';
import { leesPidRuimte } from '../../server/shared/proces.js';
import type { Sterfpunt } from '../../server/shared/sterfpunt.js';
import { controleerOntvanger, voegOntvangerToe } from '../../server/verzending/ontvangers.js';
import { leesVerzendclaim } from '../../server/verzending/verzendclaims-repository.js';
import { leesVerzendingen } from '../../server/verzending/verzending.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { kop, startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * Crash safety of the automatic delivery, attacked with the real server: `vt-monitor start` with
 * VERZEND_AUTOMATISCH=aan is killed with SIGKILL by itself at each named step of the delivery
 * (VT_TEST_STERF_BIJ, server/shared/sterfpunt.ts), then started again, one kill after another, on
 * one database; a real SMTP server counts what arrives. After the last restart the archive holds
 * the report and each factsheet once, and every recipient has the mail once, except the one
 * message killed between the SMTP server's acceptance and its record (`na_smtp`): that one
 * arrives twice, with one Message-ID (the documented residual window).
 *
 * Every kill also attacks the browser: the server's Chromium (recognised by the server's own
 * TMPDIR in its profile path) must be gone within 5 s of its parent's SIGKILL. And the upload
 * folder each killed server leaves in its TMPDIR is gone after the next start.
 */
const CLI = projectPath('bin', 'vt-monitor.js');
const AFZENDER = 'Veilig Thuis Test <rapportages@vt.test>';
const KETEN: Sterfpunt[] = ['na_claim', 'na_factsheet', 'na_archief', 'na_wachtrij', 'na_bezig', 'tijdens_smtp', 'na_smtp', 'na_verzonden'];
const ONTVANGERS = ['bestuur-a@vt.test', 'bestuur-b@vt.test', 'raad@nijmegen.test'];

let ctx: TestContext;
let smtp: TestSmtp;
let tmp: string;
let regioMap: string;

/** The pids of running processes whose command line names `pad` (Chromium's profile lives under the server's TMPDIR). */
function processenMet(pad: string): number[] {
  const pids: number[] = [];
  for (const naam of readdirSync('/proc')) {
    if (!/^\d+$/.test(naam)) continue;
    try {
      const cmd = readFileSync(`/proc/${naam}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${naam}/stat`, 'utf8');
      // a zombie (state Z) has ended; its parent has not collected it yet
      if (cmd.includes(pad) && !/^\d+ \(.*\) Z/.test(stat)) pids.push(Number(naam));
    } catch {
      // ended while we looked
    }
  }
  return pids;
}

interface Loop {
  signaal: string | null;
  code: number | null;
  stderr: string;
  /** the most browser processes seen at once while the server ran */
  chromiumMax: number;
}

/**
 * Runs the server until it kills itself at `stap`, or (without) until `klaar` holds; then stops
 * it with SIGTERM. Watches its Chromium processes the whole time.
 */
async function draai(stap: Sterfpunt | null, klaar?: () => Promise<boolean>): Promise<Loop> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    DATABASE_URL: ctx.databaseUrl,
    REGIO_BESTAND: ctx.env.REGIO_BESTAND,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_MODUS: 'uit',
    SMTP_URL: smtp.url,
    MAIL_AFZENDER: AFZENDER,
    VERZEND_AUTOMATISCH: 'aan',
  };
  delete env.VT_TEST_STERF_BIJ;
  if (stap) env.VT_TEST_STERF_BIJ = stap;
  const p = spawn('node', [CLI, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let klaarVoor = false;
  const einde = new Promise<{ code: number | null; signaal: string | null }>((r) =>
    p.on('exit', (code, signaal) => {
      klaarVoor = true;
      r({ code, signaal });
    }),
  );
  let chromiumMax = 0;
  const tot = Date.now() + 150_000;
  while (!klaarVoor && Date.now() < tot) {
    chromiumMax = Math.max(chromiumMax, processenMet(tmp).length);
    if (klaar && (await klaar())) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!klaarVoor) p.kill('SIGTERM');
  const { code, signaal } = await einde;
  return { code, signaal, stderr, chromiumMax };
}

/** Browser processes of the killed server still running after up to 5 s. */
async function chromiumNa5s(): Promise<number> {
  const tot = Date.now() + 5_000;
  while (processenMet(tmp).length > 0 && Date.now() < tot) await new Promise((r) => setTimeout(r, 100));
  return processenMet(tmp).length;
}

const perOntvanger = () => Object.fromEntries(ONTVANGERS.map((o) => [o, smtp.berichten.filter((b) => b.aan.includes(o)).length]));

beforeAll(async () => {
  smtp = await startSmtp();
  // a region of two gemeenten: a quarter is three PDFs (the report and two factsheets)
  const regio = JSON.parse(readFileSync(projectPath('config', 'regio', 'gelderland-zuid.json'), 'utf8')) as {
    gemeenten: { code: string }[];
    voormaligeGemeenten?: unknown[];
  };
  regio.gemeenten = regio.gemeenten.filter((g) => ['GM0268', 'GM0281'].includes(g.code));
  regio.voormaligeGemeenten = [];
  regioMap = mkdtempSync(join(tmpdir(), 'vt-regio-'));
  writeFileSync(join(regioMap, 'regio.json'), JSON.stringify(regio));
  ctx = await testContext('2026-11-22', { REGIO_BESTAND: join(regioMap, 'regio.json') });
  tmp = join(ctx.dir, 'tmp');
  mkdirSync(tmp);
  await importeerRijen(ctx, [
    melding({ binnenkomst: '2026-07-06', vb: '2026-07-07' }),
    melding({ binnenkomst: '2026-08-03', vb: '2026-08-20', gemeente: 'GM0281' }),
  ]);
  for (const email of ONTVANGERS.slice(0, 2)) await voegOntvangerToe(ctx.db, controleerOntvanger(ctx.regio, { email, rapport: 'kwartaal' }), 'test');
  await voegOntvangerToe(ctx.db, controleerOntvanger(ctx.regio, { email: ONTVANGERS[2], rapport: 'factsheet', gemeente: 'GM0268' }), 'test');
  await bewaarDuiding(
    ctx.db,
    { soort: 'kwartaal', periode: '2026-Q3' } as never,
    [{ sectie: 'voorlegger', tekst: 'Het derde kwartaal in het kort.', definitief: true }],
    'manager@vt.test',
    new Date().toISOString(),
  );
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await smtp?.sluit();
  rmSync(regioMap, { recursive: true, force: true });
});

describe(`delivery survives a SIGKILL of the real server at each of ${KETEN.length} steps, restarted after each`, () => {
  const archief = async () => (await leesArchief(ctx.db, { periode: '2026-Q3' })).map((s) => `${s.rapport}:${s.gemeente}`).sort();
  const rijen = async () => (await leesVerzendingen(ctx.db)).sort((a, b) => a.id - b.id);

  it('each kill lands at its step, leaves no browser behind, and the restart resumes', async () => {
    const chromiumTijdensKill: Record<string, number> = {};
    // upload folders: one of a server that was killed before (goes at the next start), one of a live process (stays)
    const oud = new Date(Date.now() - 3_600_000);
    const dood = join(tmp, `vt-upload-${leesPidRuimte()}-${spawnSync('true').pid}-oud123`);
    const levend = `vt-upload-${leesPidRuimte()}-${process.pid}-levend`;
    for (const map of [dood, join(tmp, levend)]) {
      mkdirSync(map);
      writeFileSync(join(map, 'half.csv'), 'half');
      utimesSync(map, oud, oud);
    }
    const uploadmappen = () =>
      readdirSync(tmp)
        .filter((n) => n.startsWith('vt-upload-'))
        .sort();
    for (const stap of KETEN) {
      const voor = uploadmappen();
      const loop = await draai(stap);
      expect([stap, loop.signaal, loop.stderr.replace(/^VT Monitor draait op.*\n/m, '')]).toEqual([stap, 'SIGKILL', '']);
      // the start removed what the killed servers before it left; it made one of its own
      const na = uploadmappen();
      expect([stap, na.length, na.includes(levend), na.filter((n) => voor.includes(n) && n !== levend)]).toEqual([stap, 2, true, []]);
      chromiumTijdensKill[stap] = loop.chromiumMax;
      expect([stap, await chromiumNa5s()]).toEqual([stap, 0]);
      const claim = await leesVerzendclaim(ctx.db, 'kwartaal:2026-Q3');
      const r = await rijen();
      const status = r.map((v) => v.status).join(',');
      // what each kill left behind: proof that it struck at the step it names
      if (stap === 'na_claim') expect([claim?.klaar_op, await archief(), r.length, smtp.berichten.length]).toEqual([null, [], 0, 0]);
      if (stap === 'na_factsheet') expect([claim?.klaar_op, (await archief()).length, r.length]).toEqual([null, 1, 0]);
      if (stap === 'na_archief') expect([claim?.klaar_op, await archief(), r.length]).toEqual([null, ['factsheet:GM0268', 'factsheet:GM0281', 'kwartaal:'], 0]);
      if (stap === 'na_wachtrij') expect([typeof claim?.klaar_op, status, smtp.berichten.length]).toEqual(['string', 'wacht,wacht,wacht', 0]);
      if (stap === 'na_bezig' || stap === 'tijdens_smtp') expect([stap, status, smtp.berichten.length]).toEqual([stap, 'bezig,wacht,wacht', 0]);
      if (stap === 'na_smtp') expect([status, smtp.berichten.length]).toEqual(['bezig,wacht,wacht', 1]);
      if (stap === 'na_verzonden') expect([status, smtp.berichten.length]).toEqual(['verzonden,wacht,wacht', 2]);
    }
    // Chromium ran (and was killed with its parent) while the PDFs were being archived
    expect(chromiumTijdensKill.na_factsheet).toBeGreaterThan(0);
    expect(chromiumTijdensKill.na_archief).toBeGreaterThan(0);

    const laatste = await draai(null, async () => (await rijen()).every((v) => v.status === 'verzonden'));
    expect([laatste.signaal ?? laatste.code, laatste.stderr.replace(/^VT Monitor draait op.*\n/m, '')]).toEqual([0, '']);

    // the archive: the report and each factsheet once; nothing else of the period
    expect(await archief()).toEqual(['factsheet:GM0268', 'factsheet:GM0281', 'kwartaal:']);
    const r = await rijen();
    expect(r.map((v) => [v.email, v.status, v.pogingen])).toEqual([
      [r[0]!.email, 'verzonden', 1],
      [r[1]!.email, 'verzonden', 1],
      [r[2]!.email, 'verzonden', 1],
    ]);
    // what the SMTP server received: everyone once, except the message killed after its acceptance
    const tweemaal = r[0]!.email;
    expect(perOntvanger()).toEqual(Object.fromEntries(ONTVANGERS.map((o) => [o, o === tweemaal ? 2 : 1])));
    // that one twice with one Message-ID, the one recorded on its delivery: recognisably the same message
    const ids = smtp.berichten.filter((b) => b.aan.includes(tweemaal)).map((b) => kop(b.ruw, 'Message-ID'));
    expect(ids).toEqual([r[0]!.bericht_id, r[0]!.bericht_id]);
    expect(new Set(smtp.berichten.map((b) => kop(b.ruw, 'Message-ID'))).size).toBe(3);
    // a kill during a session resets its socket; the SMTP server saw nothing else go wrong
    const codes = smtp.verbindingsfouten.map((f) => (f as NodeJS.ErrnoException).code);
    expect(codes.filter((c) => c !== 'ECONNRESET')).toEqual([]);
  }, 900_000);
});
