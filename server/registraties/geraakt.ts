import { kwartaalReeks, type Kwartaal } from '../calendar/kwartaal.js';
import { inVoorraad, type Raakvlak } from './derive.js';

/**
 * The quarters an import touched, collected compactly: single quarters, and the distinct
 * stock intervals (an open-ended one reaches to the end of the computed range).
 */
export class GeraakteKwartalen {
  private readonly kwartalen = new Set<Kwartaal>();
  private readonly intervallen = new Map<string, { van: Kwartaal; tot: Kwartaal | null }>();
  private alles = false;

  /** Every quarter of the range (the kept counts were rebuilt as a whole). */
  markeerAlles(): void {
    this.alles = true;
  }

  add(raakvlak: Raakvlak): void {
    for (const k of raakvlak.kwartalen) this.kwartalen.add(k);
    for (const i of raakvlak.intervallen) {
      if (i.van !== null) this.intervallen.set(`${i.van}|${i.tot ?? ''}`, { van: i.van, tot: i.tot });
    }
  }

  get isLeeg(): boolean {
    return !this.alles && this.kwartalen.size === 0 && this.intervallen.size === 0;
  }

  /** The touched quarters within [van, tot] of the computed range. */
  binnen(van: Kwartaal, tot: Kwartaal): Kwartaal[] {
    if (this.alles) return kwartaalReeks(van, tot);
    const result = new Set<Kwartaal>();
    for (const k of this.kwartalen) if (k >= van && k <= tot) result.add(k);
    for (const i of this.intervallen.values()) {
      const start = i.van < van ? van : i.van;
      const eind = i.tot === null ? tot : i.tot;
      for (const k of kwartaalReeks(start, eind)) if (k <= tot && inVoorraad(i, k)) result.add(k);
    }
    return [...result].sort();
  }
}
