import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overdrachtGrafiek } from '../../helpers/grafieken.js';
import { projectPath } from '../../../server/config/paths.js';
import { maakRapportRenderer } from '../../../server/rapportage/html.js';
import { Nummering, type RapportModel } from '../../../server/rapportage/model.js';
import { grafiekModel } from '../../../server/web/grafiek-antwoord.js';

/** A chart whose own table ends in a row "Totaal". */
const grafiek = overdrachtGrafiek;

describe('the total row of a table is marked and bold, in the report and on the page', () => {
  it('a chart table in the report: only the row headed "Totaal" is totaal', () => {
    const t = new Nummering('2027.2').tabelVan(grafiek());
    expect(t.rijen.map((r) => [r.kop, r.totaal === true])).toEqual([
      ['Lokaal team', false],
      ['Politie en justitie', false],
      ['Totaal', true],
    ]);
    expect(t.rijen.at(-1)!.cellen).toEqual(['6', '1', '0', '3']);
  });

  it('a table built by hand keeps its own mark and gets one for "Totaal"; "Totaal adviezen en meldingen" is a row like any other', () => {
    const t = new Nummering('2027.2').tabel({
      id: 't',
      titel: 'T',
      definitie: 'D',
      anker: 'groei',
      kolommen: ['', 'Q4'],
      rijen: [
        { kop: 'Totaal adviezen en meldingen', cellen: ['5'] },
        { kop: 'Regio totaal', totaal: true, cellen: ['5'] },
        { kop: 'Totaal', cellen: ['5'] },
      ],
    });
    expect(t.rijen.map((r) => r.totaal === true)).toEqual([false, true, true]);
  });

  it('printed: <tr class="totaal"> with a row header, bold in the report CSS', () => {
    const nr = new Nummering('2027.2');
    const model = {
      soort: 'kwartaalrapportage',
      titel: 'K',
      ondertitel: 'O',
      kop: 'K',
      kwartaalLabel: 'vierde kwartaal 2024',
      dataDatum: '1 januari 2025',
      definitieversie: '2027.2',
      gemaaktOp: '1 januari 2025',
      kerncijfers: [],
      voorlegger: { zinnen: [], duiding: null },
      geenGegevens: null,
      hoofdstukken: [{ id: 'h-x', sectie: 'x', titel: 'X', zinnen: [], duiding: null, blokken: [nr.tabelVan(grafiek())] }],
    } satisfies RapportModel;
    const html = maakRapportRenderer()(model, { regioNaam: 'Gelderland-Zuid' });
    expect(html.match(/<tr class="totaal">.*?<\/tr>/g)).toEqual([
      '<tr class="totaal"><th scope="row">Totaal</th><td>6</td><td>1</td><td>0</td><td>3</td></tr>',
    ]);
    expect(html).toMatch(/tr\.totaal th, tr\.totaal td \{ font-weight: bold;/);
  });

  it('on the page: the chart table marks the row, the partial writes the class, the site CSS makes it bold', () => {
    expect(grafiekModel(grafiek(), '/x', '').rijen.map((r) => [r.kop, r.totaal])).toEqual([
      ['Lokaal team', false],
      ['Politie en justitie', false],
      ['Totaal', true],
    ]);
    expect(readFileSync(projectPath('views', 'partials', 'grafiek.hbs'), 'utf8')).toContain('<tr{{#if totaal}} class="totaal"{{/if}}><th scope="row">');
    expect(readFileSync(projectPath('public', 'css', 'app.css'), 'utf8')).toContain(
      '.tabel-container tr.totaal th, .tabel-container tr.totaal td { font-weight: bold;',
    );
  });
});
