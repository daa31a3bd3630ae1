import { kwartaalKort, addKwartalen, type Kwartaal } from '../calendar/kwartaal.js';
import { formatGetal, formatGroei, formatPercentage } from '../shared/formaat.js';
import { afronden, groei } from '../shared/getallen.js';
import { getal, waarden, type Paneel } from './gegevens.js';

export interface Tegel {
  id: string;
  label: string;
  waarde: string;
  vorigKwartaal: string;
  vorigJaar: string;
  norm: string | null;
  /** true/false against the norm, null without norm or value */
  normGehaald: boolean | null;
  definitie: string;
}

interface TegelDefinitie {
  id: string;
  label: string;
  soort: 'aantal' | 'procent';
  waarde: (w: Record<string, unknown>) => number | null;
  norm?: number;
  definitie: string;
}

function verschil(soort: 'aantal' | 'procent', nu: number | null, toen: number | null): string {
  if (soort === 'aantal') {
    const g = groei(nu, toen);
    return g === null ? 'niet te berekenen' : formatGroei(g);
  }
  if (nu === null || toen === null) return 'niet te berekenen';
  const d = afronden(nu - toen, 1);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return `${sign}${formatGetal(Math.abs(d), 1)} procentpunt`;
}

export function tegelDefinities(normen: { vb: number; onderzoek: number; vv: number }): TegelDefinitie[] {
  return [
    { id: 'adviezen', label: 'Adviezen', soort: 'aantal', waarde: (w) => getal(w, 'adviezen'), definitie: 'Adviezen inclusief overige zorgmeldingen, naar datum van binnenkomst.' },
    { id: 'meldingen', label: 'Meldingen', soort: 'aantal', waarde: (w) => getal(w, 'meldingen'), definitie: 'Meldingen naar datum van binnenkomst.' },
    { id: 'vb', label: 'VB binnen 5 werkdagen', soort: 'procent', norm: normen.vb, waarde: (w) => getal(w, 'vb_binnen_termijn_pct'), definitie: 'Aandeel veiligheidsbeoordelingen uiterlijk op de 5e werkdag na binnenkomst.' },
    { id: 'onderzoek', label: 'Onderzoek binnen 10 weken', soort: 'procent', norm: normen.onderzoek, waarde: (w) => getal(w, 'onderzoeken_binnen_termijn_pct'), definitie: 'Aandeel afgeronde onderzoeken uiterlijk 70 dagen na de VB.' },
    { id: 'vv', label: 'V&V binnen 10 weken', soort: 'procent', norm: normen.vv, waarde: (w) => getal(w, 'vv_binnen_termijn_pct'), definitie: 'Aandeel afgeronde voorwaarden en vervolg uiterlijk 70 dagen na de VB.' },
    {
      id: 'overdrachten', label: 'Overdrachten', soort: 'aantal',
      waarde: (w) => {
        const naVb = getal(w, 'overdracht_na_vb');
        const naVervolg = getal(w, 'overdracht_na_vervolgkeuze');
        // a suppressed part (null) makes the sum unknown, not smaller
        return naVb === null || naVervolg === null ? null : naVb + naVervolg;
      },
      definitie: 'Overdracht na de veiligheidsbeoordeling plus overdracht na de keuze voor vervolgstappen.',
    },
  ];
}

export function maakTegels(paneel: Paneel, kwartaal: Kwartaal, gebied: string, normen: { vb: number; onderzoek: number; vv: number }): Tegel[] {
  const nu = waarden(paneel, kwartaal, gebied);
  const vorig = waarden(paneel, addKwartalen(kwartaal, -1), gebied);
  const vorigJaar = waarden(paneel, addKwartalen(kwartaal, -4), gebied);
  return tegelDefinities(normen).map((d) => {
    const v = d.waarde(nu);
    return {
      id: d.id,
      label: d.label,
      waarde: d.soort === 'procent' ? formatPercentage(v) : formatGetal(v),
      vorigKwartaal: `${verschil(d.soort, v, d.waarde(vorig))} t.o.v. ${kwartaalKort(addKwartalen(kwartaal, -1))}`,
      vorigJaar: `${verschil(d.soort, v, d.waarde(vorigJaar))} t.o.v. ${kwartaalKort(addKwartalen(kwartaal, -4))}`,
      norm: d.norm === undefined ? null : `norm ${d.norm}%`,
      normGehaald: d.norm === undefined || v === null ? null : v >= d.norm,
      definitie: d.definitie,
    };
  });
}
