import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voegArchiefstukToe, zoekArchiefstuk } from '../../server/rapportage/archief-repository.js';
import { maakRapportdiensten, type Rapportdiensten } from '../../server/rapportage/service.js';
import { leesPidRuimte } from '../../server/shared/proces.js';
import { claimIsOver, instantieIsWeg } from '../../server/verzending/instantie.js';
import { maakMailer } from '../../server/verzending/mailer.js';
import { berichtIdVan, leesVerzendingen, verwerkWachtrij, type Verzendcontext } from '../../server/verzending/verzending.js';
import { claimVerzending, voegVerzendingenToe } from '../../server/verzending/verzendingen-repository.js';
import { up as markeerOudeClaims } from '../../migrations/20261207080100_mark_verzendclaims_klaar.js';
import { leesVerzendclaim } from '../../server/verzending/verzendclaims-repository.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { kop, startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * The lease of a delivery being sent: one whose sender is certainly gone, or whose lease ended, is
 * sent again; one of a live sender (another process on this machine, or any sender on another
 * host within its lease) is never touched. Real SMTP server; the archived PDF is a few bytes.
 */
let ctx: TestContext;
let smtp: TestSmtp;
let d: Rapportdiensten;
let c: Verzendcontext;

const ruimte = leesPidRuimte();
const dodePid = spawnSync('true').pid!;
const van = (host: string, ns: string, pid: number) => `${host}/${ns}/${pid}/abc123`;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await testContext();
  d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
  c = {
    rapportdiensten: d,
    mailer: maakMailer(smtp.url, 'VT <rapportages@vt.test>'),
    regioNaam: ctx.regio.naam,
    instantie: van(hostname(), ruimte, process.pid),
  };
});
afterAll(async () => {
  await d?.drukker.sluit();
  await ctx?.close();
  await smtp?.sluit();
});

describe('who holds a claim (6 holders)', () => {
  it('only a process of this machine and PID namespace that no longer runs is gone', () => {
    expect([
      instantieIsWeg(van(hostname(), ruimte, dodePid)),
      instantieIsWeg(van(hostname(), ruimte, process.ppid)),
      instantieIsWeg(van(hostname(), ruimte, process.pid)),
      instantieIsWeg(van('andere-host', ruimte, dodePid)),
      instantieIsWeg(van(hostname(), '1', dodePid)),
      instantieIsWeg(null),
    ]).toEqual([true, false, false, false, false, true]);
    const nu = '2026-12-07T10:00:00.000Z';
    expect([
      claimIsOver('2026-12-07T10:15:00.000Z', van('andere-host', ruimte, 1), nu),
      claimIsOver('2026-12-07T09:59:59.999Z', van('andere-host', ruimte, 1), nu),
      claimIsOver('2026-12-07T10:15:00.000Z', van(hostname(), ruimte, dodePid), nu),
    ]).toEqual([false, true, true]);
  });
});

describe('deliveries left bezig (4 rows, one round)', () => {
  it('sends again what a dead or expired sender left, never what a live one holds', async () => {
    await voegArchiefstukToe(
      ctx.db,
      {
        rapport: 'kwartaal',
        periode: '2026-Q3',
        gemeente: '',
        data_versie: null,
        definitieversie: null,
        gemaakt_op: new Date().toISOString(),
        gemaakt_door: 'test',
        kerncijfers: '[]',
      },
      Buffer.from('%PDF-1.4 klein'),
    );
    const stuk = (await zoekArchiefstuk(ctx.db, 'kwartaal', '2026-Q3'))!;
    const nu = new Date().toISOString();
    const straks = new Date(Date.now() + 10 * 60_000).toISOString();
    const net = new Date(Date.now() - 1000).toISOString();
    expect(await voegVerzendingenToe(ctx.db, stuk, ['levend@vt.test', 'dood@vt.test', 'verlopen@vt.test', 'elders@vt.test'], nu)).toBe(4);
    const rijen = (await leesVerzendingen(ctx.db)).sort((a, b) => a.id - b.id);
    const houders: [string, string][] = [
      [van(hostname(), ruimte, process.ppid), straks], // a live sender on this machine, within its lease
      [van(hostname(), ruimte, dodePid), straks], // a sender that died, lease not yet over
      [van('andere-host', ruimte, 4242), net], // another host's sender, lease over
      [van('andere-host', ruimte, 4242), straks], // another host's sender within its lease: cannot tell, wait
    ];
    for (const [i, [door, tot]] of houders.entries())
      expect(await claimVerzending(ctx.db, rijen[i]!, door, tot, berichtIdVan(rijen[i]!, 'vt.test'))).toBe(true);

    expect(await verwerkWachtrij(c)).toEqual({ verzonden: 2, mislukt: 0 });
    expect(smtp.berichten.map((b) => b.aan[0]).sort()).toEqual(['dood@vt.test', 'verlopen@vt.test']);
    const na = (await leesVerzendingen(ctx.db)).sort((a, b) => a.id - b.id);
    expect(na.map((v) => [v.email, v.status, v.bezig_door])).toEqual([
      ['levend@vt.test', 'bezig', houders[0]![0]],
      ['dood@vt.test', 'verzonden', null],
      ['verlopen@vt.test', 'verzonden', null],
      ['elders@vt.test', 'bezig', houders[3]![0]],
    ]);
    // sent with the Message-ID recorded when the row was first claimed
    const dood = smtp.berichten.find((b) => b.aan[0] === 'dood@vt.test')!;
    expect(kop(dood.ruw, 'Message-ID')).toBe(`<vt-verzending-${na[1]!.id}.${stuk.sha256.slice(0, 16)}@vt.test>`);
    // a second round sends nothing more
    expect(await verwerkWachtrij(c)).toEqual({ verzonden: 0, mislukt: 0 });
  });
});

describe('claims made before the claims were leases (migration 20261207080100)', () => {
  it('one whose report is archived is done; the crashed one (no archive) stays open, and counts as expired', async () => {
    await voegArchiefstukToe(
      ctx.db,
      {
        rapport: 'halfjaar',
        periode: '2026-H1',
        gemeente: '',
        data_versie: null,
        definitieversie: null,
        gemaakt_op: '2026-07-01T06:00:00.000Z',
        gemaakt_door: 'test',
        kerncijfers: '[]',
      },
      Buffer.from('%PDF-1.4 halfjaar'),
    );
    await ctx.db('verzendclaims').insert([
      { taak: 'halfjaar:2026-H1', door: '1234-abcdef', geclaimd_op: '2026-07-01T06:00:00.000Z' },
      { taak: 'jaar:2025', door: '1234-abcdef', geclaimd_op: '2026-01-01T06:00:00.000Z' },
    ]);
    await markeerOudeClaims(ctx.db);
    const klaar = (await leesVerzendclaim(ctx.db, 'halfjaar:2026-H1'))!;
    const open = (await leesVerzendclaim(ctx.db, 'jaar:2025'))!;
    expect([klaar.klaar_op, open.klaar_op, open.verloopt_op]).toEqual(['2026-07-01T06:00:00.000Z', null, null]);
    expect(claimIsOver(open.verloopt_op, open.door, new Date().toISOString())).toBe(true);
  });
});
