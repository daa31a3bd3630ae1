import type { Browser, Page, PDFOptions } from 'puppeteer-core';
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
   * the report's HTML, rendered once. The page numbers of the table of contents and the chapters
   * that continue on the previous chapter's page are then filled into the loaded page (see
   * `vulInhoud`, `markeerVervolg`); called with them, it renders the HTML that was printed.
   */
  html: (paginas?: Map<string, number>, vervolg?: Set<string>) => string;
  /** measure the chapters first, so that none starts a new page that would leave one under half full */
  ordenHoofdstukken?: boolean;
  kop: string;
  /** fill in the table of contents from a first print */
  metInhoud: boolean;
  /** the document information set after printing (title, author, …); without it Chromium's own */
  metadata?: PdfMetadata;
  /** a page of its own, loaded from nothing (the benchmark's static baseline); by default a loaded page with the same fonts is reused */
  vers?: boolean;
  /** told how long each step took (ms): the benchmark's profile of a print */
  onStap?: (stap: DrukStap, ms: number) => void;
  /**
   * figures drawn while the page loads, is measured and makes the first print: key → SVG, each put in the
   * page in place of its placeholder `<svg data-vt-figuur="key">` of the same size before the final print.
   * A rejection fails the print (no PDF with an empty box).
   */
  figuren?: Promise<Map<string, string>>;
  /** told the page numbers and continuing chapters filled in (after the figures came): with them `html` renders what was printed */
  onOpmaak?: (paginas: Map<string, number> | undefined, vervolg: Set<string> | undefined) => void;
}

/** The steps of a print, in order; `html` is the template rendering, the others are Chromium and pdf-lib. */
export type DrukStap = 'html' | 'laden' | 'meten' | 'proefdruk' | 'bestemmingen' | 'figuren' | 'afdrukken' | 'metadata';

/** A page kept loaded after a print: the next document with the same head (styles, fonts) only replaces the body. */
interface GeladenPagina {
  page: Page;
  kop: string;
}

/**
 * Prints the application's own HTML to PDF in Chromium. One browser serves a batch (and the web
 * app); a print has a page to itself (two prints at once never share one), closed when the print
 * fails. The page loads nothing from the network and runs no scripts: only the HTML given here is
 * printed, never a URL.
 *
 * Each document is loaded once. A report is measured in that page, its continuing chapters and
 * (after a first print of the headings only) its table of contents' page numbers are set in the
 * DOM, and the same page is printed: the PDF is the one a fresh load of the final HTML prints
 * (test/e2e/pdf-snel.test.ts compares their page contents). After a print the page stays loaded:
 * the next document with the same head (the embedded fonts and the CSS; a batch of factsheets)
 * takes its body only, so the fonts are decoded once per batch.
 */
export class PdfDrukker {
  private browser: Promise<Browser> | null = null;
  private geladen: GeladenPagina | null = null;
  /** pages loaded from nothing (the others took a kept page's head): a batch of factsheets loads one */
  nieuwePaginas = 0;

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
      this.geladen = null;
      return this.open();
    }
    return browser;
  }

  /** A page with `html` loaded: the kept page when its head is the same, else a new one. */
  private async laad(html: string, vers: boolean): Promise<{ page: Page; kop: string }> {
    const browser = await this.open();
    const { kop, lichaam, titel } = splits(html);
    const geladen = this.geladen;
    if (!vers && geladen && geladen.kop === kop && !geladen.page.isClosed()) {
      this.geladen = null;
      try {
        await vervangLichaam(geladen.page, lichaam, titel);
        await lettertypenGeladen(geladen.page);
        return geladen;
      } catch (e) {
        await geladen.page.close().catch(() => undefined);
        throw e;
      }
    }
    const page = await browser.newPage();
    this.nieuwePaginas++;
    try {
      await beveilig(page);
      await page.setContent(html, { waitUntil: 'load' });
      await lettertypenGeladen(page);
      return { page, kop };
    } catch (e) {
      await page.close().catch(() => undefined);
      throw e;
    }
  }

  /** Keeps the page loaded for the next document (the one kept before is closed). */
  private async bewaar(p: GeladenPagina): Promise<void> {
    await p.page.setViewport(STANDAARD_VIEWPORT);
    const oud = this.geladen;
    this.geladen = p;
    if (oud) await oud.page.close().catch(() => undefined);
  }

  async druk(opdracht: Drukopdracht): Promise<Uint8Array> {
    const stap = async <T>(naam: DrukStap, fn: () => T | Promise<T>): Promise<T> => {
      if (!opdracht.onStap) return fn();
      const t = performance.now();
      const r = await fn();
      opdracht.onStap(naam, performance.now() - t);
      return r;
    };
    // awaited before the final print; a failure before then must not leave its rejection unhandled
    opdracht.figuren?.catch(() => undefined);
    const html = await stap('html', () => opdracht.html());
    const geladen = await stap('laden', () => this.laad(html, opdracht.vers ?? false));
    const { page } = geladen;
    let bewaren = false;
    try {
      let vervolg: Set<string> | undefined;
      if (opdracht.ordenHoofdstukken) {
        const gemeten = await stap('meten', () => meetHoofdstukken(page));
        vervolg = vervolgHoofdstukken(gemeten);
        await markeerVervolg(page, vervolg);
      }
      let paginas: Map<string, number> | undefined;
      if (opdracht.metInhoud) {
        const proef = await stap('proefdruk', () => proefdruk(page));
        paginas = await stap('bestemmingen', () => paginasVanBestemmingen(proef));
        await vulInhoud(page, paginas);
      }
      const figuren = opdracht.figuren;
      if (figuren) await zetFiguren(page, await stap('figuren', () => figuren));
      opdracht.onOpmaak?.(paginas, vervolg);
      const pdf = await stap('afdrukken', () => page.pdf(drukopties(opdracht.kop)));
      const metadata = opdracht.metadata;
      const uit = metadata ? await stap('metadata', () => vulMetadata(pdf, metadata)) : pdf;
      bewaren = !opdracht.vers;
      return uit;
    } finally {
      if (bewaren) await this.bewaar(geladen).catch(() => page.close().catch(() => undefined));
      else await page.close().catch(() => undefined);
    }
  }

  async sluit(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.geladen = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}

/** puppeteer's viewport of a new page: a kept page gets it back after a report was measured at the A4 width */
const STANDAARD_VIEWPORT = { width: 800, height: 600 };

/** The HTML up to `<body` without its title (the head that fonts and styles come from), the body, and the title. */
function splits(html: string): { kop: string; lichaam: string; titel: string } {
  const i = html.search(/<body[\s>]/i);
  if (i < 0) return { kop: html, lichaam: '', titel: '' };
  const kop = html.slice(0, i);
  const titel = /<title>([\s\S]*?)<\/title>/i.exec(kop)?.[1] ?? '';
  return { kop: kop.replace(/<title>[\s\S]*?<\/title>/i, ''), lichaam: html.slice(i), titel };
}

/**
 * Puts a new body in a loaded page. The body is parsed by the browser's own HTML parser as a
 * document of its own and adopted whole (its attributes too), so the DOM is the one a load of
 * the full HTML builds; images (the cover's logo) are decoded before anything is measured.
 */
async function vervangLichaam(page: Page, lichaam: string, titel: string): Promise<void> {
  await page.evaluate(
    async (lichaam: string, titel: string) => {
      const doc = new DOMParser().parseFromString(`<!doctype html><html><head><title>${titel}</title></head>${lichaam}`, 'text/html');
      document.title = doc.title;
      document.documentElement.replaceChild(document.adoptNode(doc.body), document.body);
      await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    },
    lichaam,
    titel,
  );
}

/** Marks the chapters that continue on the previous chapter's page (the class `rapport.hbs` gives them). */
async function markeerVervolg(page: Page, vervolg: Set<string>): Promise<void> {
  if (vervolg.size === 0) return;
  await page.evaluate(
    (ids: string[]) => {
      for (const id of ids) document.getElementById(id)?.closest('.hoofdstuk')?.classList.add('hoofdstuk--vervolg');
    },
    [...vervolg],
  );
}

/** The page numbers in the table of contents, as `rapport.hbs` renders them (`.inhoud__pagina` after the link). */
async function vulInhoud(page: Page, paginas: Map<string, number>): Promise<void> {
  await page.evaluate(
    (paginas: [string, number][]) => {
      const nummers = new Map(paginas);
      for (const li of document.querySelectorAll('.inhoud li')) {
        const id = li.querySelector('a')?.getAttribute('href')?.slice(1) ?? '';
        const vak = li.querySelector('.inhoud__pagina');
        if (vak) vak.textContent = nummers.has(id) ? String(nummers.get(id)) : '';
      }
    },
    [...paginas],
  );
}

/**
 * Puts each figure's SVG in the page in place of its placeholder (parsed by the browser's HTML parser in
 * the placeholder's parent, as a load of the final HTML parses it). Fails when a placeholder stays empty.
 */
async function zetFiguren(page: Page, svgs: Map<string, string>): Promise<void> {
  const leeg = await page.evaluate(
    (svgs: [string, string][]) => {
      const figuren = new Map(svgs);
      for (const el of document.querySelectorAll('svg[data-vt-figuur]')) {
        const svg = figuren.get(el.getAttribute('data-vt-figuur') ?? '');
        if (svg !== undefined) el.outerHTML = svg;
      }
      return [...document.querySelectorAll('svg[data-vt-figuur]')].map((el) => el.getAttribute('data-vt-figuur'));
    },
    [...svgs],
  );
  if (leeg.length > 0) throw new Error(`Figuur ${leeg.join(', ')} van het rapport is niet getekend; het rapport wordt niet afgedrukt.`);
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

/** The print of a report: A4, its header and footer, tagged, with the document outline. */
function drukopties(kop: string): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    ...kopEnVoet(kop),
    margin: MARGES,
    tagged: true,
    outline: true,
  };
}

const MARGES = { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' };

/**
 * A first print that only tells on which page each heading stands: the same page size and
 * margins (so the same pages), with everything but the headings hidden. `visibility` does not
 * change the layout; the PDF then holds no text or chart but the headings, and their named
 * destinations. No header or footer (they are drawn in the margin, outside the layout), no tags,
 * no outline: measured 1,1 s instead of 3 s for the 27-page report (BENCHMARKS.md).
 */
async function proefdruk(page: Page): Promise<Uint8Array> {
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.dataset.vtProefdruk = '';
    s.textContent = 'body, body * { visibility: hidden !important } h2[id] { visibility: visible !important }';
    document.head.append(s);
  });
  try {
    return await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: false, margin: MARGES, tagged: false, outline: false });
  } finally {
    await page.evaluate(() => document.querySelector('style[data-vt-proefdruk]')?.remove());
  }
}
