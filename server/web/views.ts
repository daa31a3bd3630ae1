import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import Handlebars from 'handlebars';
import { projectPath } from '../config/paths.js';
import { helpers } from '../shared/sjabloonhelpers.js';

/** With `res`, the page also gets the signed-in user, the menu for that role and the CSRF token. */
export type Render = (view: string, model: Record<string, unknown>, res?: Response) => string;

/** Compiles the templates of `views/` once; pages get ready view models, never the database. */
export function maakRenderer(viewsDir = projectPath('views')): Render {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  const partialsDir = join(viewsDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const layout = hbs.compile(readFileSync(join(viewsDir, 'layouts', 'main.hbs'), 'utf8'));
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  return (view, gegeven, res) => {
    const model = res ? { ...(res.locals.pagina as Record<string, unknown>), ...gegeven } : gegeven;
    let template = cache.get(view);
    if (!template) {
      template = hbs.compile(readFileSync(join(viewsDir, `${view}.hbs`), 'utf8'));
      cache.set(view, template);
    }
    return layout({ ...model, body: template(model) });
  };
}
