/**
 * Figures drawn later (a report for printing): a placeholder of the figure's exact box, the SVG drawn
 * once, one figure per turn of the event loop, and a figure that fails or changes size fails the lot.
 */
import { describe, expect, it } from 'vitest';
import { overdrachtGrafiek } from '../../helpers/grafieken.js';
import { Figuurwerk, HALVE_BREEDTE_PX, metFiguren, Nummering, type RapportFiguur, type RapportModel } from '../../../server/rapportage/model.js';

const grafiek = overdrachtGrafiek;

/** zrender numbers its style classes per process (`zr88-cls-316`): how many charts were drawn before, not this one */
const zonderZrNummers = (svg: string) => svg.replace(/zr\d*-cls-\d+/g, 'zr-cls');
const model = (blokken: RapportFiguur[]) => ({ hoofdstukken: [{ id: 'h', blokken }] }) as unknown as RapportModel;

describe('Figuurwerk', () => {
  it('a placeholder has the SVG box of the figure (its own height 380, and one given); drawn, the model holds the SVG drawn at once (2 sizes)', async () => {
    const werk = new Figuurwerk();
    const later = new Nummering('2027.2', [], werk);
    const nu = new Nummering('2027.2');
    const figuren = [later.figuur(grafiek()), later.figuur(grafiek(), 125, true)];
    const direct = [nu.figuur(grafiek()), nu.figuur(grafiek(), 125, true)];
    expect(figuren.map((f) => f.svg)).toEqual([
      '<svg data-vt-figuur="1" width="660" height="380" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 660 380"></svg>',
      `<svg data-vt-figuur="2" width="${HALVE_BREEDTE_PX}" height="125" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${HALVE_BREEDTE_PX} 125"></svg>`,
    ]);
    expect(direct.map((f) => f.svg.slice(0, f.svg.indexOf(' xmlns')))).toEqual([
      '<svg width="660" height="380"',
      `<svg width="${HALVE_BREEDTE_PX}" height="125"`,
    ]);
    const svgs = await werk.teken();
    expect(werk.teken()).toBe(werk.teken());
    const getekend = metFiguren({ ...model(figuren), figuren: werk }, svgs);
    expect(getekend.figuren).toBeUndefined();
    const blokken = getekend.hoofdstukken[0]!.blokken as RapportFiguur[];
    expect(blokken.map((b) => zonderZrNummers(b.svg))).toEqual(direct.map((b) => zonderZrNummers(b.svg)));
    expect(blokken.map(({ svg: _, ...rest }) => rest)).toEqual(figuren.map(({ svg: _, ...rest }) => rest));
  });

  it('draws one figure per turn of the event loop: what waits in the loop runs between two figures', async () => {
    const werk = new Figuurwerk();
    const gebeurd: string[] = [];
    const svg = (n: string) => () => {
      gebeurd.push(`figuur ${n}`);
      setImmediate(() => gebeurd.push(`na figuur ${n}`));
      return '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"></svg>';
    };
    werk.voeg(10, 10, svg('1'));
    werk.voeg(10, 10, svg('2'));
    const klaar = werk.teken();
    expect(gebeurd).toEqual([]);
    await klaar;
    expect(gebeurd).toEqual(['figuur 1', 'na figuur 1', 'figuur 2']);
  });

  it('a figure that fails to draw, or has another size than its placeholder, rejects; an undrawn one is refused', async () => {
    const kapot = new Figuurwerk();
    kapot.voeg(10, 10, () => '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"></svg>');
    kapot.voeg(10, 10, () => {
      throw new Error('ECharts kapot');
    });
    await expect(kapot.teken()).rejects.toThrow('ECharts kapot');
    const anders = new Figuurwerk();
    anders.voeg(10, 10, () => '<svg width="10" height="11" xmlns="http://www.w3.org/2000/svg"></svg>');
    await expect(anders.teken()).rejects.toThrow('Figuur 1 heeft niet de maat van zijn plaats in het rapport.');
    const werk = new Figuurwerk();
    const f = new Nummering('2027.2', [], werk).figuur(grafiek());
    expect(() => metFiguren(model([f]), new Map())).toThrow(`Figuur 1 (${f.titel}) is niet getekend.`);
  });
});
