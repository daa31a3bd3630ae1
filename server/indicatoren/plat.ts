/** Flattens nested indicator values into dotted keys: `groei.meldingen_yoy` → 29.4. */
export function plat(values: Record<string, unknown>, prefix = ''): [string, number | null][] {
  const out: [string, number | null][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') out.push(...plat(value as Record<string, unknown>, name));
    else if (typeof value === 'number' || value === null) out.push([name, value]);
  }
  return out;
}
