import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leesAudit } from '../../server/audit/repository.js';
import { archiefPdf, leesArchief, sha256 } from '../../server/rapportage/archief-service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { pdfPaginas } from '../helpers/pdf.js';
import { melding, advies } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';
import { voegArchiefstukToe } from '../../server/rapportage/archief-repository.js';
import { leesVerzendingen, markeerMislukt, markeerVerzonden, voegVerzendingenToe } from '../../server/verzending/verzendingen-repository.js';

/**
 * The duiding is signed off in one form; a report whose duiding is definitief is archived once,
 * byte for byte, and a later import changes the live report but never the archived PDF.
 */
let ctx: TestContext;
let server: Server;
let base: string;
let sessie: Sessie;

beforeAll(async () => {
  ctx = await testContext('2026-11-22');
  await importeerRijen(ctx, [
    ...[1, 2, 3].map(() => melding({ binnenkomst: '2026-01-05', vb: '2026-01-06' })),
    melding({ binnenkomst: '2026-04-13', vb: '2026-04-24' }),
    advies({ binnenkomst: '2026-02-02' }),
  ]);
  ({ server, base } = await startServer(ctx));
  sessie = await sessieAls(ctx, 'vt_management');
}, 120_000);

afterAll(async () => {
  server?.close();
  await ctx?.close();
});

const bewaar = (velden: Record<string, string>) =>
  sessie.fetch(`${base}/rapportages/2026-H1/duidingen`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: sessie.csrf, ...velden }),
    redirect: 'manual',
  });
const pdfVan = async (pad: string) => new Uint8Array(await (await sessie.fetch(`${base}${pad}`)).arrayBuffer());

describe('duiding: one editor, concept → definitief, archive', () => {
  it('one form keeps every section; a concept PDF says CONCEPT on every page', async () => {
    const pagina = await (await sessie.fetch(`${base}/rapportages/2026-H1`)).text();
    // one form holds every section, including the free chapters
    expect(pagina.match(/<form /g)).toHaveLength(2); // the editor and the header's log-out form
    for (const s of ['voorlegger', 'samenvatting', 'doorstroom', 'ontwikkelingen', 'samenwerking', 'personeel']) expect(pagina).toContain(`name="tekst_${s}"`);
    expect(pagina).not.toMatch(/<script>/);

    expect((await bewaar({ tekst_voorlegger: 'Het eerste halfjaar in het kort.', tekst_personeel: 'Twee nieuwe collega’s.\n\nGeen verzuim.' })).status).toBe(
      303,
    );
    // saving the cover again, without touching the other field, keeps personeel
    expect((await bewaar({ tekst_voorlegger: 'Het eerste halfjaar in het kort, herzien.' })).status).toBe(303);
    const tekst = await pdfPaginas(await pdfVan('/rapportages/2026-H1/rapport.pdf'), false);
    expect(tekst.length).toBeGreaterThan(3);
    for (const [i, p] of tekst.entries()) expect(p.split('\n')[0], `pagina ${i + 1}`).toMatch(/^CONCEPT — Halfjaarrapportage H1 2026/);
    const alles = tekst.join(' ').replace(/\s+/g, ' ');
    expect(alles).toContain('Personeel Duiding Twee nieuwe collega’s.');
    expect(alles).toContain('Het eerste halfjaar in het kort, herzien.');
    expect(await leesArchief(ctx.db)).toEqual([]);
  });

  it('signing off every written section archives the exact PDF once, with author and time in the audit log', async () => {
    // only the cover: personeel is still a concept, nothing archived
    await bewaar({
      tekst_voorlegger: 'Het eerste halfjaar in het kort, herzien.',
      definitief_voorlegger: 'ja',
      tekst_personeel: 'Twee nieuwe collega’s.\n\nGeen verzuim.',
    });
    expect(await leesArchief(ctx.db)).toEqual([]);
    await bewaar({
      tekst_voorlegger: 'Het eerste halfjaar in het kort, herzien.',
      definitief_voorlegger: 'ja',
      tekst_personeel: 'Twee nieuwe collega’s.\n\nGeen verzuim.',
      definitief_personeel: 'ja',
    });
    const [stuk, ...rest] = await leesArchief(ctx.db);
    expect(rest).toEqual([]);
    expect(stuk).toMatchObject({ rapport: 'halfjaar', periode: '2026-H1', gemeente: '', gemaakt_door: sessie.email });
    expect(stuk!.data_versie).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const audit = await leesAudit(ctx.db);
    const definitief = audit.filter((a) => a.actie === 'duiding_definitief').map((a) => JSON.parse(a.details!) as { sectie: string; op: string });
    expect(definitief.map((d) => d.sectie).sort()).toEqual(['personeel', 'voorlegger']);
    expect(audit.filter((a) => a.actie === 'duiding_definitief').every((a) => a.wie === sessie.email)).toBe(true);
    expect(audit.some((a) => a.actie === 'rapport_gearchiveerd' && a.details!.includes(stuk!.sha256))).toBe(true);

    const gearchiveerd = await archiefPdf(ctx.db, stuk!.id);
    expect(sha256(gearchiveerd!.pdf)).toBe(stuk!.sha256);
    const tekst = (await pdfPaginas(new Uint8Array(gearchiveerd!.pdf), false)).join('\n');
    expect(tekst).not.toContain('CONCEPT');
    expect(tekst.replace(/\s+/g, ' ')).toContain('In het eerste halfjaar van 2026 kwamen 4 meldingen en 1 advies binnen.');
    const lijst = await (await sessie.fetch(`${base}/rapportages`)).text();
    // archived, not (yet) sent: it does not say "zoals verzonden"
    expect(lijst).toMatch(/Halfjaarrapportage H1 2026, zoals gearchiveerd op \d{1,2} \w+ 2026/);
    expect(lijst).not.toMatch(/zoals.verzonden/);
    expect(lijst).toContain(`/rapportages/archief/${stuk!.id}/halfjaarrapportage-2026-H1-gearchiveerd.pdf`);
    expect(await (await sessie.fetch(`${base}/rapportages/2026-H1`)).text()).toContain('de gearchiveerde PDF (nog niet verzonden)</a>');
    const download = await sessie.fetch(`${base}/rapportages/archief/${stuk!.id}/x.pdf`);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="halfjaarrapportage-2026-H1-gearchiveerd.pdf"');
    expect(lijst).toContain('<td data-verzonden>nog niet verzonden</td>');
    expect(lijst).toContain(stuk!.sha256);
  });

  it('a later import changes the live report, never the archived bytes; the download is the archive unchanged', async () => {
    const [stuk] = await leesArchief(ctx.db);
    const voor = (await archiefPdf(ctx.db, stuk!.id))!.pdf;
    await importeerRijen(ctx, [melding({ binnenkomst: '2026-03-02', vb: '2026-03-03' }), melding({ binnenkomst: '2026-05-04', vb: '2026-05-05' })]);
    const live = (await pdfPaginas(await pdfVan('/rapportages/2026-H1/rapport.pdf'), false)).join(' ').replace(/\s+/g, ' ');
    expect(live).toContain('kwamen 6 meldingen en 1 advies binnen');
    const res = await sessie.fetch(`${base}/rapportages/archief/${stuk!.id}/halfjaarrapportage-2026-H1-zoals-verzonden.pdf`);
    expect(res.status).toBe(200);
    const download = Buffer.from(await res.arrayBuffer());
    expect(download.equals(voor)).toBe(true);
    expect(sha256(download)).toBe(stuk!.sha256);
    expect((await pdfPaginas(new Uint8Array(download), false)).join(' ').replace(/\s+/g, ' ')).toContain('kwamen 4 meldingen en 1 advies binnen');
    // signing off again archives nothing new
    await bewaar({
      tekst_voorlegger: 'Het eerste halfjaar in het kort, herzien.',
      definitief_voorlegger: 'ja',
      tekst_personeel: 'Twee nieuwe collega’s.\n\nGeen verzuim.',
      definitief_personeel: 'ja',
    });
    expect((await leesArchief(ctx.db)).map((a) => a.sha256)).toEqual([stuk!.sha256]);
  });

  it('an archived PDF is not for gemeente users; an unknown id is 404', async () => {
    const [stuk] = await leesArchief(ctx.db);
    const gemeente = await sessieAls(ctx, 'gemeente', ['GM0268']);
    expect((await gemeente.fetch(`${base}/rapportages/archief/${stuk!.id}/x.pdf`)).status).toBe(404);
    expect((await sessie.fetch(`${base}/rapportages/archief/99999/x.pdf`)).status).toBe(404);
    expect((await sessie.fetch(`${base}/rapportages/archief/abc/x.pdf`)).status).toBe(404);
  });

  // last: it adds a factsheet to the archive
  it('"zoals verzonden op" only once a recipient got it; a gemeente user sees neither the hash nor who archived it', async () => {
    const [stuk] = await leesArchief(ctx.db);
    await voegVerzendingenToe(ctx.db, stuk!, ['raad@tiel.nl', 'griffie@tiel.nl'], '2026-07-03T08:00:00.000Z');
    const [v1, v2] = await leesVerzendingen(ctx.db);
    // a failed delivery is not a sent one
    await markeerMislukt(ctx.db, v2!.id, { smtp_antwoord: '550' });
    expect(await (await sessie.fetch(`${base}/rapportages`)).text()).not.toContain('zoals verzonden');
    await markeerVerzonden(ctx.db, v1!.id, { pogingen: 1, smtp_antwoord: '250 OK', verzonden_op: '2026-07-03T08:01:02.000Z' });
    const lijst = await (await sessie.fetch(`${base}/rapportages`)).text();
    expect(lijst).toContain('Halfjaarrapportage H1 2026, zoals verzonden op 3 juli 2026 om 10:01:02 (PDF)');
    expect(lijst).toContain(`/rapportages/archief/${stuk!.id}/halfjaarrapportage-2026-H1-zoals-verzonden.pdf`);
    expect(await (await sessie.fetch(`${base}/rapportages/2026-H1`)).text()).toContain('de PDF zoals verzonden op 3 juli 2026 om 10:01:02</a>');
    const download = await sessie.fetch(`${base}/rapportages/archief/${stuk!.id}/x.pdf`);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="halfjaarrapportage-2026-H1-zoals-verzonden.pdf"');
    expect(lijst).toContain('<td data-verzonden>3 juli 2026 om 10:01:02</td>');
    // a factsheet of Tiel in the archive: the Tiel user sees it, without hash or staff e-mail
    await voegArchiefstukToe(
      ctx.db,
      {
        rapport: 'factsheet',
        periode: '2026-Q2',
        gemeente: 'GM0281',
        data_versie: null,
        definitieversie: null,
        gemaakt_op: '2026-07-02T12:00:00.000Z',
        gemaakt_door: sessie.email,
        kerncijfers: null,
      },
      new TextEncoder().encode('%PDF-1.7 test'),
    );
    const tiel = await (await (await sessieAls(ctx, 'gemeente', ['GM0281'])).fetch(`${base}/rapportages`)).text();
    expect(tiel).toContain('Factsheet Tiel Q2 2026, zoals gearchiveerd op 2 juli 2026');
    expect(tiel).toMatch(/\/rapportages\/archief\/\d+\/factsheet-tiel-GM0281-2026-Q2-gearchiveerd\.pdf/);
    expect(tiel).not.toContain(sessie.email);
    expect(tiel).not.toContain('SHA-256');
    expect(tiel).not.toMatch(/[0-9a-f]{64}/);
    expect(await (await sessie.fetch(`${base}/rapportages`)).text()).toContain('SHA-256');
  });
});
