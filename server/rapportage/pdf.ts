import type { Browser, Page } from 'puppeteer-core';
import { startChromium } from '../browser/chromium.js';
import { paginasVanBestemmingen } from './pdf-bestemmingen.js';
import { vulMetadata, type PdfMetadata } from './pdf-metadata.js';
import { vervolgHoofdstukken, type GemetenHoofdstuk } from './paginering.js';
import { drukFontconfig, kopLettertypeCss, LETTERTYPE } from './lettertype.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Page header and footer (Chromium fills in pageNumber/totalPages); inline styles, since templates
 * see no CSS of the page, and the report's font embedded once more, since they see none of its fonts.
 */
function kopEnVoet(kop: string): { headerTemplate: string; footerTemplate: string } {
  const stijl = `font-family: ${LETTERTYPE}; font-size: 7.5pt; color: #444; width: 100%; margin: 0 18mm;`;
  const font = `<style>${kopLettertypeCss()}</style>`;
  return {
    headerTemplate: `${font}<div style="${stijl} text-align: left;">${escapeHtml(kop)}</div>`,
    footerTemplate:
      `${font}<div style="${stijl} display: flex; justify-content: space-between;"><span>VT Monitor</span><span>Pagina ` +
      `<span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
  };
}

export interface Drukopdracht {
  /**
   * the report's HTML; called again with the page numbers of the headings for the table of
   * contents, and with the chapters that continue on the previous chapter's page
   */
  html: (paginas?: Map<string, number>, vervolg?: Set<string>) => string;
  /** measure the chapters first, so that none starts a new page that would leave one under half full */
  ordenHoofdstukken?: boolean;
  kop: string;
  /** print twice to fill in the table of contents */
  metInhoud: boolean;
  /** the document information set after printing (title, author, …); without it Chromium's own */
  metadata?: PdfMetadata;
  /** told how long each step took (ms): the benchmark's profile of a print */
  onStap?: (stap: DrukStap, ms: number) => void;
}

/** The steps of a print, in order; `html` is the template rendering, the others are Chromium and pdf-lib. */
export type DrukStap = 'html' | 'laden' | 'meten' | 'afdrukken' | 'bestemmingen' | 'metadata';

/**
 * Prints the application's own HTML to PDF in Chromium. One browser serves a batch (and the web
 * app); every report gets its own page, closed in `finally`. The page loads nothing from the
 * network and runs no scripts: only the HTML given here is printed, never a URL.
 */
export class PdfDrukker {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  private async open(): Promise<Browser> {
    if (!this.browser) {
      this.browser = startChromium({ ...this.env, FONTCONFIG_FILE: drukFontconfig() });
      this.browser.catch(() => {
        this.browser = null;
      });
    }
    const browser = await this.browser;
    if (!browser.connected) {
      this.browser = null;
      return this.open();
    }
    return browser;
  }

  async druk(opdracht: Drukopdracht): Promise<Uint8Array> {
    const stap = async <T>(naam: DrukStap, fn: () => T | Promise<T>): Promise<T> => {
      if (!opdracht.onStap) return fn();
      const t = performance.now();
      const r = await fn();
      opdracht.onStap(naam, performance.now() - t);
      return r;
    };
    const browser = await this.open();
    const page = await browser.newPage();
    try {
      await beveilig(page);
      let vervolg: Set<string> | undefined;
      if (opdracht.ordenHoofdstukken) {
        const html = await stap('html', () => opdracht.html());
        await stap('laden', async () => {
          await page.setContent(html, { waitUntil: 'load' });
          await lettertypenGeladen(page);
        });
        const gemeten = await stap('meten', () => meetHoofdstukken(page));
        vervolg = vervolgHoofdstukken(gemeten);
      }
      let pdf = await print(page, await stap('html', () => opdracht.html(undefined, vervolg)), opdracht.kop, stap);
      if (opdracht.metInhoud) {
        const paginas = await stap('bestemmingen', () => paginasVanBestemmingen(pdf));
        if (paginas.size > 0) pdf = await print(page, await stap('html', () => opdracht.html(paginas, vervolg)), opdracht.kop, stap);
      }
      const metadata = opdracht.metadata;
      return metadata ? await stap('metadata', () => vulMetadata(pdf, metadata)) : pdf;
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async sluit(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}

/** Heights of every chapter's blocks in print layout at the A4 content width (the page's own scripts stay off). */
async function meetHoofdstukken(page: Page): Promise<GemetenHoofdstuk[]> {
  await page.emulateMediaType('print');
  await page.setViewport({ width: Math.round(((210 - 36) / 25.4) * 96), height: 1200 });
  try {
    // a block's height is the distance to the next block's top (vertical margins collapse)
    return await page.evaluate(() =>
      [...document.querySelectorAll('main > .hoofdstuk')].map((h) => {
        const kinderen = [...h.children];
        const tops = kinderen.map((b) => b.getBoundingClientRect().top);
        return {
          id: h.querySelector('h2')?.id ?? '',
          blokken: kinderen.map((b, i) => {
            const stijl = getComputedStyle(b);
            const hoogte = i + 1 < kinderen.length ? tops[i + 1]! - tops[i]! : b.getBoundingClientRect().bottom - tops[i]! + parseFloat(stijl.marginBottom);
            return { hoogte, heel: stijl.breakInside === 'avoid' };
          }),
        };
      }),
    );
  } finally {
    await page.emulateMediaType(undefined);
  }
}

/**
 * Waits until every @font-face of the page is loaded. `load` does not wait for fonts, and with
 * `font-display: block` text is laid out in a fallback font until then: the chapters were
 * measured in a machine font (or, on a machine without fonts, as zero high). The page's own
 * scripts stay off; this runs in puppeteer's isolated evaluation.
 */
async function lettertypenGeladen(page: Page): Promise<void> {
  const mislukt = await page.evaluate(async () => {
    void document.body.offsetHeight; // lay out, so the faces the text needs start loading
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'error').length;
  });
  if (mislukt > 0) throw new Error(`De browser kon ${mislukt} lettertype(n) van het rapport niet laden; het rapport wordt niet afgedrukt.`);
}

async function beveilig(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:') || request.url() === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
}

async function print(
  page: Page,
  html: string,
  kop: string,
  stap: <T>(naam: DrukStap, fn: () => T | Promise<T>) => Promise<T> = async (_, fn) => fn(),
): Promise<Uint8Array> {
  await stap('laden', async () => {
    await page.setContent(html, { waitUntil: 'load' });
    await lettertypenGeladen(page);
  });
  return stap('afdrukken', () =>
    page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...kopEnVoet(kop),
      margin: { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' },
      tagged: true,
      outline: true,
    }),
  );
}
