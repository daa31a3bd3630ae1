/**
 * The auditor of the rounded figures of one kwartaal × gebied, before they leave the server: it
 * does what an attacker who knows the method would do with the catalogue's identities inside one
 * gebied and quarter (distributions that sum to their total, parts within totals), and hides
 * what that would pin down.
 *
 * A rounded count v says the true count lies in [v − h, v + h] (h = (grondtal − 1) / 2, never
 * below 0); a hidden count says nothing ([0, ∞)). The identities are propagated as interval
 * constraints until nothing narrows (bounds propagation, as in statistical disclosure control).
 * Rounding cells independently can pin a cell at the edge of its interval: a total published as
 * 5 ([3, 7]) of five parts published as 0 ([0, 2]) and one as 5 leaves that one in [3, 7] — but
 * two totals and shared parts can close it to one value. Every count pinned to a value from 1 to
 * grondtal − 1 is hidden, together with one other count of every identity it is in (the
 * complement: hiding the pinned cell alone would let the same identity pin it again), and the
 * check runs again until nothing small is pinned. The attacker test
 * (test/integration/aanvaller.test.ts) attacks the result with its own code and more identities
 * (stocks over quarters, region against gemeente, the four-quarter figures).
 */
import { beschermklasse, IDENTITEITEN, PER_SLEUTEL, type Pad } from '../indicatoren/catalogus.js';

type Waarden = Record<string, unknown>;
type Onderdrukt = { onderdrukt: true };

interface Beperking {
  /** coefficient and leaf path */
  termen: [number, string][];
  soort: 'eq' | 'le';
}

const isVerborgen = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { onderdrukt?: unknown }).onderdrukt === true;

/** Every protected count leaf: path → the object that holds it and its key (to hide it in place). */
function bladeren(r: Waarden, isRegio: boolean): Map<string, { ouder: Waarden; sleutel: string }> {
  const uit = new Map<string, { ouder: Waarden; sleutel: string }>();
  const loop = (ouder: Waarden, sleutel: string, pad: string) => {
    const v = ouder[sleutel];
    if (typeof v === 'number' || isVerborgen(v)) uit.set(pad, { ouder, sleutel });
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v as Waarden)) loop(v as Waarden, k, `${pad}.${k}`);
  };
  for (const k of Object.keys(r)) {
    const i = PER_SLEUTEL.get(k);
    if (!i) continue;
    const klasse = beschermklasse(i);
    if (klasse === 'afronden' || (klasse === 'alleen_regio' && isRegio)) loop(r, k, k);
  }
  return uit;
}

function beperkingen(paden: string[]): Beperking[] {
  const bestaat = new Set(paden);
  const uitvouwen = (pad: Pad): string[] => {
    if (!pad.endsWith('.*')) return bestaat.has(pad) ? [pad] : [];
    const prefix = pad.slice(0, -1);
    return paden.filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('.'));
  };
  const uit: Beperking[] = [];
  for (const idt of IDENTITEITEN) {
    if (idt.soort === 'som') {
      const totaal = uitvouwen(idt.totaal);
      const delen = idt.delen.flatMap(uitvouwen);
      if (totaal.length === 1 && delen.length > 0) uit.push({ soort: 'eq', termen: [[1, totaal[0]!], ...delen.map((d) => [-1, d] as [number, string])] });
    } else if (idt.soort === 'deel') {
      const [deel] = uitvouwen(idt.deel);
      const [totaal] = uitvouwen(idt.totaal);
      if (deel && totaal)
        uit.push({
          soort: 'le',
          termen: [
            [1, deel],
            [-1, totaal],
          ],
        });
    }
  }
  return uit;
}

/** Narrows lo/hi of every leaf by every constraint (Σ c·x = 0, or ≤ 0) until nothing changes. */
export function propageer(lo: Map<string, number>, hi: Map<string, number>, lijst: Beperking[]): void {
  const min = (c: number, v: string) => (c > 0 ? c * lo.get(v)! : c * hi.get(v)!);
  const max = (c: number, v: string) => (c > 0 ? c * hi.get(v)! : c * lo.get(v)!);
  for (let ronde = 0; ronde < 200; ronde++) {
    let gewijzigd = false;
    for (const b of lijst) {
      for (let i = 0; i < b.termen.length; i++) {
        const [c, v] = b.termen[i]!;
        let restMin = 0;
        let restMax = 0;
        for (let j = 0; j < b.termen.length; j++) {
          if (j === i) continue;
          restMin += min(...b.termen[j]!);
          restMax += max(...b.termen[j]!);
        }
        const boven = -restMin;
        const onder = b.soort === 'eq' ? -restMax : -Infinity;
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

/**
 * Hides, in place, every rounded count of `r` that the identities would pin to 1 … grondtal − 1,
 * with its complements, until none is left. Returns the paths it hid.
 */
export function verbergVastgepind(r: Waarden, grondtal: number, isRegio: boolean, onderdrukt: Onderdrukt): string[] {
  const half = Math.floor((grondtal - 1) / 2);
  const blad = bladeren(r, isRegio);
  const paden = [...blad.keys()];
  const lijst = beperkingen(paden);
  const waarde = (p: string): number | null => {
    const { ouder, sleutel } = blad.get(p)!;
    return typeof ouder[sleutel] === 'number' ? (ouder[sleutel] as number) : null;
  };
  const verberg = (p: string) => {
    const { ouder, sleutel } = blad.get(p)!;
    ouder[sleutel] = onderdrukt;
  };
  const verborgen: string[] = [];
  for (let ronde = 0; ronde < 50; ronde++) {
    const lo = new Map<string, number>();
    const hi = new Map<string, number>();
    for (const p of paden) {
      const v = waarde(p);
      lo.set(p, v === null ? 0 : Math.max(0, v - half));
      hi.set(p, v === null ? Infinity : v + half);
    }
    propageer(lo, hi, lijst);
    const vast = paden.filter((p) => lo.get(p) === hi.get(p) && lo.get(p)! >= 1 && lo.get(p)! < grondtal && waarde(p) !== null);
    if (vast.length === 0) break;
    for (const p of vast) {
      verberg(p);
      verborgen.push(p);
      for (const b of lijst) {
        if (!b.termen.some(([, t]) => t === p)) continue;
        const anderen = b.termen.map(([, t]) => t).filter((t) => t !== p);
        if (anderen.some((t) => waarde(t) === null)) continue;
        // the complement: the smallest other count of this identity (least information lost)
        const complement = anderen.sort((a, c) => waarde(a)! - waarde(c)! || a.localeCompare(c))[0];
        if (complement) {
          verberg(complement);
          verborgen.push(complement);
        }
      }
    }
  }
  return verborgen;
}
