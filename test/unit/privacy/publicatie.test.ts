/**
 * Property of the publication step (issue 24): every derived figure an account receives is a
 * function of the published counts it receives. On seeded random quarters (small counts, so that
 * many quarters share a published count) the test groups every derived figure by the published
 * counts it is built from — share by (teller, noemer), per 1,000 by (count, inwoners), growth by
 * (count now, count then) — and fails when equal counts carry different figures, or a figure is
 * not the published formula (half away from zero). The stored exact figures are given as the
 * compute step stores them, so a derived figure taken from an exact count shows up.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../server/demo/random.js';
import { CATALOGUS } from '../../../server/indicatoren/catalogus.js';
import { beschermTellingen, beschermWaarden, isOnderdrukt, STANDAARD_BELEID } from '../../../server/privacy/onderdrukking.js';
import { groei, per1000, percentage } from '../../../server/shared/getallen.js';

type Waarden = Record<string, unknown>;
const beleid = STANDAARD_BELEID;
const AANDELEN = CATALOGUS.filter((i) => i.soort === 'aandeel' && i.uit.length === 2);
const PER_1000 = CATALOGUS.find((i) => i.soort === 'per1000')!;
const GROEI = CATALOGUS.find((i) => i.soort === 'groei')!;
const getal = (w: Waarden, k: string) => (typeof w[k] === 'number' ? (w[k] as number) : null);

/** One gebied's quarter as compute stores it: counts, and the derived figures from the exact counts. */
function kwartaal(rnd: Random, inwoners: number): Waarden {
  const w: Waarden = {};
  for (const i of AANDELEN) {
    const [t, n] = i.uit as [string, string];
    const noemer = (w[n] as number | undefined) ?? rnd.int(0, 40);
    w[n] = noemer;
    w[t] = rnd.int(0, noemer);
    w[i.sleutel] = percentage(w[t] as number, noemer);
  }
  w.adviezen = rnd.int(0, 40);
  w.meldingen = rnd.int(0, 40);
  w.meldingen_totaal_instroom = (w.adviezen as number) + (w.meldingen as number);
  for (const k of PER_1000.uit) if (!(k in w)) w[k] = rnd.int(0, 40);
  w.per_1000_inwoners = Object.fromEntries(PER_1000.uit.map((k) => [k, per1000(w[k] as number, inwoners)]));
  return w;
}

describe('the publication step: derived figures are functions of the published counts (seeded random quarters)', () => {
  const rnd = new Random(20261207);
  const gezien = new Map<string, unknown>();
  const afwijkingen: string[] = [];
  let figuren = 0;
  const noteer = (soort: string, invoer: unknown[], uit: unknown, verwacht: unknown) => {
    figuren++;
    const sleutel = `${soort}|${JSON.stringify(invoer)}`;
    const waarde = isOnderdrukt(uit) ? '.' : uit;
    if (gezien.has(sleutel) && gezien.get(sleutel) !== waarde) afwijkingen.push(`${sleutel}: ${String(gezien.get(sleutel))} and ${String(waarde)}`);
    gezien.set(sleutel, waarde);
    if (waarde !== verwacht) afwijkingen.push(`${sleutel}: ${String(waarde)}, expected ${String(verwacht)}`);
  };
  for (let s = 0; s < 400; s++) {
    const inwoners = rnd.pick([
      [8_000, 1],
      [41_900, 1],
      [160_000, 1],
    ] as const);
    const reeks = [0, 1, 2, 3, 4].map(() => kwartaal(rnd, inwoners));
    const [nu, ...historie] = reeks as [Waarden, ...Waarden[]];
    // the stored growth of the exact counts (what the compute step stores)
    nu.groei = Object.fromEntries(
      Object.entries(GROEI.delen!).flatMap(([naam, k]) => [
        [`${naam}_qoq`, groei(nu[k] as number, historie[0]![k] as number)],
        [`${naam}_yoy`, groei(nu[k] as number, historie[3]![k] as number)],
      ]),
    );
    const uit = beschermWaarden(nu, beleid, { historie, inwoners });
    const tel = beschermTellingen(nu, beleid);
    const [q1, q4] = [beschermTellingen(historie[0]!, beleid), beschermTellingen(historie[3]!, beleid)];
    // what the account receives as counts is exactly stage 1
    for (const [k, v] of Object.entries(tel)) expect(uit[k]).toEqual(v);
    for (const i of AANDELEN) {
      const [t, n] = i.uit.map((k) => getal(uit, k)) as [number | null, number | null];
      const verwacht = t === null || n === null || n < beleid.minNoemer ? '.' : percentage(t, n);
      noteer('aandeel', [t, n], uit[i.sleutel], verwacht);
    }
    for (const k of PER_1000.uit) {
      const c = getal(uit, k);
      noteer('per1000', [c, inwoners], (uit.per_1000_inwoners as Waarden)[k], c === null ? '.' : per1000(c, inwoners));
    }
    for (const [naam, k] of Object.entries(GROEI.delen!)) {
      for (const [suffix, toen] of [
        ['qoq', q1],
        ['yoy', q4],
      ] as const) {
        const a = getal(uit, k);
        const b = getal(toen, k);
        noteer(
          'groei',
          [a, b],
          (uit.groei as Waarden)[`${naam}_${suffix}`],
          a === null || b === null || a < beleid.minNoemer || b < beleid.minNoemer ? '.' : groei(a, b),
        );
      }
    }
  }

  it(
    `${figuren} derived figures of 400 random quarters in ${gezien.size} groups of equal published ` + `counts: every group one value, the published formula`,
    () => {
      expect(figuren).toBeGreaterThan(8_000);
      // enough collisions for the property to bite: far fewer groups than figures
      expect(gezien.size).toBeLessThan(figuren / 3);
      expect(afwijkingen.slice(0, 10)).toEqual([]);
    },
  );
});
