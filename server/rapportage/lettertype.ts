import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The one font of the printed reports: Arimo (SIL Open Font License 1.1, shipped by
 * @fontsource/arimo, metrics of Liberation Sans and Arial). The print page embeds it as data
 * URLs (the page loads nothing) and the chart renderer measures its text with the same files,
 * so no printed width depends on the fonts a machine happens to have.
 */
export const LETTERTYPE = 'Arimo';

const bestanden = join(dirname(createRequire(import.meta.url).resolve('@fontsource/arimo/package.json')), 'files');

/** The subsets embedded, with fontsource's own unicode ranges; every character of a report is in one of them. */
const SUBSETS = {
  latin: [
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,',
    'U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  ].join(''),
  'latin-ext': [
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,',
    'U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  ].join(''),
} as const;
type Subset = keyof typeof SUBSETS;
type Gewicht = 400 | 700;
type Stijl = 'normal' | 'italic';

const bytes = new Map<string, Buffer>();
const bestand = (subset: Subset, gewicht: Gewicht, stijl: Stijl): Buffer => {
  const naam = `arimo-${subset}-${gewicht}-${stijl}.woff2`;
  if (!bytes.has(naam)) bytes.set(naam, readFileSync(join(bestanden, naam)));
  return bytes.get(naam)!;
};

const fontFace = (subset: Subset, gewicht: Gewicht, stijl: Stijl) =>
  `@font-face{font-family:${LETTERTYPE};font-style:${stijl};font-weight:${gewicht};font-display:block;` +
  `src:url(data:font/woff2;base64,${bestand(subset, gewicht, stijl).toString('base64')}) format('woff2');unicode-range:${SUBSETS[subset]}}`;

let css: string | undefined;
/** The @font-face rules of the print page: regular, bold and italic, latin and latin-ext (a subset is decoded only when a character needs it). */
export function lettertypeCss(): string {
  css ??= (['latin', 'latin-ext'] as const)
    .flatMap((s) => [fontFace(s, 400, 'normal'), fontFace(s, 700, 'normal'), fontFace(s, 400, 'italic'), fontFace(s, 700, 'italic')])
    .join('\n');
  return css;
}

let kopCss: string | undefined;
/** The page header and footer have only regular latin text: their template embeds just that file. */
export function kopLettertypeCss(): string {
  kopCss ??= fontFace('latin', 400, 'normal');
  return kopCss;
}

type Font = fontkit.Font;
const fonts = new Map<string, Font[]>();
function fontsVoor(gewicht: Gewicht, stijl: Stijl): Font[] {
  const sleutel = `${gewicht}-${stijl}`;
  if (!fonts.has(sleutel)) {
    fonts.set(
      sleutel,
      (['latin', 'latin-ext'] as const).map((s) => fontkit.create(bestand(s, gewicht, stijl)) as Font),
    );
  }
  return fonts.get(sleutel)!;
}

/** Whether the shipped font has a glyph for the character (in the regular face of one of the embedded subsets). */
export function heeftTeken(teken: string): boolean {
  const code = teken.codePointAt(0)!;
  return fontsVoor(400, 'normal').some((f) => f.hasGlyphForCodePoint(code));
}

/**
 * The advance width in CSS px of `tekst` set in Arimo, as Chromium lays it out (kerning on).
 * `font` is a CSS font shorthand as ECharts writes it ("bold 12px Arimo", "normal normal 14px
 * sans-serif"): its size, weight and style count, its family does not (the print has one).
 * A run of characters from one subset is shaped as a whole; a character in neither subset
 * (which the print would take from another font) is measured as 1 em, as wide as it is high:
 * zrender takes the width of '国' as the line height.
 */
export function meetTekst(tekst: string, font = '12px sans-serif'): number {
  const grootte = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const gewicht: Gewicht = /\bbold(er)?\b|\b[6-9]00\b/.test(font) ? 700 : 400;
  const stijl: Stijl = /\b(italic|oblique)\b/.test(font) ? 'italic' : 'normal';
  const [latin, ext] = fontsVoor(gewicht, stijl) as [Font, Font];
  let breedte = 0;
  let run = '';
  let runFont: Font | null = null;
  const sluit = () => {
    if (run && runFont) breedte += (runFont.layout(run).advanceWidth / runFont.unitsPerEm) * grootte;
    run = '';
  };
  for (const teken of tekst) {
    const code = teken.codePointAt(0)!;
    const f = latin.hasGlyphForCodePoint(code) ? latin : ext.hasGlyphForCodePoint(code) ? ext : null;
    if (f !== runFont) sluit();
    runFont = f;
    if (f) run += teken;
    else breedte += grootte;
  }
  sluit();
  return breedte;
}

/**
 * The font set-up of the Chromium that prints the reports (FONTCONFIG_FILE; `PdfDrukker`). The
 * printing browser sees no font of the machine: no font directory but the shipped Arimo, no
 * include of /etc/fonts, no user configuration, so a DejaVu-only server and a desktop with
 * LibreOffice's fonts print the same. Two findings behind it (test/e2e/lettertype-machine.test.ts):
 * - Chromium loads no @font-face at all when fontconfig offers it no TrueType font (the faces end
 *   in "error" and the text falls back), so one directory is needed: Arimo's regular TrueType from
 *   @expo-google-fonts/arimo (OFL 1.1, the same font version 1.341 as @fontsource/arimo), which
 *   is then also what any text asking for a generic family would get.
 * - Hinting changes glyph advances, and with them line and page breaks: Debian's fontconfig sets
 *   hintstyle "slight", a configuration without that setting gives full hinting. It is fixed here
 *   to none: the font's own advances, the ones `meetTekst` measures.
 * Written once to a directory under the system's temporary directory named by its content.
 */
let fontconfig: string | undefined;
export function drukFontconfig(): string {
  if (fontconfig && existsSync(fontconfig)) return fontconfig;
  const ttf = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'));
  const vast = ['pattern', 'font']
    .map(
      (doel) =>
        `  <match target="${doel}">\n` +
        '    <edit name="hinting" mode="assign"><bool>false</bool></edit>\n' +
        '    <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>\n' +
        '    <edit name="autohint" mode="assign"><bool>false</bool></edit>\n' +
        '    <edit name="antialias" mode="assign"><bool>true</bool></edit>\n' +
        '    <edit name="rgba" mode="assign"><const>none</const></edit>\n' +
        '  </match>\n',
    )
    .join('');
  // one directory per content (and so per installation): written once, shared by every process
  const sleutel = createHash('sha256').update(ttf).update(vast).digest('hex').slice(0, 16);
  const map = join(tmpdir(), `vt-monitor-fontconfig-${sleutel}`);
  const bestand = join(map, 'fonts.conf');
  if (!existsSync(bestand)) {
    mkdirSync(map, { recursive: true });
    const inhoud =
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${ttf}</dir>\n  <cachedir>${join(map, 'cache')}</cachedir>\n${vast}</fontconfig>\n`;
    const tijdelijk = `${bestand}.${process.pid}`;
    writeFileSync(tijdelijk, inhoud);
    renameSync(tijdelijk, bestand);
  }
  fontconfig = bestand;
  return bestand;
}
