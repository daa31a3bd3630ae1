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

/**
 * Adds axis-label and tooltip formatters for the option's `formaat` ('getal' or 'procent'). A
 * protected chart of counts carries `kleinTeken` ("< 3"): a count rounded to 0 reads as that
 * sign in its label and tooltip, never as a plain 0 (the axis keeps its 0).
 */
export function pasFormaatToe(option, formaat) {
  const klein = typeof option.kleinTeken === 'string' ? option.kleinTeken : null;
  delete option.kleinTeken;
  const asFmt = (v) => formatWaarde(v, formaat);
  const fmt = (v) => (klein !== null && v !== null && v !== undefined && Number(v) === 0 ? klein : formatWaarde(v, formaat));
  const assen = [].concat(option.yAxis ?? [], option.xAxis ?? []);
  for (const as of assen) {
    if (as && as.type === 'value') as.axisLabel = { ...(as.axisLabel ?? {}), formatter: asFmt };
  }
  option.tooltip = { ...(option.tooltip ?? {}), valueFormatter: fmt };
  for (const serie of [].concat(option.series ?? [])) {
    if (serie.label && serie.label.show) serie.label.formatter = (p) => fmt(Array.isArray(p.value) ? p.value[1] : p.value);
  }
  return option;
}
