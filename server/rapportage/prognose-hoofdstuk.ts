/**
 * The content of the chapter "Prognose en scenario's" of the half-year and annual reports: pure, from the
 * prognose service's figures and charts (the same charts as the region page).
 */
import type { Grafiek } from '../charts/grafiek.js';
import type { PrognoseJson } from '../prognose/service.js';
import { formatteerDatum, formatteerGetal } from '../shared/formaat.js';
import type { Nummering } from './model.js';
import type { Inhoud } from './hoofdstukken/hoofdstuk.js';

const g = (n: number | null) => (n === null ? '.' : formatteerGetal(n, 0));

export function prognoseInhoud(p: PrognoseJson, grafieken: Grafiek[], nr: Nummering): Inhoud {
  const pd = formatteerDatum(p.methode.peildatum);
  const zin = (soort: 'meldingen' | 'adviezen') => {
    const x = p[soort];
    return x.verwacht === null
      ? `Voor de ${soort} is geen prognose te maken: er is geen eerder compleet jaar.`
      : `Tot en met ${pd} kwamen ${g(x.waargenomen)} ${soort} binnen; verwacht voor ${p.jaar}: ${g(x.verwacht)} ` +
          `(80%-interval ${g(x.ondergrens)} tot ${g(x.bovengrens)}).`;
  };
  const zinnen = [
    `Een prognose is geen norm of doel: zij laat zien waar ${p.jaar} naartoe gaat als het verloop lijkt op eerdere jaren.`,
    zin('meldingen'),
    zin('adviezen'),
    ...(p.fte.nodig !== null
      ? [
          `Bij ${formatteerGetal(p.fte.meldingen_per_fte, 1)} meldingen per fte per jaar vragen de verwachte ` +
            `meldingen ${formatteerGetal(p.fte.nodig, 1)} fte (nu ${formatteerGetal(p.fte.huidig, 1)} fte).`,
        ]
      : []),
    ...(p.scenarios.bron !== null
      ? [
          `De scenario's laag, midden en hoog komen uit het regiobestand` +
            (p.scenarios.voorbeeld ? ' en zijn een voorbeeld, geen gepubliceerde percentages' : '') +
            `. Bron: ${p.scenarios.bron}`,
        ]
      : []),
  ];
  return { zinnen, blokken: grafieken.flatMap((x) => [nr.figuur(x), nr.tabelVan(x)]) };
}
