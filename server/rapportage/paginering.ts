/**
 * Where a chapter starts a new page: only where that does not leave the page before it under
 * half full. Chromium cannot express that in CSS, so the report's blocks are measured in the
 * printing page (print media, the A4 content width) and the pages are simulated here, purely:
 * a block that must stay whole (figure, short table, duiding) moves to the next page when it
 * does not fit; anything else flows on.
 */
export interface GemetenBlok {
  hoogte: number;
  /** break-inside: avoid */
  heel: boolean;
}

export interface GemetenHoofdstuk {
  id: string;
  blokken: GemetenBlok[];
}

/** The A4 content height in CSS px: 297 mm − 20 mm top − 18 mm bottom margin, at 96 px per inch. */
export const PAGINAHOOGTE_PX = ((297 - 20 - 18) / 25.4) * 96;
/** The space kept above a chapter that continues on the page (margin-top 8 mm). */
export const VERVOLG_MARGE_PX = (8 / 25.4) * 96;

/** The chapters (after the first) that continue on the page of the previous one. */
export function vervolgHoofdstukken(hoofdstukken: GemetenHoofdstuk[], hoogte = PAGINAHOOGTE_PX): Set<string> {
  const vervolg = new Set<string>();
  let y = 0;
  for (const [i, h] of hoofdstukken.entries()) {
    if (i > 0 && y > 0 && y < hoogte / 2) {
      vervolg.add(h.id);
      y += VERVOLG_MARGE_PX;
    } else {
      y = 0;
    }
    for (const b of h.blokken) {
      // (a pixel of slack: measuring and printing round differently)
      if (b.heel && y > 0 && y + b.hoogte > hoogte + 2) y = 0;
      y += b.hoogte;
      while (y > hoogte + 2) y -= hoogte;
      if (y >= hoogte - 2) y = 0; // the page is full: the next block starts a new one
    }
  }
  return vervolg;
}
