/** Quotes a `;`-separated CSV field when it holds a separator, a quote or a line break. */
export function csvVeld(text: string): string {
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
