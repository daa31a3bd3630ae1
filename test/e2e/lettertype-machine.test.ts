import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { demoBron } from '../../server/demo/export.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { importeer } from '../../server/import/importer.js';
import { importDeps } from '../../server/import/service.js';
import { startChromium } from '../../server/browser/chromium.js';
import { PdfDrukker } from '../../server/rapportage/pdf.js';
import { factsheetModellen, kwartaalrapportageModel, maakRapportdiensten, rapportPdf, type Rapportdiensten } from '../../server/rapportage/service.js';
import type { RapportModel } from '../../server/rapportage/model.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { openPdf } from '../helpers/pdf.js';

/**
 * What is printed must not depend on the fonts a machine happens to have. The same report and
 * factsheet are printed by three report printers (`PdfDrukker`) started under different font
 * set-ups of the machine (FONTCONFIG_FILE, which Chromium reads at start):
 *   - the machine as it is (here DejaVu and Liberation, Debian's hintstyle "slight");
 *   - a machine without a single font (no font directory at all: a bare server);
 *   - a machine with every font it has, where the generic families point elsewhere (sans-serif to
 *     a serif, serif to a monospace), and no hinting setting (fontconfig's default: full).
 * The text layout read back from the three PDFs (every text item: page, text, position, size,
 * advance) must be the same to the hundredth of a point. Before the printer brought its own font
 * set-up (`drukFontconfig`) this failed three ways: widths differed with the machine's hinting, a
 * machine without fonts loaded no @font-face at all, and chapters were measured for page breaks
 * in a fallback font (27 pages instead of 25). The second test shows the comparison can tell:
 * a browser started as-is on those set-ups prints the same generic-family paragraph differently.
 */

interface Opzet {
  naam: string;
  env: NodeJS.ProcessEnv;
}

const werkmap = mkdtempSync(join(tmpdir(), 'vt-lettertypen-'));

function fontconfig(naam: string, inhoud: string): NodeJS.ProcessEnv {
  const bestand = join(werkmap, `${naam}.conf`);
  writeFileSync(
    bestand,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<cachedir>${join(werkmap, `cache-${naam}`)}</cachedir>\n${inhoud}\n</fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: bestand };
}

const SYSTEEMMAPPEN = ['/usr/share/fonts', '/usr/local/share/fonts'].filter((d) => existsSync(d));
const omgeleid = (generiek: string, naar: string[]) =>
  `<alias binding="strong"><family>${generiek}</family><prefer>${naar.map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`;

const OPZETTEN: Opzet[] = [
  { naam: 'machine zoals hij is', env: process.env },
  { naam: 'zonder enig lettertype', env: fontconfig('leeg', '') },
  {
    naam: 'alle lettertypen, generieke families omgeleid',
    env: fontconfig(
      'omgeleid',
      [
        ...SYSTEEMMAPPEN.map((d) => `<dir>${d}</dir>`),
        omgeleid('sans-serif', ['DejaVu Serif', 'Liberation Serif', 'Noto Serif']),
        omgeleid('serif', ['DejaVu Sans Mono', 'Liberation Mono']),
        omgeleid('monospace', ['DejaVu Serif', 'Liberation Serif']),
        omgeleid('Arial', ['DejaVu Serif']),
        omgeleid('Liberation Sans', ['DejaVu Serif']),
        omgeleid('Helvetica', ['DejaVu Serif']),
      ].join('\n'),
    ),
  },
];

/** Every text item of every page, as one line: page, position, size, advance and text (pdfjs, y up). */
async function tekstopmaak(pdf: Uint8Array): Promise<string[]> {
  const doc = await openPdf(pdf);
  try {
    const regels: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const pagina = await doc.getPage(p);
      const inhoud = await pagina.getTextContent();
      for (const item of inhoud.items as TextItem[]) {
        if (!('str' in item) || item.str === '') continue;
        const t = item.transform.map((v: number) => v.toFixed(2)).join(' ');
        regels.push(`p${p} [${t}] w${item.width.toFixed(2)} ${JSON.stringify(item.str)}`);
      }
    }
    return regels;
  } finally {
    await doc.destroy();
  }
}

let ctx: TestContext;
let diensten: Rapportdiensten[];
let modellen: { naam: string; model: RapportModel }[];

beforeAll(async () => {
  ctx = await testContext('2025-01-20');
  await importeer(importDeps(ctx), [demoBron(genereerDemo(ctx.regio, ctx.kalender, { tot: '2024-12-31', seed: 9, schaal: 0.2 }), 'demo')], {
    door: 'e2e',
  });
  diensten = OPZETTEN.map((o) =>
    maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 }, drukker: new PdfDrukker(o.env) }),
  );
  const d = diensten[0]!;
  const factsheets = await factsheetModellen(d, '2024-Q4');
  // the gemeente with the longest name: the widest labels
  const langste = factsheets.reduce((a, b) => (b.model.kop.length > a.model.kop.length ? b : a));
  modellen = [
    { naam: 'kwartaalrapportage 2024-Q4', model: await kwartaalrapportageModel(d, '2024-Q4') },
    { naam: `factsheet ${langste.code}`, model: langste.model },
  ];
}, 180_000);

afterAll(async () => {
  for (const d of diensten ?? []) await d.drukker.sluit();
  await ctx?.close();
  rmSync(werkmap, { recursive: true, force: true });
});

describe('the printed text layout is the same whatever fonts the machine has', () => {
  it('report and factsheet: identical text layout under three font set-ups', async () => {
    for (const { naam, model } of modellen) {
      const [eerste, ...andere] = await Promise.all(diensten.map(async (d) => tekstopmaak(await rapportPdf(d, model))));
      expect(eerste!.length, naam).toBeGreaterThan(model.soort === 'factsheet' ? 80 : 800);
      for (const [i, opmaak] of andere.entries()) {
        const verschil = opmaak.findIndex((r, j) => r !== eerste![j]);
        expect(
          { opzet: OPZETTEN[i + 1]!.naam, regels: opmaak.length, eersteVerschil: verschil < 0 ? null : [eerste![verschil], opmaak[verschil]] },
          naam,
        ).toEqual({ opzet: OPZETTEN[i + 1]!.naam, regels: eerste!.length, eersteVerschil: null });
      }
    }
  }, 240_000);

  it('the test can tell: a browser that takes the fonts of the machine prints differently under the set-ups', async () => {
    // planted: the same paragraph in the generic sans-serif of the machine, printed by browsers
    // that read the machine's font set-up (the printing browser reads its own, reports/fontconfig.conf)
    const html =
      `<!doctype html><html><body style="margin:0"><p style="font: 12pt sans-serif">Veiligheidsbeoordeling ` +
      `binnen 5 werkdagen: 1.527 meldingen</p></body></html>`;
    const opmaak: string[][] = [];
    for (const o of OPZETTEN) {
      const browser = await startChromium(o.env);
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        opmaak.push(await tekstopmaak(await page.pdf({ format: 'A4' })));
      } finally {
        await browser.close();
      }
    }
    expect(opmaak[0]!.length).toBeGreaterThan(0);
    expect(opmaak[2]).not.toEqual(opmaak[0]);
  }, 60_000);
});
