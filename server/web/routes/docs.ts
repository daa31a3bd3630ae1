import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { Marked } from 'marked';
import { projectPath } from '../../config/paths.js';
import { nietGevonden } from '../../shared/fouten.js';
import { zonderAccenten } from '../../shared/tekst.js';
import { beschermklasse, CATALOGUS } from '../../indicatoren/catalogus.js';
import type { Render } from '../views.js';
import { z } from 'zod';
import { leesParams, uitParser } from '../invoer.js';

export function slug(tekst: string): string {
  return zonderAccenten(tekst.replace(/&[a-z]+;|&#\d+;/g, '').toLowerCase())
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
}

const DOCS = {
  indicatoren: 'Indicatoren: definities',
  import: 'Registraties importeren',
  rapportages: 'Rapportages',
  privacy: 'Privacy en bescherming van kleine aantallen',
  downloads: 'Downloads: CSV en Excel',
  spiegel: 'Spiegel: de regio en Nederland (CBS)',
} as const;

type Document = keyof typeof DOCS;
const docsParams = z.object({
  naam: uitParser((naam): Document => {
    if (typeof naam !== 'string' || !Object.hasOwn(DOCS, naam)) throw nietGevonden('Dit document bestaat niet.');
    return naam as Document;
  }),
});

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const KLASSE: Record<string, string> = {
  afronden: 'afgerond op vijftallen',
  alleen_regio: 'regio afgerond op vijftallen; per gemeente niet getoond',
  uit_afgeronde: 'berekend uit afgeronde aantallen',
  kleine_basis: 'alleen bij voldoende basis',
  niet_openbaar: 'alleen voor VT',
};

/** The catalogue itself, as a table under the definitions: the same data that compute, API and privacy read. */
function catalogusHtml(): string {
  const rijen = CATALOGUS.map((i) => {
    const k = beschermklasse(i);
    const bescherming = typeof k === 'object' ? `niet beschermd: ${k.vrij}` : KLASSE[k]!;
    const cellen = [esc(i.label), esc(i.soort), esc(i.eenheid), i.onderdeel ?? '', esc(i.hoofdstuk), esc(i.uit.join(', ')), esc(bescherming), esc(i.definitie)];
    return `<tr><td><code>${esc(i.sleutel)}</code></td>${cellen.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  }).join('');
  return (
    `<h2 id="catalogus" class="utrecht-heading-2">Catalogus</h2><p class="utrecht-paragraph">Elke ` +
    `sleutel van de JSON, met soort, eenheid, onderdeel (a–e), hoofdstuk, de aantallen waaruit ` +
    `zij is opgebouwd en de bescherming van kleine aantallen (zie <a href="/docs/privacy">Privacy</a>). ` +
    `Sleutels zonder waarde in een kwartaal ontbreken in dat kwartaal.</p><div class="tabel-container" ` +
    `tabindex="0" role="region" aria-label="Tabel: catalogus"><table class="utrecht-table utrecht-table--html-table"><thead><tr><th ` +
    `scope="col">sleutel</th><th scope="col">label</th><th scope="col">soort</th><th scope="col">eenheid</th><th ` +
    `scope="col">onderdeel</th><th scope="col">hoofdstuk</th><th scope="col">opgebouwd uit</th><th ` +
    `scope="col">bescherming</th><th scope="col">definitie</th></tr></thead><tbody>${rijen}</tbody></table></div>`
  );
}

/** The user documentation in docs/, rendered as pages (the "i" of every chart links here). */
export function docsRoutes(render: Render): Router {
  const router = Router();
  /** the heading above a table names its scroll region (a screen reader announces it on focus) */
  let laatsteKop = '';
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        laatsteKop = text.replace(/<[^>]+>/g, '');
        return `<h${depth} id="${slug(text.replace(/<[^>]+>/g, ''))}" class="utrecht-heading-${depth}">${text}</h${depth}>\n`;
      },
      table(token) {
        const head = token.header.map((c) => `<th scope="col">${this.parser.parseInline(c.tokens)}</th>`).join('');
        const body = token.rows.map((r) => `<tr>${r.map((c) => `<td>${this.parser.parseInline(c.tokens)}</td>`).join('')}</tr>`).join('');
        return (
          `<div class="tabel-container" tabindex="0" role="region" aria-label="Tabel: ${esc(laatsteKop)}"><table ` +
          `class="utrecht-table utrecht-table--html-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
        );
      },
    },
  });
  const cache = new Map<string, string>();
  router.get('/docs/:naam', (req, res) => {
    const { naam } = leesParams(docsParams, req);
    let html = cache.get(naam);
    if (!html) {
      laatsteKop = DOCS[naam];
      html = marked.parse(readFileSync(projectPath('docs', `${naam}.md`), 'utf8')) as string;
      if (naam === 'indicatoren') html += catalogusHtml();
      cache.set(naam, html);
    }
    res.send(render('document', { titel: DOCS[naam], inhoud: html }, res));
  });
  return router;
}
