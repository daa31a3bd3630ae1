import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { Marked } from 'marked';
import { projectPath } from '../../config/paths.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';

export function slug(tekst: string): string {
  return tekst
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
}

const DOCS = { indicatoren: 'Indicatoren: definities', import: 'Registraties importeren', rapportages: 'Rapportages', privacy: 'Privacy en bescherming van kleine aantallen' } as const;

/** The user documentation in docs/, rendered as pages (the "i" of every chart links here). */
export function docsRoutes(render: Render): Router {
  const router = Router();
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        return `<h${depth} id="${slug(text.replace(/<[^>]+>/g, ''))}" class="utrecht-heading-${depth}">${text}</h${depth}>\n`;
      },
      table(token) {
        const head = token.header.map((c) => `<th scope="col">${this.parser.parseInline(c.tokens)}</th>`).join('');
        const body = token.rows.map((r) => `<tr>${r.map((c) => `<td>${this.parser.parseInline(c.tokens)}</td>`).join('')}</tr>`).join('');
        return `<div class="tabel-container"><table class="utrecht-table utrecht-table--html-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
      },
    },
  });
  const cache = new Map<string, string>();
  router.get('/docs/:naam', (req, res) => {
    const naam = req.params.naam as keyof typeof DOCS;
    if (!(naam in DOCS)) throw nietGevonden('Dit document bestaat niet.');
    let html = cache.get(naam);
    if (!html) cache.set(naam, (html = marked.parse(readFileSync(projectPath('docs', `${naam}.md`), 'utf8')) as string));
    res.send(render('document', { titel: DOCS[naam], inhoud: html }, res));
  });
  return router;
}
