/**
 * Demo financien and formatie, derived from the demo registrations' volumes (adviezen + meldingen
 * per quarter): about 4 fte per 100 cases a quarter, 88% own staff; personnel costs per fte and
 * overheads as in the Hollands Midden report's proportions. Seeded: same seed, same files.
 */
import { writeFileSync } from 'node:fs';
import { kwartaalReeks, kwartaalVan, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { maandenVan } from '../financien/compute.js';
import { FINANCIEN_KOLOMMEN, FORMATIE_KOLOMMEN } from '../financien/posten.js';
import type { FinancienRij, FormatieRij } from '../financien/validate.js';
import type { RijenBron } from '../import/importer.js';
import type { TableRow } from '../import/readers.js';
import { csvVeld } from '../shared/csv.js';
import { Random } from './random.js';

const FTE_PER_CASE = 0.04;
const KOSTEN_PER_FTE = 21_000; // own staff, per quarter
const KOSTEN_PER_FTE_INHUUR = 32_000;
const rond = (n: number, op = 100) => Math.round(n / op) * op;
const een = (n: number) => Math.round(n * 10) / 10;

/** Passes the generated registrations through, counting adviezen + meldingen per quarter of binnenkomst. */
export function* telInstroom(rijen: Iterable<Record<string, string>>, instroom: Map<Kwartaal, number>): Generator<Record<string, string>> {
  for (const r of rijen) {
    const k = kwartaalVan(r.datum_binnenkomst!);
    instroom.set(k, (instroom.get(k) ?? 0) + 1);
    yield r;
  }
}

export interface DemoFinancien {
  financien: FinancienRij[];
  formatie: FormatieRij[];
}

/** `instroom`: adviezen + meldingen per quarter; `tot`: the last day of the data. */
export function genereerFinancien(instroom: Map<Kwartaal, number>, tot: string, seed: number): DemoFinancien {
  const rnd = new Random(seed + 7919);
  const kwartalen = [...instroom.keys()].sort();
  const formatie: FormatieRij[] = [];
  const financien: FinancienRij[] = [];
  if (kwartalen.length === 0) return { financien, formatie };
  const laatsteMaand = tot.slice(0, 7);
  const eindeJaar = `${tot.slice(0, 4)}-Q4`;
  const volledig = (k: Kwartaal) => laatsteDag(k) <= tot;
  let basis = 0;
  for (const k of kwartaalReeks(kwartalen[0]!, eindeJaar)) {
    if (instroom.has(k) && volledig(k)) basis = (instroom.get(k) ?? 0) * FTE_PER_CASE;
    for (const maand of maandenVan(k)) {
      const prognose = maand > laatsteMaand || (!volledig(k) && maand === laatsteMaand);
      formatie.push({
        maand,
        fte_personeel: een(basis * 0.88 * (1 + (rnd.next() - 0.5) * 0.04)),
        fte_inhuur: een(basis * 0.12 * (prognose ? 0.8 : 1 + (rnd.next() - 0.5) * 0.3)),
        status: prognose ? 'prognose' : 'realisatie',
      });
    }
  }
  const perJaarBasis = new Map<string, number>();
  for (const k of kwartalen.filter(volledig)) {
    const maanden = formatie.filter((f) => maandenVan(k).includes(f.maand));
    const fteP = maanden.reduce((s, f) => s + f.fte_personeel, 0) / maanden.length;
    const fteI = maanden.reduce((s, f) => s + f.fte_inhuur, 0) / maanden.length;
    const jaar = k.slice(0, 4);
    if (!perJaarBasis.has(jaar)) perJaarBasis.set(jaar, (fteP + fteI) * 0.97);
    const planFte = perJaarBasis.get(jaar)!;
    const personeel = { r: -rond(fteP * KOSTEN_PER_FTE), b: -rond(planFte * 0.93 * KOSTEN_PER_FTE) };
    const extern = { r: -rond(fteI * KOSTEN_PER_FTE_INHUUR), b: -rond(planFte * 0.07 * KOSTEN_PER_FTE_INHUUR) };
    const overigP = { r: -rond((personeel.r + extern.r) * -0.04), b: -rond((personeel.b + extern.b) * -0.04) };
    const organisatie = { r: -rond((personeel.r + extern.r) * -0.17 * (1 + (rnd.next() - 0.5) * 0.1)), b: -rond((personeel.b + extern.b) * -0.17) };
    const kostenBegroot = personeel.b + extern.b + overigP.b + organisatie.b;
    const subsidie = rond(-kostenBegroot * 0.985, 1000);
    const overigeInkomsten = { r: rond(15_000 + rnd.next() * 25_000), b: 25_000 };
    const rij = (post: string, r: number, b: number | null): FinancienRij => ({
      kwartaal: k,
      post,
      realisatie: r,
      begroting: b,
      begroting_jaar: b === null ? null : b * 4,
    });
    financien.push(
      rij('subsidie_gemeenten', subsidie, subsidie),
      rij('overige_inkomsten', overigeInkomsten.r, overigeInkomsten.b),
      rij('personeelskosten', personeel.r, personeel.b),
      rij('externe_personeelskosten', extern.r, extern.b),
      rij('overige_personeelskosten', overigP.r, overigP.b),
      rij('organisatiekosten', organisatie.r, organisatie.b),
    );
    // costs booked late on the previous year: only in a first quarter, never budgeted
    if (k.endsWith('Q1')) financien.push(rij('lasten_vorig_boekjaar', -rond(rnd.next() * 40_000), null));
  }
  return { financien, formatie };
}

const financienWaarden = (r: FinancienRij) => [
  r.kwartaal,
  r.post,
  String(r.realisatie),
  r.begroting === null ? '' : String(r.begroting),
  r.begroting_jaar === null ? '' : String(r.begroting_jaar),
];
const formatieWaarden = (r: FormatieRij) => [r.maand, String(r.fte_personeel).replace('.', ','), String(r.fte_inhuur).replace('.', ','), r.status];

export function financienBron(d: DemoFinancien, soort: 'financien' | 'formatie'): RijenBron {
  const kop = soort === 'financien' ? [...FINANCIEN_KOLOMMEN] : [...FORMATIE_KOLOMMEN];
  const waarden = soort === 'financien' ? d.financien.map(financienWaarden) : d.formatie.map(formatieWaarden);
  async function* rows(): AsyncGenerator<TableRow> {
    yield { regel: 1, values: kop };
    for (const [i, v] of waarden.entries()) yield { regel: i + 2, values: v };
  }
  return { bestand: `demo-${soort}`, sha256: '-', rows: rows() };
}

/** Writes the two demo files as `;`-separated CSV with a BOM, as Dutch Excel saves them. */
export function schrijfFinancienCsv(d: DemoFinancien, pad: string, soort: 'financien' | 'formatie'): void {
  const kop = soort === 'financien' ? FINANCIEN_KOLOMMEN : FORMATIE_KOLOMMEN;
  const waarden = soort === 'financien' ? d.financien.map(financienWaarden) : d.formatie.map(formatieWaarden);
  writeFileSync(pad, `\ufeff${[kop.join(';'), ...waarden.map((v) => v.map(csvVeld).join(';'))].join('\r\n')}\r\n`);
}
