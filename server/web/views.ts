import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { projectPath } from '../config/paths.js';
import { helpers } from './helpers/index.js';

export type Render = (view: string, model: Record<string, unknown>) => string;

/** Compiles the templates of `views/` once; pages get ready view models, never the database. */
export function createRenderer(viewsDir = projectPath('views')): Render {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  const partialsDir = join(viewsDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const layout = hbs.compile(readFileSync(join(viewsDir, 'layouts', 'main.hbs'), 'utf8'));
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  return (view, model) => {
    let template = cache.get(view);
    if (!template) {
      template = hbs.compile(readFileSync(join(viewsDir, `${view}.hbs`), 'utf8'));
      cache.set(view, template);
    }
    return layout({ ...model, body: template(model) });
  };
}
