import { describe, expect, it } from 'vitest';
import { pakRijen, pakUit } from '../../../server/import/blokken.js';
import { hashVanTekst, idVanTekst, registratieVanVelden, rijHash, rijHashTekst, veldenVanTekst } from '../../../server/import/hash.js';
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
