/**
 * Text rules used across the product, written once: how accents are dropped, and how a name becomes
 * part of a file name or an address ("Súdwest-Fryslân" → "sudwest-fryslan").
 */

/** `Súdwest-Fryslân` → `Sudwest-Fryslan`: the combining accents of the canonical decomposition removed. */
export function zonderAccenten(tekst: string): string {
  return tekst.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A name as part of a file name or slug: without accents, lower case, every run of other characters
 * than a-z and 0-9 one hyphen, none at either end. `Berg en Dal` → `berg-en-dal`,
 * `'s-Hertogenbosch` → `s-hertogenbosch`, `Veilig Thuis Hollands Midden` → `veilig-thuis-hollands-midden`.
 */
export function bestandsdeel(naam: string): string {
  return zonderAccenten(naam)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
