import { describe, expect, it } from 'vitest';
import { pakRijen, pakUit } from '../../../server/import/blokken.js';
import {
  hashVanTekst,
  idVanTekst,
  LEEG,
  registratieVanVelden,
  rijHash,
  rijHashTekst,
  veldenVanTekst,
  veldGrenzen,
  veldVanTekst,
} from '../../../server/import/hash.js';
import { volgordeAfwijkingen, volgordeAfwijkingenVanTekst, VOLGORDE_WAARSCHUWING } from '../../../server/import/validate-row.js';
import type { Voorbereid } from '../../../server/import/voorbereiding.js';
import { COLUMN_NAMES, kolomObject, type Registratie } from '../../../server/registraties/schema.js';

/** Registrations with every field in turn empty, filled, 0 and 1 (seeded, no randomness needed). */
function registraties(): Registratie[] {
  const uit: Registratie[] = [];
  for (let k = 0; k < 60; k++) {
    const r = kolomObject<string | number | null>(null);
    COLUMN_NAMES.forEach((naam, i) => {
      const c = naam as keyof Registratie;
      if (c === 'spoed' || c === 'monitoring') r[c] = [null, 0, 1][(k + i) % 3]!;
      else if ((k + i) % 4 !== 0 || c === 'registratie_id' || c === 'soort' || c === 'datum_binnenkomst' || c === 'melder_categorie') r[c] = `${c}-${k}`;
    });
    uit.push(r as unknown as Registratie);
  }
  return uit;
}

describe('a prepared line as one text (worker → importing thread)', () => {
  it('veldenVanTekst + registratieVanVelden give back every one of 60 registrations exactly, and the same hash', () => {
    for (const r of registraties()) {
      const tekst = rijHashTekst(r);
      const terug = registratieVanVelden(veldenVanTekst(tekst));
      expect(terug).toStrictEqual(r);
      expect(Object.keys(terug)).toEqual(COLUMN_NAMES);
      expect(rijHash(terug)).toBe(hashVanTekst(tekst));
      expect(idVanTekst(tekst)).toBe(r.registratie_id);
    }
  });

  it('a text with a field too many or too few is an error, not a shifted registration', () => {
    const tekst = rijHashTekst(registraties()[0]!);
    expect(() => veldenVanTekst(`${tekst}x\u001f`)).toThrow('28 velden in plaats van 27');
    expect(() => veldenVanTekst(tekst.slice(0, tekst.lastIndexOf('\u001f', tekst.length - 2) + 1))).toThrow('26 velden in plaats van 27');
  });

  it('veldGrenzen + veldVanTekst read every field of 60 registrations in place as veldenVanTekst does (empty: null)', () => {
    for (const r of registraties()) {
      const tekst = rijHashTekst(r);
      const g = veldGrenzen(tekst);
      const v = veldenVanTekst(tekst);
      COLUMN_NAMES.forEach((_, i) => expect(veldVanTekst(tekst, g, i)).toBe(v[i] === LEEG ? null : v[i]));
      expect(veldVanTekst(tekst, g, 0)).toBe(r.registratie_id);
    }
    const tekst = rijHashTekst(registraties()[0]!);
    expect(() => veldGrenzen(`${tekst}x\u001f`)).toThrow('28 velden in plaats van 27');
    expect(() => veldGrenzen(tekst.slice(0, tekst.lastIndexOf('\u001f', tekst.length - 2) + 1))).toThrow('26 velden in plaats van 27');
    // 27 separators, but text after the last: veldenVanTekst would read it as field 28's start
    expect(() => veldGrenzen(`${tekst}x`)).toThrow('27 velden in plaats van 27');
    expect(() => veldGrenzen('')).toThrow('0 velden in plaats van 27');
  });

  it('volgordeAfwijkingenVanTekst = volgordeAfwijkingen on 3.000 registrations (seeded dates, empty, equal, one day apart, other lengths)', () => {
    const datums = [null, '2024-01-01', '2024-01-02', '2024-01-10', '2023-12-31', '2024-1-5', '2024-01-01x'];
    let seed = 29;
    const volgende = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const basis = registraties()[1]!;
    let metAfwijking = 0;
    const gelezen: unknown[] = [];
    const verwacht: unknown[] = [];
    for (let k = 0; k < 3000; k++) {
      const r = { ...basis } as Record<string, unknown>;
      for (const [eerder, later] of VOLGORDE_WAARSCHUWING) {
        r[eerder] = datums[volgende() % datums.length];
        r[later] = datums[volgende() % datums.length];
      }
      const reg = r as unknown as Registratie;
      const tekst = rijHashTekst(reg);
      const v = volgordeAfwijkingen(reg);
      if (v) metAfwijking++;
      verwacht.push(v);
      gelezen.push(volgordeAfwijkingenVanTekst(tekst, veldGrenzen(tekst), LEEG));
    }
    expect(gelezen).toEqual(verwacht);
    expect(metAfwijking).toBeGreaterThan(2500);
    const leeg = Object.fromEntries(VOLGORDE_WAARSCHUWING.flat().map((c) => [c, null]));
    const r = { ...basis, ...leeg, datum_overdracht: '2024-03-07', datum_monitoring_3m: '2024-03-05', datum_afgesloten: '2024-03-07' };
    const tekst = rijHashTekst(r as Registratie);
    expect(volgordeAfwijkingenVanTekst(tekst, veldGrenzen(tekst), LEEG)).toEqual([
      { eerder: 'datum_overdracht', later: 'datum_monitoring_3m', van: '2024-03-07', tot: '2024-03-05' },
    ]);
  });

  it('pakRijen / pakUit: 60 lines with their line numbers, hashes and original ids come back as they were; any other item is not packed', () => {
    const items: Voorbereid[] = registraties().map((r, i) => {
      const tekst = rijHashTekst(r);
      const item: Voorbereid = { soort: 'rij', regel: 2 + i * 3, id: r.registratie_id, tekst, hash: hashVanTekst(tekst) };
      return i % 7 === 0 ? { ...item, idOrigineel: `  ${r.registratie_id.toLowerCase()}\u200b` } : item;
    });
    const gepakt = pakRijen(items)!;
    expect(gepakt.origineel.map(([i]) => i)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56]);
    expect(pakUit(structuredClone(gepakt))).toStrictEqual(items);
    const afgewezen: Voorbereid = { soort: 'afgewezen', regel: 9, cellen: [], fouten: [], redenen: [] };
    expect(pakRijen([...items.slice(0, 3), afgewezen])).toBeNull();
    expect(pakRijen([{ ...(items[0] as Extract<Voorbereid, { soort: 'rij' }>), tekst: 'a\u001eb' }])).toBeNull();
  });
});
