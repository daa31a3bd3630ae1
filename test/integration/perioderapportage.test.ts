import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIO } from '../../server/indicatoren/gebieden.js';
import { leesPeriodeInvoer } from '../../server/rapportage/periode-invoer.js';
import { leesHalfjaar, leesJaar } from '../../server/rapportage/periode.js';
import { kwartaalrapportageModel, maakRapportdiensten, perioderapportageModel, rapportPdf, type Rapportdiensten } from '../../server/rapportage/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { pdfInfo, pdfPaginas } from '../helpers/pdf.js';
import { paginasVanBestemmingen } from '../../server/rapportage/pdf-bestemmingen.js';
import { vtMonitorVersie } from '../../server/rapportage/pdf-metadata.js';
import { PDFDocument } from 'pdf-lib';
import { advies, melding } from '../helpers/registraties.js';

/**
 * Half-year and annual report on hand-made registrations: flows summed over the quarters, stocks
 * of the period's last day, the median over every registration of the period (not the mean of
 * the quarter medians), growth against the same period a year earlier — and the same figures
 * read back from the printed PDF.
 */
let ctx: TestContext;
let diensten: Rapportdiensten;

beforeAll(async () => {
  ctx = await testContext('2026-11-22');
  diensten = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
  await importeerRijen(ctx, [
    // H1 2025: 4 meldingen (VB after 1 werkdag) and 1 advies
    ...[1, 2, 3, 4].map(() => melding({ binnenkomst: '2025-02-03', vb: '2025-02-04' })),
    advies({ binnenkomst: '2025-03-03' }),
    // H1 2026, Q1: three VBs after 1 werkdag (Monday 5 January → Tuesday)
    ...[1, 2, 3].map(() => melding({ binnenkomst: '2026-01-05', vb: '2026-01-06' })),
    // open on 31 March (in Q1's stock), VB in Q2 after 2 werkdagen
    melding({ binnenkomst: '2026-03-31', vb: '2026-04-02' }),
    // Q2: VB after 9 werkdagen (13 → 24 April 2026, no holiday in between): outside the term
    melding({ binnenkomst: '2026-04-13', vb: '2026-04-24', gemeente: 'GM0281' }),
    // still open on 30 June: the period's stock
    melding({ binnenkomst: '2026-06-29' }),
    advies({ binnenkomst: '2026-02-02' }),
    advies({ binnenkomst: '2026-05-04', gemeente: 'GM0281' }),
  ]);
}, 120_000);

afterAll(async () => {
  await diensten?.drukker.sluit();
  await ctx?.close();
});

describe('half-year figures from the stored quarters', () => {
  it('sums flows, recomputes percentages, takes stocks of the last day and the exact period median', async () => {
    const invoer = await leesPeriodeInvoer(diensten, leesHalfjaar('2026-H1'));
    const nu = invoer.nu.get(REGIO)!;
    expect(nu).toMatchObject({ meldingen: 6, adviezen: 2, meldingen_vb: 5, vb_binnen_termijn: 4, vb_binnen_termijn_pct: 80 });
    // Q1 VBs 1,1,1 and Q2 VBs 2,9: the median of all five is 1 (the mean of the quarter medians 1 and 5.5 would be 3.25)
    expect(nu.doorlooptijd_vb_werkdagen).toEqual({ mediaan: 1, p90: 9 });
    // open on 31 March (1) and on 30 June (1): the stock of the period is 1, not 2
    expect(nu.open_vb).toBe(1);
    expect(nu.groei).toMatchObject({ meldingen_yoy: 50, adviezen_yoy: 100, totaal_yoy: 60 });
    expect(invoer.nu.get('GM0281')).toMatchObject({ meldingen: 1, adviezen: 1, meldingen_vb: 1, vb_binnen_termijn: 0 });
    expect(invoer.eerder.get(REGIO)).toMatchObject({ meldingen: 4, adviezen: 1, meldingen_vb: 4, vb_binnen_termijn_pct: 100 });
    expect(invoer.regioPerJaar.map((j) => [j.jaar, j.waarden.meldingen, j.volledig])).toEqual([
      [2025, 4, true],
      [2026, 6, false],
    ]);
  });

  it('the annual report counts the whole year', async () => {
    const invoer = await leesPeriodeInvoer(diensten, leesJaar('2025'));
    expect(invoer.nu.get(REGIO)).toMatchObject({ meldingen: 4, adviezen: 1, open_vb: 0 });
    expect(invoer.nu.get(REGIO)!.doorlooptijd_vb_werkdagen).toEqual({ mediaan: 1, p90: 1 });
  });
});

describe('half-year and annual report (PDF)', () => {
  it('prints the exact figures of the half year', async () => {
    const model = await perioderapportageModel(diensten, leesHalfjaar('2026-H1'));
    expect(model.soort).toBe('halfjaarrapportage');
    const tekst = (await pdfPaginas(await rapportPdf(diensten, model), false)).join('\n').replace(/\s+/g, ' ');
    expect(tekst).toContain('Halfjaarrapportage H1 2026 — Veilig Thuis Gelderland-Zuid');
    expect(tekst).toContain('Januari t/m juni 2026');
    expect(tekst).toContain('In het eerste halfjaar van 2026 kwamen 6 meldingen en 2 adviezen binnen.');
    expect(tekst).toContain('Ten opzichte van het eerste halfjaar van 2025 steeg het aantal meldingen met 50,0% en steeg het aantal adviezen met 100,0%.');
    expect(tekst).toContain('Van de 5 afgeronde veiligheidsbeoordelingen waren er 4 binnen 5 werkdagen klaar: 80,0%.');
    expect(tekst).toMatch(/Veiligheidsbeoordelingen binnen 5 werkdagen 5 4 80,0% 90% nee/);
    expect(tekst).toMatch(/Doorlooptijd mediaan \(werkdagen\) 1,0 1,0/);
    expect(tekst).toMatch(/Doorlooptijd 90e percentiel \(werkdagen\) 9 1/);
    expect(tekst).toMatch(/Open veiligheidsbeoordelingen 1 0/);
    expect(tekst).toMatch(/… binnen 5 werkdagen 80,0% 100,0% −20,0 %-punt/);
    expect(tekst).toMatch(/Nijmegen 1 5 /);
  });

  it('PDF metadata set after printing; tagged; the table of contents read from the compressed final PDF', async () => {
    const model = await perioderapportageModel(diensten, leesHalfjaar('2026-H1'));
    const pdf = await rapportPdf(diensten, model);
    const info = await pdfInfo(pdf);
    expect(info.tagged).toBe(true);
    expect(info.info).toMatchObject({
      Title: 'Halfjaarrapportage Veilig Thuis Gelderland-Zuid — Januari t/m juni 2026 (concept)',
      Author: 'Veilig Thuis Gelderland-Zuid',
      Creator: `VT Monitor ${vtMonitorVersie()}`,
      Language: 'nl',
      Subject: 'Halfjaarrapportage over januari t/m juni 2026, met de cijfers tot en met de import van 1 december 2026 (definities 2027.2)'.replace(
        '1 december 2026',
        model.dataDatum,
      ),
    });
    expect(String(info.info.Keywords)).toContain('Halfjaarrapportage');
    // the document information is an incremental update appended to Chromium's print (one more cross-reference section)
    const bytes = Buffer.from(pdf).toString('latin1');
    expect(bytes.match(/%%EOF/g)).toHaveLength(2);
    expect(bytes.slice(bytes.lastIndexOf('trailer'))).toMatch(/\/Prev \d+/);
    const bestemmingen = await paginasVanBestemmingen(pdf);
    // the destinations are also found in a PDF written with compressed object streams, and are the same
    const gecomprimeerd = await (await PDFDocument.load(pdf)).save({ useObjectStreams: true });
    expect(Buffer.from(gecomprimeerd).toString('latin1')).toContain('/ObjStm');
    expect(await paginasVanBestemmingen(gecomprimeerd)).toEqual(bestemmingen);
    const tekst = await pdfPaginas(pdf);
    for (const h of model.hoofdstukken) {
      const pagina = bestemmingen.get(h.id)!;
      expect(tekst[pagina - 1], h.titel).toContain(h.titel);
    }
    const cover = tekst[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Status CONCEPT — de duiding is nog niet definitief');
    expect(cover).toContain('Definities Indicatoren versie 2027.2 (zie Verantwoording)');
    expect(cover).toContain('Periode januari t/m juni 2026');
  });

  it('prints the annual report', async () => {
    const tekst = (await pdfPaginas(await rapportPdf(diensten, await perioderapportageModel(diensten, leesJaar('2025'))), false)).join('\n');
    expect(tekst).toContain('Jaarrapportage 2025 — Veilig Thuis Gelderland-Zuid');
    expect(tekst).toContain('In 2025 kwamen 4 meldingen en 1 advies binnen.');
    // no data for 2024: unknown (CBS's '.'), never 0
    expect(tekst).toMatch(/Totaal adviezen en meldingen 5 \. \./);
  });

  it('the quarterly report has the chapters the figures support, and every figure has its table beside it', async () => {
    const kwartaal = await kwartaalrapportageModel(diensten, '2026-Q2');
    const titels = kwartaal.hoofdstukken.map((h) => h.titel);
    for (const t of ['Aard van het geweld', 'Radarfunctie', 'Doorstroom', 'Overdracht per moment', 'Monitoring', 'Lange trend']) expect(titels).toContain(t);
    expect(titels.at(-1)).toBe('Bijlage: cijfers per gemeente');
    for (const model of [kwartaal, await perioderapportageModel(diensten, leesHalfjaar('2026-H1')), await perioderapportageModel(diensten, leesJaar('2025'))]) {
      const blokken = model.hoofdstukken.flatMap((h) => h.blokken);
      // numbered in reading order, without gaps
      expect(blokken.filter((b) => b.soort === 'figuur').map((b) => b.nummer)).toEqual(blokken.filter((b) => b.soort === 'figuur').map((_, i) => i + 1));
      expect(blokken.filter((b) => b.soort === 'tabel').map((b) => b.nummer)).toEqual(blokken.filter((b) => b.soort === 'tabel').map((_, i) => i + 1));
      for (const h of model.hoofdstukken) {
        h.blokken.forEach((b, i) => {
          if (b.soort !== 'figuur') return;
          expect([h.blokken[i - 1]?.soort, h.blokken[i + 1]?.soort], `${model.soort}: figuur ${b.nummer} ${b.titel}`).toContain('tabel');
        });
      }
    }
    // the quarter's own median: Q2 VBs after 2 and 9 werkdagen
    const pdfTekst = (await pdfPaginas(await rapportPdf(diensten, kwartaal), false)).join('\n').replace(/\s+/g, ' ');
    expect(pdfTekst).toMatch(/Doorlooptijd VB mediaan \/ p90 \(werkdagen\) 5,5 \/ 9 \. \/ \./);
    expect(pdfTekst).toMatch(
      new RegExp(
        'Tabel \\d+\\. Veiligheidsbeoordeling binnen termijn per week — Q2 2026 Week \\(maandag\\) ' +
          'Veiligheidsbeoordelingen Binnen termijn % binnen termijn 30 maart 2026 1 1 100,0% 20 april 2026 1 0 0,0%',
      ),
    );
  });

  it('a period without data says so', async () => {
    const model = await perioderapportageModel(diensten, leesJaar('2019'));
    expect(model.geenGegevens).toContain('Over 2019 zijn geen registraties beschikbaar');
  });
});
