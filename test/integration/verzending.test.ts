import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakContext, type AppContext } from '../../server/context.js';
import { archiefstuk, leesArchief } from '../../server/rapportage/archief-service.js';
import { bewaarDuiding } from '../../server/rapportage/duiding-service.js';
import { maakRapportdiensten, type Rapportdiensten } from '../../server/rapportage/service.js';
import { maakMailer } from '../../server/verzending/mailer.js';
import { controleerOntvanger, voegOntvangerToe } from '../../server/verzending/ontvangers.js';
import { automatischeRonde } from '../../server/verzending/planner.js';
import { leesVerzendingen, planVerzending, verwerkWachtrij, type Verzendcontext } from '../../server/verzending/verzending.js';
import { sha256 } from '../../server/rapportage/archief-service.js';
import { sessieAls, startServer } from '../helpers/server.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { pdfPaginas } from '../helpers/pdf.js';
import { advies, melding } from '../helpers/registraties.js';
import { bijlagen, kop, startSmtp, tekstVan, type TestSmtp } from '../helpers/smtp.js';

/**
 * Delivery by e-mail through a real SMTP server in the test process: the board's report to its
 * recipients, each gemeente's factsheet to that gemeente's; the attachment is the archived PDF
 * byte for byte; nothing twice; a refused delivery is retried with back-off; two app instances
 * on one database send the automatic delivery once.
 */
const run = promisify(execFile);
let ctx: TestContext;
let smtp: TestSmtp;
let d: Rapportdiensten;
let c: Verzendcontext;
const AFZENDER = 'Veilig Thuis Gelderland-Zuid <rapportages@vt.test>';

const cli = (...args: string[]) =>
  run('node', ['bin/vt-monitor.js', ...args], {
    env: { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', SMTP_URL: smtp.url, MAIL_AFZENDER: AFZENDER },
    encoding: 'utf8',
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const ontvanger = async (email: string, rapport: string, gemeente?: string) =>
  voegOntvangerToe(ctx.db, controleerOntvanger(ctx.regio, { email, rapport, gemeente }), 'test');
const definitief = (periode: string) =>
  bewaarDuiding(
    ctx.db,
    { soort: periode.includes('Q') ? 'kwartaal' : periode.includes('H') ? 'halfjaar' : 'jaar', periode } as never,
    [{ sectie: 'voorlegger', tekst: `De cijfers van ${periode} in het kort.`, definitief: true }],
    'manager@vt.test',
    new Date().toISOString(),
  );

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await testContext('2026-11-22');
  await importeerRijen(ctx, [
    ...[1, 2, 3].map(() => melding({ binnenkomst: '2026-07-06', vb: '2026-07-07' })),
    melding({ binnenkomst: '2026-08-03', vb: '2026-08-20', gemeente: 'GM0281' }),
    advies({ binnenkomst: '2026-07-08' }),
    advies({ binnenkomst: '2026-09-01' }),
  ]);
  d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
  c = { rapportdiensten: d, mailer: maakMailer(smtp.url, AFZENDER), regioNaam: ctx.regio.naam };
}, 120_000);

afterAll(async () => {
  await d?.drukker.sluit();
  await ctx?.close();
  await smtp?.sluit();
});

describe('ontvangers and verzend on the command line', () => {
  it('adds, lists and removes recipients, with Dutch errors', async () => {
    expect((await cli('ontvangers', 'toevoegen', '--rapport', 'kwartaal', 'Bestuur@GGD.test')).stdout).toContain(
      'Toegevoegd: bestuur@ggd.test ontvangt de kwartaalrapportage',
    );
    expect((await cli('ontvangers', 'toevoegen', '--rapport', 'factsheet', '--gemeente', 'GM0268', 'raad@nijmegen.test')).stdout).toContain(
      'factsheet van Nijmegen',
    );
    await cli('ontvangers', 'toevoegen', '--rapport', 'halfjaar', 'weg@ggd.test');
    const fout = await cli('ontvangers', 'toevoegen', '--rapport', 'factsheet', 'x@y.test');
    expect(fout.code).toBe(1);
    expect(fout.stderr).toContain('Een factsheet-ontvanger hoort bij een gemeente van de regio');
    expect((await cli('ontvangers', 'toevoegen', '--rapport', 'maand', 'x@y.test')).stderr).toContain('Onbekende rapportage voor een ontvanger: maand');
    expect((await cli('ontvangers', 'toevoegen', '--rapport', 'jaar', 'geen-adres')).stderr).toContain('Ongeldig e-mailadres: geen-adres');
    expect((await cli('ontvangers', 'verwijder', 'weg@ggd.test')).stdout).toContain('Verwijderd: weg@ggd.test');
    const lijst = JSON.parse((await cli('ontvangers', 'lijst', '--json')).stdout) as unknown[];
    expect(lijst).toEqual([
      { email: 'raad@nijmegen.test', rapport: 'factsheet', gemeente: 'GM0268' },
      { email: 'bestuur@ggd.test', rapport: 'kwartaal', gemeente: null },
    ]);
  }, 180_000);

  it('verzend refuses while the duiding is not definitief (exit 1, Dutch), and sends nothing', async () => {
    const r = await cli('verzend', '--kwartaal', '2026-Q3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('De duiding van de kwartaalrapportage Q3 2026 is nog niet definitief: er is niets verzonden.');
    expect(smtp.berichten).toEqual([]);
    expect(await leesArchief(ctx.db)).toEqual([]);
  }, 60_000);

  it('verzend --concept sends the live report marked CONCEPT, archives nothing', async () => {
    const r = await cli('verzend', '--kwartaal', '2026-Q3', '--concept');
    expect(r.stdout).toContain('Verzonden: 2; mislukt: 0');
    const bestuur = smtp.berichten.find((b) => b.aan.includes('bestuur@ggd.test'))!;
    expect(kop(bestuur.ruw, 'Subject')).toBe('CONCEPT — Kwartaalrapportage Q3 2026 — Veilig Thuis Gelderland-Zuid');
    const [pdf] = bijlagen(bestuur.ruw);
    expect((await pdfPaginas(new Uint8Array(pdf!.inhoud), false)).every((p) => p.startsWith('CONCEPT — '))).toBe(true);
    expect(await leesArchief(ctx.db)).toEqual([]);
    smtp.berichten.length = 0;
  }, 120_000);
});

describe('delivery of a definitief report', () => {
  it("the board receives the report, Nijmegen's council its factsheet: the attachment is the archived PDF", async () => {
    await definitief('2026-Q3');
    const r = await cli('verzend', '--kwartaal', '2026-Q3');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Verzonden: 2; mislukt: 0');
    expect(smtp.berichten.map((b) => b.aan).sort()).toEqual([['bestuur@ggd.test'], ['raad@nijmegen.test']]);
    const rapport = (await archiefstuk(ctx.db, 'kwartaal', '2026-Q3'))!;
    const nijmegen = (await archiefstuk(ctx.db, 'factsheet', '2026-Q3', 'GM0268'))!;
    const bestuur = smtp.berichten.find((b) => b.aan[0] === 'bestuur@ggd.test')!;
    expect(bestuur.van).toBe('rapportages@vt.test');
    expect(kop(bestuur.ruw, 'Subject')).toBe('Kwartaalrapportage Q3 2026 — Veilig Thuis Gelderland-Zuid');
    const [bijlage] = bijlagen(bestuur.ruw);
    expect(bijlage).toMatchObject({ naam: 'kwartaalrapportage-2026-Q3.pdf', type: 'application/pdf' });
    expect(sha256(bijlage!.inhoud)).toBe(rapport.sha256);
    const tekst = tekstVan(bestuur.ruw);
    expect(tekst).toContain('In de bijlage vindt u de kwartaalrapportage Q3 2026 van Veilig Thuis Gelderland-Zuid.');
    expect(tekst).toContain('- Adviezen: 2\n- Meldingen: 4\n- VB binnen 5 werkdagen: 75,0%');

    const raad = smtp.berichten.find((b) => b.aan[0] === 'raad@nijmegen.test')!;
    expect(kop(raad.ruw, 'Subject')).toBe('Factsheet Nijmegen Q3 2026 — Veilig Thuis Gelderland-Zuid');
    const [fs] = bijlagen(raad.ruw);
    expect(fs!.naam).toBe('factsheet-nijmegen-GM0268-2026-Q3.pdf');
    expect(sha256(fs!.inhoud)).toBe(nijmegen.sha256);
    expect((await pdfPaginas(new Uint8Array(fs!.inhoud), false)).join(' ')).toContain('Nijmegen');

    const log = await leesVerzendingen(ctx.db, { status: ['verzonden'] });
    const bord = log.find((v) => v.email === 'bestuur@ggd.test' && v.concept === 0)!;
    expect(bord).toMatchObject({ rapport: 'kwartaal', periode: '2026-Q3', sha256: rapport.sha256, pogingen: 1 });
    expect(bord.smtp_antwoord).toContain('250');
    expect(bord.verzonden_op).toMatch(/^2\d{3}-/);
  }, 120_000);

  it('nothing is sent twice: verzend again, and a recipient added later gets only what it did not have', async () => {
    smtp.berichten.length = 0;
    expect((await cli('verzend', '--kwartaal', '2026-Q3')).stdout).toContain('Niets te verzenden');
    expect(smtp.berichten).toEqual([]);
    await ontvanger('tweede@ggd.test', 'kwartaal');
    await planVerzending(d, { soort: 'kwartaal', periode: '2026-Q3' }, 'test');
    expect(await verwerkWachtrij(c)).toEqual({ verzonden: 1, mislukt: 0 });
    expect(smtp.berichten.map((b) => b.aan[0])).toEqual(['tweede@ggd.test']);
  }, 60_000);

  it('a refused delivery is retried with back-off, shown as mislukt until then, and sent once', async () => {
    smtp.berichten.length = 0;
    smtp.weiger.add('vol@ggd.test');
    await ontvanger('vol@ggd.test', 'kwartaal');
    await planVerzending(d, { soort: 'kwartaal', periode: '2026-Q3' }, 'test');
    const t0 = new Date().toISOString();
    expect(await verwerkWachtrij(c, t0)).toEqual({ verzonden: 0, mislukt: 1 });
    const [mislukt] = await leesVerzendingen(ctx.db, { status: ['mislukt'] });
    expect(mislukt).toMatchObject({ email: 'vol@ggd.test', pogingen: 1 });
    expect(mislukt!.smtp_antwoord).toContain('550');
    expect(Date.parse(mislukt!.volgende_poging!) - Date.parse(t0)).toBe(60_000);
    // not due yet: nothing happens
    expect(await verwerkWachtrij(c, t0)).toEqual({ verzonden: 0, mislukt: 0 });
    smtp.weiger.delete('vol@ggd.test');
    expect(await verwerkWachtrij(c, new Date(Date.parse(t0) + 61_000).toISOString())).toEqual({ verzonden: 1, mislukt: 0 });
    expect(smtp.berichten.map((b) => b.aan[0])).toEqual(['vol@ggd.test']);
    expect((await leesVerzendingen(ctx.db)).find((v) => v.email === 'vol@ggd.test')).toMatchObject({ status: 'verzonden', pogingen: 2 });
  }, 60_000);
});

describe('automatic delivery (VERZEND_AUTOMATISCH=aan) with two app instances on one database', () => {
  let tweede: AppContext;
  afterAll(async () => {
    await tweede?.db.destroy();
  });

  it('the reports of a closed period whose duiding is definitief are sent once, by one instance', async () => {
    smtp.berichten.length = 0;
    await ontvanger('halfjaar@ggd.test', 'halfjaar');
    await ontvanger('jaar@ggd.test', 'jaar');
    await definitief('2026-H1'); // closed on 30 June
    await definitief('2026'); // not closed before 31 December: not sent
    tweede = await maakContext({ DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', vandaag: ctx.vandaag });
    const d2 = maakRapportdiensten({ db: tweede.db, regio: tweede.regio, vandaag: tweede.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
    const c2: Verzendcontext = { rapportdiensten: d2, mailer: maakMailer(smtp.url, AFZENDER), regioNaam: tweede.regio.naam };
    try {
      const [a, b] = await Promise.all([automatischeRonde(c, 'een', ctx.vandaag()), automatischeRonde(c2, 'twee', tweede.vandaag())]);
      // Q3 2026 (sent by hand before) is claimed too, but its recipients already have it
      expect([...a, ...b].sort()).toEqual(['halfjaar:2026-H1', 'kwartaal:2026-Q3']);
      expect(a.filter((t) => b.includes(t))).toEqual([]);
      // a second round of both sends nothing more
      await Promise.all([automatischeRonde(c, 'een', ctx.vandaag()), automatischeRonde(c2, 'twee', tweede.vandaag())]);
    } finally {
      await d2.drukker.sluit();
    }
    expect(smtp.berichten.map((m) => m.aan[0])).toEqual(['halfjaar@ggd.test']);
    expect(kop(smtp.berichten[0]!.ruw, 'Subject')).toBe('Halfjaarrapportage H1 2026 — Veilig Thuis Gelderland-Zuid');
    expect(sha256(bijlagen(smtp.berichten[0]!.ruw)[0]!.inhoud)).toBe((await archiefstuk(ctx.db, 'halfjaar', '2026-H1'))!.sha256);
  }, 120_000);
});

describe('/beheer/verzending', () => {
  it('the beheerder adds and removes recipients and sees a failed delivery with the SMTP answer', async () => {
    const { server, base } = await startServer(ctx);
    try {
      const beheerder = await sessieAls(ctx, 'beheerder');
      const post = (pad: string, velden: Record<string, string>) =>
        beheerder.fetch(`${base}${pad}`, { method: 'POST', body: new URLSearchParams({ _csrf: beheerder.csrf, ...velden }), redirect: 'manual' });
      expect((await post('/beheer/ontvangers', { email: 'kapot@ggd.test', rapport: 'kwartaal' })).status).toBe(303);
      const fout = await post('/beheer/ontvangers', { email: 'x@y.test', rapport: 'factsheet', gemeente: '' });
      expect(fout.status).toBe(400);
      expect(await fout.text()).toContain('Een factsheet-ontvanger hoort bij een gemeente van de regio');
      smtp.weiger.add('kapot@ggd.test');
      await planVerzending(d, { soort: 'kwartaal', periode: '2026-Q3' }, 'test');
      await verwerkWachtrij(c);
      const pagina = await (await beheerder.fetch(`${base}/beheer/verzending`)).text();
      const mislukt = pagina.slice(pagina.indexOf('verzendingen-mislukt'), pagina.indexOf('<h2 class="utrecht-heading-2">Ontvangers'));
      expect(mislukt).toContain('kapot@ggd.test');
      expect(mislukt).toContain('550');
      expect(pagina).toContain('raad@nijmegen.test');
      expect((await post('/beheer/ontvangers/verwijder', { email: 'kapot@ggd.test' })).status).toBe(303);
      const lijst = await (await beheerder.fetch(`${base}/beheer/verzending`)).text();
      expect(lijst).not.toContain('Verwijder kapot@ggd.test');
      const bestuur = await sessieAls(ctx, 'bestuur');
      expect((await bestuur.fetch(`${base}/beheer/verzending`)).status).toBe(403);
    } finally {
      server.close();
    }
  }, 60_000);
});
