import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'windows-1252';

/**
 * Decides the text encoding from the first bytes of a file: a UTF-8 BOM, else valid UTF-8,
 * else Windows-1252 (what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)").
 */
export function detectEncoding(head: Buffer): { encoding: Encoding; bom: boolean } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  // a multi-byte sequence may be cut at the end of the sample: ignore up to 3 trailing bytes
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    if (isValidUtf8(head.subarray(0, head.length - cut))) return { encoding: 'utf8', bom: false };
  }
  return { encoding: 'windows-1252', bom: false };
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decode(bytes: Buffer, encoding: Encoding): string {
  return encoding === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
}

/** `;` or `,`, whichever occurs more often (outside quotes) in the header line. */
export function detectDelimiter(headerLine: string): ';' | ',' {
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
