import { describe, expect, it } from 'vitest';
import { decodeer } from '../../../server/import/detect.js';

/**
 * Windows-1252 is Latin-1 except bytes 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252).
 * The five bytes Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, so
 * they stay visible as an error instead of passing as invisible C1 controls. Dutch Excel writes € and
 * curly quotes with these bytes, so they must decode right. This is why the import keeps
 * iconv-lite: Node 20's `new TextDecoder('windows-1252')` (since 20.18.3) decodes them as Latin-1
 * (nodejs/node issues 56542 and 60888), which would turn "€" into U+0080.
 */
const C1: Record<number, number> = {
  0x80: 0x20ac,
  0x81: 0xfffd,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8d: 0xfffd,
  0x8e: 0x017d,
  0x8f: 0xfffd,
  0x90: 0xfffd,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9d: 0xfffd,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

describe('Windows-1252 decoding of exports', () => {
  it('maps every one of the 256 bytes as the Encoding Standard does', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const tekst = decodeer(bytes, 'windows-1252');
    const afwijkend = [...tekst].map((c, i) => [i, c.codePointAt(0)!, C1[i] ?? i]).filter(([, kreeg, verwacht]) => kreeg !== verwacht);
    expect(afwijkend).toEqual([]);
  });

  it('reads a Dutch Excel line with a euro sign, curly quotes and a dash', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x32, 0x34, 0x3b, 0x93, 0x76, 0x72, 0x69, 0x6a, 0x76, 0x61, 0x6c, 0x94, 0x3b, 0x96, 0x3b, 0xe9]);
    expect(decodeer(bytes, 'windows-1252')).toBe('€ 24;“vrijval”;–;é');
  });
});
