/** Quarter keys `YYYY-Qn`; they sort lexicographically in time order. */
const KWARTAAL = /^(\d{4})-Q([1-4])$/;

export type Kwartaal = string;

export function isKwartaal(value: string): boolean {
  return KWARTAAL.test(value);
}

export function kwartaalVan(isoDate: string): Kwartaal {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function parts(k: Kwartaal): [number, number] {
  const m = KWARTAAL.exec(k);
  if (!m) throw new Error(`Ongeldig kwartaal: ${k}`);
  return [Number(m[1]), Number(m[2])];
}

export function kwartaalIndex(k: Kwartaal): number {
  const [y, q] = parts(k);
  return y * 4 + (q - 1);
}

export function kwartaalFromIndex(index: number): Kwartaal {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function telKwartalenOp(k: Kwartaal, n: number): Kwartaal {
  return kwartaalFromIndex(kwartaalIndex(k) + n);
}

export function eersteDag(k: Kwartaal): string {
  const [y, q] = parts(k);
  return `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function laatsteDag(k: Kwartaal): string {
  const [y, q] = parts(k);
  return ['', `${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`][q] as string;
}

/** All quarters from `van` to `tot`, both inclusive. */
export function kwartaalReeks(van: Kwartaal, tot: Kwartaal): Kwartaal[] {
  const out: Kwartaal[] = [];
  for (let i = kwartaalIndex(van); i <= kwartaalIndex(tot); i++) out.push(kwartaalFromIndex(i));
  return out;
}

const RANGTELWOORD = ['', 'eerste', 'tweede', 'derde', 'vierde'];

/** `Q1 2019` */
export function kwartaalKort(k: Kwartaal): string {
  const [y, q] = parts(k);
  return `Q${q} ${y}`;
}

/** `eerste kwartaal van 2019` */
export function kwartaalVoluit(k: Kwartaal): string {
  const [y, q] = parts(k);
  return `${RANGTELWOORD[q]} kwartaal van ${y}`;
}
