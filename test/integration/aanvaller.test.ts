/**
 * The attacker: for every gemeente of the demo data and every quarter, as that gemeente's account,
 * read everything it can (the API per quarter, every count's series, downloads) and try every
 * identity the catalogue knows — stocks over quarters, distributions summing to totals, parts
 * within totals, region against gemeente, the four-quarter key figures — to pin a true count of
 * 1 to 4 down exactly. The attacker knows the published method (docs/privacy.md): a rounded count
 * v means a true count in [v − 2, v + 2]. Identities are propagated as interval constraints until
 * nothing narrows any more (the feasibility intervals of statistical disclosure control).
 *
 * The derived figures are attacked too (issue 24): every share, per-1,000 rate and growth the
 * account reads must be the published formula of the published counts it reads (so it says
 * nothing the counts do not), and the inversion — a per-1,000 rate computed from the exact
 * count, solved for that count — must recover nothing.
 *
 * Full demo scale (`--schaal 1`, 64,000 registrations, 2019-Q1 … 2026-Q4), today 2026-12-01.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kwartaalReeks, telKwartalenOp, type Kwartaal } from '../../server/calendar/kwartaal.js';
import { importDeps } from '../../server/import/service.js';
import { demoBron } from '../../server/demo/export.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { importeer } from '../../server/import/importer.js';
import { beschermklasse, CATALOGUS, IDENTITEITEN, PER_SLEUTEL, type Pad } from '../../server/indicatoren/catalogus.js';
import { afronden, groei, per1000, percentage } from '../../server/shared/getallen.js';
import { REGIO } from '../../server/indicatoren/gebieden.js';
import { leesIndicatoren } from '../../server/indicatoren/repository.js';
import { leesBereik } from '../../server/indicatoren/service.js';
import { STANDAARD_BELEID } from '../../server/privacy/onderdrukking.js';
import { inwonersVan, type Inwoners } from '../../server/privacy/service.js';
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

const isVerborgen = (v: unknown) => v !== null && typeof v === 'object' && (v as { onderdrukt?: boolean }).onderdrukt === true;
const num = (w: Waarden | undefined, k: string) => (w && typeof w[k] === 'number' ? (w[k] as number) : null);
const AANDELEN = CATALOGUS.filter((i) => i.soort === 'aandeel' && i.uit.length === 2);
const GROEI = CATALOGUS.find((i) => i.soort === 'groei')!;
const PER_1000 = CATALOGUS.find((i) => i.soort === 'per1000')!;

interface Afgeleid {
  /** derived figures checked against the published formula of the published counts */
  controles: number;
  uitzonderingen: string[];
  /** per-1,000 figures tried in the inversion */
  inversies: number;
  /** true counts of 1–4 the inversion gave back exactly */
  teruggerekend: string[];
}

/**
 * (a) Every derived figure the account read is the published formula of the published counts it
 * read: a share round(100 × t / n, 1) (`.` below minNoemer), a rate count × 1,000 / inwoners
 * (`.` for a hidden count), a growth the change of the published counts (half away from zero), and
 * equal published counts carry equal rates. (b) The inversion: the attacker solves each
 * rate for the count, for a rate from the exact count and for the rate the first version published
 * (the rounded count scaled by the stored exact rate), keeping a model only where it explains every
 * rate of that gebied; a unique solution that is a true count of 1–4 is a recovery.
 */
function valAfgeleidAan(code: string, gepubliceerd: Map<string, Waarden>, waar: Map<string, Waarden>, inwoners: Inwoners): Afgeleid {
  const uitzonderingen: string[] = [];
  let controles = 0;
  const zie = (wat: string, kreeg: unknown, verwacht: unknown) => {
    controles++;
    const k = isVerborgen(kreeg) ? '.' : kreeg;
    if (k !== verwacht) uitzonderingen.push(`${wat}: ${JSON.stringify(kreeg)}, expected ${String(verwacht)}`);
  };
  const modellen = {
    exact: (e: number, _c: number, inw: number | null) => per1000(e, inw),
    eerste_versie: (e: number, c: number, inw: number | null) => {
      if (e === 0) return c === 0 ? 0 : null;
      const x = per1000(e, inw)!;
      return x === 0 ? null : afronden((c * x) / e, 2);
    },
  };
  const oplossingen: Record<keyof typeof modellen, { id: string; kandidaten: number[]; echt: number }[]> = { exact: [], eerste_versie: [] };
  let inversies = 0;
  for (const g of [code, REGIO]) {
    // a rate is a function of the published count and the (public) population of the quarter's year
    const gezien = new Map<string, number>();
    for (const k of kwartalen) {
      const inw = inwoners(g, k);
      const w = gepubliceerd.get(`${g}|${k}`);
      if (!w || Object.keys(w).length <= 2) continue;
      for (const i of AANDELEN) {
        if (!(i.sleutel in w)) continue;
        const [t, n] = i.uit.map((x) => num(w, x)) as [number | null, number | null];
        zie(`${g} ${k} ${i.sleutel}`, w[i.sleutel], t === null || n === null || n < STANDAARD_BELEID.minNoemer ? '.' : percentage(t, n));
      }
      const rates = (w.per_1000_inwoners ?? null) as Waarden | null;
      for (const x of PER_1000.uit) {
        if (!rates || !(x in rates)) continue;
        const c = num(w, x);
        zie(`${g} ${k} per_1000_inwoners.${x}`, rates[x], c === null ? '.' : per1000(c, inw));
        const p = rates[x];
        if (c !== null && typeof p === 'number') {
          const sleutel = `${c}|${inw}`;
          if (gezien.has(sleutel) && gezien.get(sleutel) !== p)
            uitzonderingen.push(`${g} ${k} ${x}: published ${c} with rate ${p}, elsewhere ${gezien.get(sleutel)}`);
          gezien.set(sleutel, p);
          const echt = num(waar.get(`${g}|${k}`), x);
          if (g === code && echt !== null) {
            inversies++;
            for (const [naam, f] of Object.entries(modellen) as [keyof typeof modellen, (typeof modellen)['exact']][]) {
              const kandidaten: number[] = [];
              for (let e = Math.max(0, c - HALF); e <= c + HALF; e++) if (f(e, c, inw) === p) kandidaten.push(e);
              oplossingen[naam].push({ id: `${g}|${k}|${x}`, kandidaten, echt });
            }
          }
        }
      }
      const groeiW = (w.groei ?? null) as Waarden | null;
      for (const [naam, x] of Object.entries(GROEI.delen!)) {
        for (const [suffix, d] of [
          ['qoq', 1],
          ['yoy', 4],
        ] as const) {
          if (!groeiW || !(`${naam}_${suffix}` in groeiW)) continue;
          const a = num(w, x);
          const b = num(gepubliceerd.get(`${g}|${telKwartalenOp(k, -d)}`), x);
          const m = STANDAARD_BELEID.minNoemer;
          zie(`${g} ${k} groei.${naam}_${suffix}`, groeiW[`${naam}_${suffix}`], a === null || b === null || a < m || b < m ? '.' : groei(a, b));
        }
      }
    }
  }
  const teruggerekend: string[] = [];
  for (const [naam, lijst] of Object.entries(oplossingen)) {
    // a model the attacker cannot rule out: it explains every rate it read
    if (lijst.length === 0 || lijst.some((o) => o.kandidaten.length === 0)) continue;
    for (const o of lijst)
      if (o.kandidaten.length === 1 && o.kandidaten[0] === o.echt && o.echt >= 1 && o.echt <= 4) teruggerekend.push(`${o.id} = ${o.echt} (${naam})`);
  }
  return { controles, uitzonderingen, inversies, teruggerekend };
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
  afgeleid: Afgeleid;
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

  // the population a page names for the quarter (CBS, 1 January of its year): public
  const inwoners = inwonersVan(ctx.regio);
  const afgeleid = valAfgeleidAan(code, gepubliceerd, waar, inwoners);

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
          beperkingen.push({
            termen: [[1, totaal[0]!], ...delen.map((d) => [-1, d] as [number, string])],
            soort: 'eq',
            k: 0,
            naam: `${g} ${k} ${idt.totaal} = Σ ${idt.delen.join(' + ')}`,
          });
        } else if (idt.soort === 'deel') {
          const [deel] = uitvouwen(g, k, idt.deel);
          const [totaal] = uitvouwen(g, k, idt.totaal);
          if (!deel || !totaal) continue;
          beperkingen.push({
            termen: [
              [1, deel],
              [-1, totaal],
            ],
            soort: 'le',
            k: 0,
            naam: `${g} ${k} ${idt.deel} ≤ ${idt.totaal}`,
          });
        } else if (idt.soort === 'voorraad') {
          const [nu] = uitvouwen(g, k, idt.voorraad);
          const vorig = qi > 0 ? uitvouwen(g, kwartalen[qi - 1]!, idt.voorraad)[0] : undefined;
          const inn = idt.in.flatMap((p) => uitvouwen(g, k, p));
          const uit = idt.uit.flatMap((p) => uitvouwen(g, k, p));
          if (!nu || inn.length !== idt.in.length || uit.length !== idt.uit.length || (qi > 0 && !vorig)) continue;
          // before the first quarter of the data the stock is empty
          beperkingen.push({
            termen: [
              [1, nu],
              ...(vorig ? [[-1, vorig] as [number, string]] : []),
              ...inn.map((x) => [-1, x] as [number, string]),
              ...uit.map((x) => [1, x] as [number, string]),
            ],
            soort: 'eq',
            k: 0,
            naam: `${g} ${k} ${idt.voorraad} = vorig + ${idt.in.join(' + ')} − ${idt.uit.join(' − ')}`,
          });
        } else if (g === code) {
          // region = Σ gebieden: the gemeente's count is at most the region's (the others are unknown)
          for (const id of [...echt.keys()].filter((x) => x.startsWith(`${code}|${k}|`))) {
            const r = `${REGIO}|${k}|${id.split('|')[2]}`;
            if (bestaat(r))
              beperkingen.push({
                termen: [
                  [1, id],
                  [-1, r],
                ],
                soort: 'le',
                k: 0,
                naam: `${id} ≤ regio`,
              });
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
        for (const [pad, v] of [
          [noemer, n],
          [teller, t],
        ] as const) {
          const ids = [0, 1, 2, 3].map((d) => `${g}|${kwartalen[qi - d]}|${pad}`);
          if (!ids.every(bestaat)) continue;
          // an attacker stronger than a real one: told by an oracle when the figure is the rounded exact sum
          // (otherwise it is the sum of the published quarters and says nothing new)
          const exact = ids.reduce((s, id) => s + echt.get(id)!, 0);
          if (Math.abs(v - exact) > HALF) continue;
          const termen = ids.map((id) => [1, id] as [number, string]);
          beperkingen.push({ termen, soort: 'le', k: v + HALF, naam: `${g} ${k} Σ4 ${pad} ≤ ${v + HALF}` });
          beperkingen.push({
            termen: termen.map(([c, id]) => [-c, id] as [number, string]),
            soort: 'le',
            k: -Math.max(0, v - HALF),
            naam: `${g} ${k} Σ4 ${pad} ≥ ${v - HALF}`,
          });
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
  return { code, identiteiten, geprobeerd: beperkingen.length, klein: klein.length, teruggerekend, onwaar, buiten, afgeleid };
}

const aanvallen: Aanval[] = [];
for (const g of ctx.regio.gemeenten) aanvallen.push(await valAan(g.code, await sessieAls(ctx, 'gemeente', [g.code])));
const totaal = aanvallen.reduce((s, a) => s + a.geprobeerd, 0);
const kleinTotaal = aanvallen.reduce((s, a) => s + a.klein, 0);
const controles = aanvallen.reduce((s, a) => s + a.afgeleid.controles, 0);
const inversies = aanvallen.reduce((s, a) => s + a.afgeleid.inversies, 0);
const uitzonderingen = aanvallen.flatMap((a) => a.afgeleid.uitzonderingen);
const perInversie = aanvallen.flatMap((a) => a.afgeleid.teruggerekend);

async function regioRates(sessie: Sessie, k: Kwartaal): Promise<Record<string, number>> {
  const data = (await (await sessie.fetch(`${base}/api/indicatoren?kwartaal=${k}`)).json()) as { regio: Waarden };
  return data.regio.per_1000_inwoners as Record<string, number>;
}

describe('the attacker (every gemeente account, every quarter, every catalogue identity)', () => {
  it(
    `${totaal} identity instances (${aanvallen[0]!.identiteiten} identities of the catalogue × ` +
      `${ctx.regio.gemeenten.length} gemeenten × ${kwartalen.length} quarters) tried on ${kleinTotaal} ` +
      `true counts of 1–4: none recovered exactly`,
    () => {
      expect(kleinTotaal).toBeGreaterThan(100);
      expect(aanvallen.flatMap((a) => a.onwaar)).toEqual([]);
      expect(aanvallen.flatMap((a) => a.buiten)).toEqual([]);
      expect(aanvallen.flatMap((a) => a.teruggerekend)).toEqual([]);
    },
  );

  it(
    `every derived figure is the published formula of the published counts: ${controles} shares, ` +
      `rates and growth figures of ${ctx.regio.gemeenten.length} accounts, ${uitzonderingen.length} exceptions`,
    () => {
      expect(controles).toBeGreaterThan(10_000);
      expect(uitzonderingen.slice(0, 20)).toEqual([]);
    },
  );

  it(
    `the inversion of issue 24 (per 1.000 solved for the count) on ${inversies} rates of ${ctx.regio.gemeenten.length} ` +
      `gemeenten recovers ${perInversie.length} true counts of 1–4 (Tiel: ${aanvallen.find((a) => a.code === 'GM0281')!.afgeleid.teruggerekend.length})`,
    () => {
      expect(inversies).toBeGreaterThan(1000);
      expect(perInversie.slice(0, 20)).toEqual([]);
    },
  );

  it("the issue's numbers: Tiel 2024-Q3, published 5 afgeronde V&V and 5 afgeronde onderzoeken carry the same rate", async () => {
    const sessie = await sessieAls(ctx, 'gemeente', ['GM0281']);
    const data = (await (await sessie.fetch(`${base}/api/indicatoren?kwartaal=2024-Q3&gemeente=GM0281`)).json()) as {
      gemeenten: Record<string, Waarden>;
      onderdrukking: { uitleg: string };
    };
    const tiel = data.gemeenten.GM0281!;
    const rates = tiel.per_1000_inwoners as Record<string, number>;
    const inw = inwonersVan(ctx.regio)('GM0281', '2024-Q3');
    for (const k of ['vv_afgerond', 'onderzoeken_afgerond']) expect(rates[k], k).toBe(per1000(tiel[k] as number, inw));
    if (tiel.vv_afgerond === tiel.onderzoeken_afgerond) expect(rates.vv_afgerond).toBe(rates.onderzoeken_afgerond);
    expect(data.onderdrukking.uitleg).toContain('per 1.000 inwoners uit de afgeronde aantallen');
    // the download of the same chart carries the same rates (Dutch decimal comma)
    const csv = await (await sessie.fetch(`${base}/export/gemeente/GM0281/gemeente-vs-regio.csv?kwartaal=2024-Q3&periode=4`)).text();
    for (const k of ['vv_afgerond', 'onderzoeken_afgerond', 'meldingen']) {
      const regel = csv.split('\r\n').find((r) => r.startsWith(`${PER_SLEUTEL.get(k)!.label};`));
      expect(regel, k).toBe(
        `${PER_SLEUTEL.get(k)!.label};${String(rates[k]).replace('.', ',')};${String((await regioRates(sessie, '2024-Q3'))[k]).replace('.', ',')}`,
      );
    }
  });

  it(
    'what a gemeente account cannot read (403): spiegel, doorstroom and prognose, region downloads, ' + 'half-year and year reports, another gemeente',
    async () => {
      const sessie = await sessieAls(ctx, 'gemeente', ['GM0281']);
      const paden = [
        '/spiegel',
        '/export/spiegel/spiegel.csv',
        '/doorstroom',
        '/export/regio/instroom.csv',
        '/rapportages/2026-H1',
        '/rapportages/2025',
        '/rapportages/2026-H1/rapport.pdf',
        '/gemeente/GM0263',
        '/api/indicatoren?kwartaal=2026-Q3&gemeente=GM0263',
      ];
      for (const pad of paden) expect((await sessie.fetch(`${base}${pad}`, { redirect: 'manual' })).status, pad).toBe(403);
      // the region page sends the account to its own gemeente
      expect((await sessie.fetch(`${base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/gemeente/GM0281');
    },
  );

  it("the issue's attack on Tiel (open_vb(Q) = open_vb(Q−1) + meldingen(Q) − meldingen_vb(Q) and the other stocks) recovers nothing", () => {
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
            expect(c === '.' || c === '< 3' || (/^\d+$/.test(c) && Number(c) % 5 === 0), `${pad} ${kop![i]}: ${c}`).toBe(true);
          }
        }
      }
    }
    expect(cellen).toBeGreaterThan(1000);
  });

  it('downloads carry the same protected values as the API (instroom and VB per quarter, Tiel)', async () => {
    const sessie = await sessieAls(ctx, 'gemeente', ['GM0281']);
    const csv = await (await sessie.fetch(`${base}/export/gemeente/GM0281/instroom.csv?kwartaal=2026-Q3&periode=20`)).text();
    const regels = csv
      .replace('\uFEFF', '')
      .split('\r\n')
      .filter((r) => /^Q\d \d{4}/.test(r));
    expect(regels).toHaveLength(20);
    const api = (await (await sessie.fetch(`${base}/api/reeks?indicator=meldingen&van=2021-Q4&tot=2026-Q3&gemeente=GM0281`)).json()) as {
      reeks: { waarde: number }[];
    };
    // a count rounded to 0 reads "< 3" in the download, 0 in the API (machine-readable)
    expect(regels.map((r) => r.split(';')[2]).map((c) => (c === '< 3' ? 0 : Number(c)))).toEqual(api.reeks.map((p) => p.waarde));
    for (const r of regels) for (const c of r.split(';').slice(1)) expect(c === '.' || c === '< 3' || Number(c) % 5 === 0, r).toBe(true);
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
    expect(
      verborgen.filter((i) => !teKlein.includes(i)),
      `${code}: hidden although the four-quarter base is large enough: ${waarden.join(' | ')}`,
    ).toEqual([]);
    return zichtbaar(waarden) >= 5;
  }

  it(
    'every gemeente page shows at least 5 of its 6 kerncijfers as numbers, unless a share is too ' +
      'small even over four quarters; the default quarter is the last complete one',
    async () => {
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
    },
  );

  it('every factsheet of 2026-Q3 shows at least 5 of its 6 kerncijfers as numbers (same exception); the running quarter is marked voorlopig', async () => {
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env), vandaag: ctx.vandaag });
    const minder: string[] = [];
    for (const { code, model } of await factsheetModellen(d, '2026-Q3')) {
      if (
        !(await kerncijfersZichtbaar(
          code,
          model.kerncijfers.map((k) => k.waarde),
        ))
      )
        minder.push(code);
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
    const reeks = (await (await sessie.fetch(`${base}/api/reeks?indicator=meldingen&van=2026-Q3&tot=2026-Q4&gemeente=GM0281`)).json()) as {
      reeks: { voorlopig: boolean }[];
    };
    expect(reeks.reeks.map((p) => p.voorlopig)).toEqual([false, true]);
    const html = await (await sessie.fetch(`${base}/gemeente/GM0281?kwartaal=2026-Q4`)).text();
    expect(html).toContain('(voorlopig: het kwartaal loopt nog)');
    expect(html).toContain('Q4 2026*');
  });
});
