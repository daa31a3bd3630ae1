import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'windows-1252';

/**
 * Decides the text encoding from the first bytes of a file: a UTF-8 BOM, else valid UTF-8,
 * else Windows-1252 (what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)").
 */
export function herkenCodering(head: Buffer): { encoding: Encoding; bom: boolean } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  return { encoding: isValidUtf8(head) ? 'utf8' : 'windows-1252', bom: false };
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    // stream: a multi-byte sequence cut off at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function decodeer(bytes: Buffer, encoding: Encoding): string {
  return encoding === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
}

/** `;` or `,`, whichever occurs more often (outside quotes) in the header line. */
export function herkenScheidingsteken(headerLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** Offset of the first byte that breaks UTF-8 in `buf` (-1: none; a sequence cut off at the end is not counted). */
export function eersteOngeldigeUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let j = 1; j <= n; j++) {
      if (i + j >= buf.length) return -1;
      if ((buf[i + j]! & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}
