/**
 * The attacker: for every gemeente of the demo data and every quarter, as that gemeente's account,
 * read everything it can (the API per quarter, every count's series, downloads) and try every
 * identity the catalogue knows — stocks over quarters, distributions summing to totals, parts
 * within totals, region against gemeente, the four-quarter key figures — to pin a true count of
 * 1 to 4 down exactly. The attacker knows the published method (docs/privacy.md): a rounded count
 * v means a true count in [v − 2, v + 2]. Identities are propagated as interval constraints until
 * nothing narrows any more (the feasibility intervals of statistical disclosure control).
 *
 * Full demo scale (`--schaal 1`, 64,000 registrations, 2019-Q1 … 2026-Q4), today 2026-12-01.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kwartaalReeks, type Kwartaal } from '../../server/calendar/kwartaal.js';
import { importDeps } from '../../server/import/service.js';
import { demoBron } from '../../server/demo/export.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { importeer } from '../../server/import/importer.js';
import { beschermklasse, IDENTITEITEN, PER_SLEUTEL, type Pad } from '../../server/indicatoren/catalogus.js';
import { REGIO } from '../../server/indicatoren/gebieden.js';
import { leesIndicatoren } from '../../server/indicatoren/repository.js';
import { leesBereik } from '../../server/indicatoren/service.js';
import { STANDAARD_BELEID } from '../../server/privacy/onderdrukking.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';
import { normenVan } from '../../server/config/env.js';
import { factsheetModel, factsheetModellen, maakRapportdiensten } from '../../server/rapportage/service.js';

type Waarden = Record<string, unknown>;
const HALF = Math.floor((STANDAARD_BELEID.grondtal - 1) / 2);

/** Every count leaf of one gebied's values: path → value (numbers, or `{onderdrukt}` as null). */
function tellingen(w: Waarden): Map<Pad, number | null> {
  const uit = new Map<Pad, number | null>();
  const loop = (v: unknown, pad: string) => {
    if (typeof v === 'number') uit.set(pad, v);
    else if (v !== null && typeof v === 'object' && (v as { onderdrukt?: boolean }).onderdrukt) uit.set(pad, null);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v as Waarden)) loop(x, `${pad}.${k}`);
  };
  for (const [k, v] of Object.entries(w)) {
    const i = PER_SLEUTEL.get(k);
    if (i && beschermklasse(i) === 'afronden') loop(v, k);
  }
  return uit;
}

interface Beperking {
  termen: [number, string][];
  soort: 'eq' | 'le';
  k: number;
  naam: string;
}

/** Bounds propagation to a fixpoint: each constraint narrows each of its variables from the others' bounds. */
function propageer(lo: Map<string, number>, hi: Map<string, number>, beperkingen: Beperking[]): void {
  const min = (c: number, v: string) => (c > 0 ? c * lo.get(v)! : c * hi.get(v)!);
  const max = (c: number, v: string) => (c > 0 ? c * hi.get(v)! : c * lo.get(v)!);
  for (let ronde = 0; ronde < 200; ronde++) {
    let gewijzigd = false;
    for (const b of beperkingen) {
      for (let i = 0; i < b.termen.length; i++) {
        const [c, v] = b.termen[i]!;
        let restMin = 0;
        let restMax = 0;
        for (let j = 0; j < b.termen.length; j++) {
          if (j === i) continue;
          restMin += min(...b.termen[j]!);
          restMax += max(...b.termen[j]!);
        }
        // c·x = k − rest (eq) or c·x ≤ k − rest (le)
        const boven = b.k - restMin;
        const onder = b.soort === 'eq' ? b.k - restMax : -Infinity;
        let nLo = c > 0 ? onder / c : boven / c;
        let nHi = c > 0 ? boven / c : onder / c;
        nLo = Number.isNaN(nLo) ? -Infinity : Math.ceil(nLo - 1e-9);
        nHi = Number.isNaN(nHi) ? Infinity : Math.floor(nHi + 1e-9);
        if (nLo > lo.get(v)!) {
          lo.set(v, nLo);
          gewijzigd = true;
        }
        if (nHi < hi.get(v)!) {
          hi.set(v, nHi);
          gewijzigd = true;
        }
      }
    }
    if (!gewijzigd) return;
  }
}

const ctx: TestContext = await testContext('2026-12-01');
await importeer(importDeps(ctx), [demoBron(genereerDemo(ctx.regio, ctx.kalender, { tot: '2026-12-01', seed: 42, schaal: 1 }), 'demo')], { door: 'demo' });
const { server, base } = await startServer(ctx);
const bereik = (await leesBereik(ctx.db))!;
const kwartalen = kwartaalReeks(bereik.van, bereik.tot);
afterAll(async () => {
  server.close();
  await ctx.close();
});

interface Aanval {
  code: string;
  identiteiten: number;
  geprobeerd: number;
  klein: number;
  teruggerekend: string[];
  /** identities that do not hold on the true values (a wrong catalogue) */
  onwaar: string[];
  /** published intervals that exclude the truth (a wrong model of the method) */
  buiten: string[];
}

async function valAan(code: string, sessie: Sessie): Promise<Aanval> {
  const gebieden = [REGIO, code];
  const gepubliceerd = new Map<string, Waarden>();
  for (const k of kwartalen) {
    const res = await sessie.fetch(`${base}/api/indicatoren?kwartaal=${k}`);
    expect(res.status).toBe(200);
    const data = (await res.json()) as { regio: Waarden; gemeenten: Record<string, Waarden> };
    expect(Object.keys(data.gemeenten)).toEqual([code]);
    gepubliceerd.set(`${REGIO}|${k}`, data.regio);
    gepubliceerd.set(`${code}|${k}`, data.gemeenten[code]!);
  }
  // the series say the same as the quarters (read them all: an attacker would)
  const eigen = tellingen(gepubliceerd.get(`${code}|${bereik.tot}`)!);
  for (const sleutel of new Set([...eigen.keys()].map((p) => p.split('.')[0]!))) {
    const res = await sessie.fetch(`${base}/api/reeks?indicator=${sleutel}&van=${bereik.van}&tot=${bereik.tot}&gemeente=${code}`);
    const reeks = (await res.json()) as { reeks: { kwartaal: Kwartaal; waarde: unknown }[] };
    for (const p of reeks.reeks) expect(p.waarde, `${code} ${sleutel} ${p.kwartaal}`).toEqual(gepubliceerd.get(`${code}|${p.kwartaal}`)![sleutel] ?? null);
  }

  const waar = new Map<string, Waarden>();
  for (const r of await leesIndicatoren(ctx.db, { kwartalen, gebieden })) {
    const w = waar.get(`${r.gebied}|${r.kwartaal}`) ?? {};
    w[r.indicator] = r.waarde;
    waar.set(`${r.gebied}|${r.kwartaal}`, w);
  }

  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const echt = new Map<string, number>();
  const buiten: string[] = [];
  for (const g of gebieden) {
    for (const k of kwartalen) {
      const pub = tellingen(gepubliceerd.get(`${g}|${k}`) ?? {});
      for (const [pad, n] of tellingen(waar.get(`${g}|${k}`) ?? {})) {
        const id = `${g}|${k}|${pad}`;
        echt.set(id, n!);
        const v = pub.get(pad);
        lo.set(id, typeof v === 'number' ? Math.max(0, v - HALF) : 0);
        hi.set(id, typeof v === 'number' ? v + HALF : Infinity);
        if (n! < lo.get(id)! || n! > hi.get(id)!) buiten.push(`${id}: ${n} outside [${lo.get(id)}, ${hi.get(id)}]`);
      }
    }
  }

  const beperkingen: Beperking[] = [];
  const bestaat = (id: string) => echt.has(id);
  const uitvouwen = (g: string, k: Kwartaal, pad: Pad): string[] => {
    if (!pad.endsWith('.*')) return bestaat(`${g}|${k}|${pad}`) ? [`${g}|${k}|${pad}`] : [];
    const prefix = `${g}|${k}|${pad.slice(0, -1)}`;
    return [...echt.keys()].filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes('.'));
  };
  let identiteiten = 0;
  for (const idt of IDENTITEITEN) {
    for (const g of gebieden) {
      for (const [qi, k] of kwartalen.entries()) {
        if (idt.soort === 'som') {
          const totaal = uitvouwen(g, k, idt.totaal);
          const delen = idt.delen.flatMap((d) => uitvouwen(g, k, d));
          if (totaal.length !== 1 || delen.length === 0) continue;
          beperkingen.push({ termen: [[1, totaal[0]!], ...delen.map((d) => [-1, d] as [number, string])], soort: 'eq', k: 0, naam: `${g} ${k} ${idt.totaal} = Σ ${idt.delen.join(' + ')}` });
        } else if (idt.soort === 'deel') {
          const [deel] = uitvouwen(g, k, idt.deel);
          const [totaal] = uitvouwen(g, k, idt.totaal);
          if (!deel || !totaal) continue;
          beperkingen.push({ termen: [[1, deel], [-1, totaal]], soort: 'le', k: 0, naam: `${g} ${k} ${idt.deel} ≤ ${idt.totaal}` });
        } else if (idt.soort === 'voorraad') {
          const [nu] = uitvouwen(g, k, idt.voorraad);
          const vorig = qi > 0 ? uitvouwen(g, kwartalen[qi - 1]!, idt.voorraad)[0] : undefined;
          const inn = idt.in.flatMap((p) => uitvouwen(g, k, p));
          const uit = idt.uit.flatMap((p) => uitvouwen(g, k, p));
          if (!nu || inn.length !== idt.in.length || uit.length !== idt.uit.length || (qi > 0 && !vorig)) continue;
          // before the first quarter of the data the stock is empty
          beperkingen.push({
            termen: [[1, nu], ...(vorig ? [[-1, vorig] as [number, string]] : []), ...inn.map((x) => [-1, x] as [number, string]), ...uit.map((x) => [1, x] as [number, string])],
            soort: 'eq', k: 0, naam: `${g} ${k} ${idt.voorraad} = vorig + ${idt.in.join(' + ')} − ${idt.uit.join(' − ')}`,
          });
        } else if (g === code) {
          // region = Σ gebieden: the gemeente's count is at most the region's (the others are unknown)
          for (const id of [...echt.keys()].filter((x) => x.startsWith(`${code}|${k}|`))) {
            const r = `${REGIO}|${k}|${id.split('|')[2]}`;
            if (bestaat(r)) beperkingen.push({ termen: [[1, id], [-1, r]], soort: 'le', k: 0, naam: `${id} ≤ regio` });
          }
        }
      }
    }
    identiteiten++;
  }
  // the four-quarter key figures: the rounded sums of teller and noemer over four quarters
  for (const g of gebieden) {
    for (const [qi, k] of kwartalen.entries()) {
      const vier = (gepubliceerd.get(`${g}|${k}`)!.laatste_4_kwartalen ?? {}) as Record<string, { pct: unknown; n: unknown }>;
      for (const [sleutel, { pct, n }] of Object.entries(vier)) {
        if (typeof pct !== 'number' || typeof n !== 'number' || qi < 3) continue;
        const [teller, noemer] = PER_SLEUTEL.get(sleutel)!.uit as [string, string];
        // the teller follows from the share and the base (a multiple of the grondtal)
        const t = Math.round((pct * n) / 100 / STANDAARD_BELEID.grondtal) * STANDAARD_BELEID.grondtal;
        for (const [pad, v] of [[noemer, n], [teller, t]] as const) {
          const ids = [0, 1, 2, 3].map((d) => `${g}|${kwartalen[qi - d]}|${pad}`);
          if (!ids.every(bestaat)) continue;
          // an attacker stronger than a real one: told by an oracle when the figure is the rounded exact sum
          // (otherwise it is the sum of the published quarters and says nothing new)
          const exact = ids.reduce((s, id) => s + echt.get(id)!, 0);
          if (Math.abs(v - exact) > HALF) continue;
          const termen = ids.map((id) => [1, id] as [number, string]);
          beperkingen.push({ termen, soort: 'le', k: v + HALF, naam: `${g} ${k} Σ4 ${pad} ≤ ${v + HALF}` });
          beperkingen.push({ termen: termen.map(([c, id]) => [-c, id] as [number, string]), soort: 'le', k: -Math.max(0, v - HALF), naam: `${g} ${k} Σ4 ${pad} ≥ ${v - HALF}` });
        }
      }
    }
  }
  identiteiten++;

  // every identity must hold on the true values, or the catalogue is wrong
  const onwaar = beperkingen
    .filter((b) => {
      const s = b.termen.reduce((acc, [c, id]) => acc + c * echt.get(id)!, 0);
      return b.soort === 'eq' ? s !== b.k : s > b.k;
    })
    .map((b) => b.naam);

  propageer(lo, hi, beperkingen);
  const klein = [...echt].filter(([, n]) => n >= 1 && n <= 4);
  const teruggerekend = klein.filter(([id]) => lo.get(id) === hi.get(id)).map(([id, n]) => `${id} = ${n}`);
  for (const [id, n] of echt) if (n < lo.get(id)! || n > hi.get(id)!) buiten.push(`${id}: ${n} outside [${lo.get(id)}, ${hi.get(id)}] after propagation`);
  return { code, identiteiten, geprobeerd: beperkingen.length, klein: klein.length, teruggerekend, onwaar, buiten };
}

const aanvallen: Aanval[] = [];
for (const g of ctx.regio.gemeenten) aanvallen.push(await valAan(g.code, await sessieAls(ctx, 'gemeente', [g.code])));
const totaal = aanvallen.reduce((s, a) => s + a.geprobeerd, 0);
const kleinTotaal = aanvallen.reduce((s, a) => s + a.klein, 0);

describe('the attacker (every gemeente account, every quarter, every catalogue identity)', () => {
  it(`${totaal} identity instances (${aanvallen[0]!.identiteiten} identities of the catalogue × ${ctx.regio.gemeenten.length} gemeenten × ${kwartalen.length} quarters) tried on ${kleinTotaal} true counts of 1–4: none recovered exactly`, () => {
    expect(kleinTotaal).toBeGreaterThan(100);
    expect(aanvallen.flatMap((a) => a.onwaar)).toEqual([]);
    expect(aanvallen.flatMap((a) => a.buiten)).toEqual([]);
    expect(aanvallen.flatMap((a) => a.teruggerekend)).toEqual([]);
  });

  it('the issue\'s attack on Tiel (open_vb(Q) = open_vb(Q−1) + meldingen(Q) − meldingen_vb(Q) and the other stocks) recovers nothing', () => {
    const tiel = aanvallen.find((a) => a.code === 'GM0281')!;
    expect(tiel.klein).toBeGreaterThan(0);
    expect(tiel.teruggerekend).toEqual([]);
  });

  it('every download of every gemeente page holds only rounded counts or "." (all charts, 20 quarters)', async () => {
    let cellen = 0;
    for (const g of ctx.regio.gemeenten) {
      const sessie = await sessieAls(ctx, 'gemeente', [g.code]);
      const html = await (await sessie.fetch(`${base}/gemeente/${g.code}?kwartaal=2026-Q3&periode=20`)).text();
      const paden = [...new Set([...html.matchAll(/href="(\/export\/gemeente\/[^"]+\.csv\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
      expect(paden.length, g.code).toBeGreaterThanOrEqual(6);
      for (const pad of paden) {
        const csv = await (await sessie.fetch(`${base}${pad}`)).text();
        const [tabel] = csv.replace('\uFEFF', '').split('\r\n\r\n');
        const [kop, ...regels] = tabel!.split('\r\n').map((r) => r.split(';'));
        for (const r of regels) {
          for (const [i, c] of r.entries()) {
            if (i === 0 || /%|per 1\.000/.test(kop![i]!) || pad.includes('gemeente-vs-regio')) continue;
            cellen++;
            expect(c === '.' || (/^\d+$/.test(c) && Number(c) % 5 === 0), `${pad} ${kop![i]}: ${c}`).toBe(true);
          }
        }
      }
    }
    expect(cellen).toBeGreaterThan(1000);
  });

  it('downloads carry the same protected values as the API (instroom and VB per quarter, Tiel)', async () => {
    const sessie = await sessieAls(ctx, 'gemeente', ['GM0281']);
    const csv = await (await sessie.fetch(`${base}/export/gemeente/GM0281/instroom.csv?kwartaal=2026-Q3&periode=20`)).text();
    const regels = csv.replace('\uFEFF', '').split('\r\n').filter((r) => /^Q\d \d{4}/.test(r));
    expect(regels).toHaveLength(20);
    const api = (await (await sessie.fetch(`${base}/api/reeks?indicator=meldingen&van=2021-Q4&tot=2026-Q3&gemeente=GM0281`)).json()) as { reeks: { waarde: number }[] };
    expect(regels.map((r) => Number(r.split(';')[2]))).toEqual(api.reeks.map((p) => p.waarde));
    for (const r of regels) for (const c of r.split(';').slice(1)) expect(c === '.' || Number(c) % 5 === 0, r).toBe(true);
    expect(csv).toContain('Verklaring van tekens');
  });
});

describe('figures that stay visible (demo data, last complete quarter 2026-Q3, today 2026-12-01)', () => {
  const zichtbaar = (waarden: string[]) => waarden.filter((w) => w !== '.' && !w.startsWith('.')).length;
  /** the tiles in page order; the three shares and the count that is their base */
  const BASIS: Record<number, string> = { 2: 'meldingen_vb', 3: 'onderzoeken_afgerond', 4: 'vv_afgerond' };
  const VIER = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
  /** the true base of a share over the four quarters, rounded as published */
  async function vierBasis(code: string, sleutel: string): Promise<number> {
    const rijen = await leesIndicatoren(ctx.db, { kwartalen: VIER, gebieden: [code] });
    const som = rijen.filter((r) => r.indicator === sleutel).reduce((s, r) => s + (r.waarde as number), 0);
    return Math.floor(som / STANDAARD_BELEID.grondtal + 0.5) * STANDAARD_BELEID.grondtal;
  }
  /**
   * At least 5 of the 6 kerncijfers are numbers — except where a share's base is too small even
   * over the last four quarters (below minNoemer), which the method hides by design: then that
   * share, and only such a share, is '.' (on the demo data: Mook en Middelaar, about 8,000
   * inhabitants, 1 onderzoek and 6 V&V's in four quarters).
   */
  async function kerncijfersZichtbaar(code: string, waarden: string[]): Promise<boolean> {
    const verborgen = waarden.map((w, i) => (w === '.' || w.startsWith('.') ? i : -1)).filter((i) => i >= 0);
    const teKlein: number[] = [];
    for (const i of verborgen) if (BASIS[i] && (await vierBasis(code, BASIS[i]!)) < STANDAARD_BELEID.minNoemer) teKlein.push(i);
    expect(verborgen.filter((i) => !teKlein.includes(i)), `${code}: hidden although the four-quarter base is large enough: ${waarden.join(' | ')}`).toEqual([]);
    return zichtbaar(waarden) >= 5;
  }

  it('every gemeente page shows at least 5 of its 6 kerncijfers as numbers, unless a share is too small even over four quarters; the default quarter is the last complete one', async () => {
    const minder: string[] = [];
    for (const g of ctx.regio.gemeenten) {
      const sessie = await sessieAls(ctx, 'gemeente', [g.code]);
      const html = await (await sessie.fetch(`${base}/gemeente/${g.code}`)).text();
      expect(html, g.code).toContain('Kerncijfers derde kwartaal van 2026');
      const tegels = [...html.matchAll(/<p class="tegel__waarde">([^<]*)<\/p>/g)].map((m) => m[1]!);
      expect(tegels, g.code).toHaveLength(6);
      if (!(await kerncijfersZichtbaar(g.code, tegels))) minder.push(g.naam);
    }
    // the smallest gemeente of the region at most
    expect(minder.length).toBeLessThanOrEqual(1);
  });

  it('every factsheet of 2026-Q3 shows at least 5 of its 6 kerncijfers as numbers (same exception); the running quarter is marked voorlopig', async () => {
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env), vandaag: ctx.vandaag });
    const minder: string[] = [];
    for (const { code, model } of await factsheetModellen(d, '2026-Q3')) {
      if (!(await kerncijfersZichtbaar(code, model.kerncijfers.map((k) => k.waarde)))) minder.push(code);
      expect(model.voorlopig).toBe(false);
    }
    expect(minder.length).toBeLessThanOrEqual(1);
    const lopend = await factsheetModel(d, '2026-Q4', 'GM0281');
    expect(lopend.voorlopig).toBe(true);
    expect(lopend.kop).toContain('VOORLOPIG');
    expect(lopend.kerncijfers.find((k) => k.label === 'Meldingen')!.waarde).toMatch(/\*$/);
  });

  it('the API says voorlopig for the running quarter, in the quarter and in the series', async () => {
    const sessie = await sessieAls(ctx, 'gemeente', ['GM0281']);
    expect(((await (await sessie.fetch(`${base}/api/indicatoren?kwartaal=2026-Q4`)).json()) as { voorlopig: boolean }).voorlopig).toBe(true);
    expect(((await (await sessie.fetch(`${base}/api/indicatoren?kwartaal=2026-Q3`)).json()) as { voorlopig: boolean }).voorlopig).toBe(false);
    const reeks = (await (await sessie.fetch(`${base}/api/reeks?indicator=meldingen&van=2026-Q3&tot=2026-Q4&gemeente=GM0281`)).json()) as { reeks: { voorlopig: boolean }[] };
    expect(reeks.reeks.map((p) => p.voorlopig)).toEqual([false, true]);
    const html = await (await sessie.fetch(`${base}/gemeente/GM0281?kwartaal=2026-Q4`)).text();
    expect(html).toContain('(voorlopig: het kwartaal loopt nog)');
    expect(html).toContain('Q4 2026*');
  });
});
