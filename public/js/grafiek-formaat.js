// Dutch number formatting for chart options. Options are plain JSON (built on the server);
// this helper adds the formatter functions, in the browser and in the server-side SVG render.
const geheel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimaal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function formatWaarde(waarde, formaat) {
  if (waarde === null || waarde === undefined || waarde === '-' || Number.isNaN(Number(waarde))) return '–';
  const n = Number(waarde);
  if (formaat === 'procent') return `${decimaal.format(n)}%`;
  return Number.isInteger(n) ? geheel.format(n) : decimaal.format(n);
}

/** Adds axis-label and tooltip formatters for the option's `formaat` ('getal' or 'procent'). */
export function pasFormaatToe(option, formaat) {
  const fmt = (v) => formatWaarde(v, formaat);
  const assen = [].concat(option.yAxis ?? [], option.xAxis ?? []);
  for (const as of assen) {
    if (as && as.type === 'value') as.axisLabel = { ...(as.axisLabel ?? {}), formatter: fmt };
  }
  option.tooltip = { ...(option.tooltip ?? {}), valueFormatter: fmt };
  for (const serie of [].concat(option.series ?? [])) {
    if (serie.label && serie.label.show) serie.label.formatter = (p) => fmt(Array.isArray(p.value) ? p.value[1] : p.value);
  }
  return option;
}
