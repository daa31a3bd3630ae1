import { kwartaalKort, telKwartalenOp, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { formatteerGetal, formatteerGroei, formatteerPercentage } from '../shared/formaat.js';
import { afronden, groei } from '../shared/getallen.js';
import { getal, waarden, type Paneel, type Waarden } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';

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
  /** "laatste 4 kwartalen: 87 %, n = 150" when the quarter alone is too small */
  toelichting: string | null;
  /** the four quarters of that figure: "Q4 2025 t/m Q3 2026" */
  periode: string | null;
  /** the quarter has not ended: its figures are provisional (*) */
  voorlopig: boolean;
  /** false when the value is hidden (.) */
  zichtbaar: boolean;
}

export interface TegelOpties {
  /** protected view: a missing value is hidden (.), not "niet te berekenen" */
  beschermd?: boolean;
  vandaag?: string;
}

interface TegelDefinitie {
  id: string;
  label: string;
  soort: 'aantal' | 'procent';
  waarde: (w: Waarden) => number | null;
  /** the catalogue key of a share (its four-quarter figure may stand in) */
  sleutel?: IndicatorSleutel;
  norm?: number;
  definitie: string;
}

function verschil(soort: 'aantal' | 'procent', nu: number | null, toen: number | null, beschermd: boolean): string {
  // in a protected view a missing figure is hidden, never "niet te berekenen" (that is for a zero base)
  const leeg = beschermd ? 'niet getoond (.)' : 'niet te berekenen';
  if (soort === 'aantal') {
    if (beschermd && (nu === null || toen === null)) return leeg;
    const g = groei(nu, toen);
    return g === null ? leeg : formatteerGroei(g);
  }
  if (nu === null || toen === null) return leeg;
  const d = afronden(nu - toen, 1);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return `${sign}${formatteerGetal(Math.abs(d), 1)} procentpunt`;
}

export function tegelDefinities(normen: { vb: number; onderzoek: number; vv: number }): TegelDefinitie[] {
  return [
    {
      id: 'adviezen',
      label: 'Adviezen',
      soort: 'aantal',
      waarde: (w) => getal(w, 'adviezen'),
      definitie: 'Adviezen inclusief overige zorgmeldingen, naar datum van binnenkomst.',
    },
    { id: 'meldingen', label: 'Meldingen', soort: 'aantal', waarde: (w) => getal(w, 'meldingen'), definitie: 'Meldingen naar datum van binnenkomst.' },
    {
      id: 'vb',
      sleutel: 'vb_binnen_termijn_pct',
      label: 'VB binnen 5 werkdagen',
      soort: 'procent',
      norm: normen.vb,
      waarde: (w) => getal(w, 'vb_binnen_termijn_pct'),
      definitie: 'Aandeel veiligheidsbeoordelingen uiterlijk op de 5e werkdag na binnenkomst.',
    },
    {
      id: 'onderzoek',
      sleutel: 'onderzoeken_binnen_termijn_pct',
      label: 'Onderzoek binnen 10 weken',
      soort: 'procent',
      norm: normen.onderzoek,
      waarde: (w) => getal(w, 'onderzoeken_binnen_termijn_pct'),
      definitie: 'Aandeel afgeronde onderzoeken uiterlijk 70 dagen na de VB.',
    },
    {
      id: 'vv',
      sleutel: 'vv_binnen_termijn_pct',
      label: 'V&V binnen 10 weken',
      soort: 'procent',
      norm: normen.vv,
      waarde: (w) => getal(w, 'vv_binnen_termijn_pct'),
      definitie: 'Aandeel afgeronde voorwaarden en vervolg uiterlijk 70 dagen na de VB.',
    },
    {
      id: 'overdrachten',
      label: 'Overdrachten',
      soort: 'aantal',
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

interface Tegelwaarde {
  v: number | null;
  /** n of the four quarters when the value is theirs */
  vierN: number | null;
}

/** The tile's value: the quarter's own, or for a share on a small quarter base the four quarters' figure (protected views only). */
function tegelwaarde(d: TegelDefinitie, w: Waarden): Tegelwaarde {
  const vier = d.sleutel ? ((w.laatste_4_kwartalen ?? {}) as Record<string, { pct: number | null; n: number | null } | undefined>)[d.sleutel] : undefined;
  if (vier) return { v: vier.pct, vierN: vier.n };
  return { v: d.waarde(w), vierN: null };
}

export function maakTegels(
  paneel: Paneel,
  kwartaal: Kwartaal,
  gebied: string,
  normen: { vb: number; onderzoek: number; vv: number },
  opties: TegelOpties = {},
): Tegel[] {
  const beschermd = opties.beschermd ?? false;
  const voorlopig = opties.vandaag !== undefined && laatsteDag(kwartaal) > opties.vandaag;
  const nu = waarden(paneel, kwartaal, gebied);
  const vorig = waarden(paneel, telKwartalenOp(kwartaal, -1), gebied);
  const vorigJaar = waarden(paneel, telKwartalenOp(kwartaal, -4), gebied);
  return tegelDefinities(normen).map((d) => {
    const { v, vierN } = tegelwaarde(d, nu);
    const ster = voorlopig && v !== null ? '*' : '';
    const opmaak = (x: number | null) => (d.soort === 'procent' ? formatteerPercentage(x) : formatteerGetal(x));
    const vergelijk = (w: Waarden) => (vierN === null ? d.waarde(w) : tegelwaarde(d, w).v);
    return {
      id: d.id,
      label: d.label,
      waarde: `${opmaak(v)}${ster}`,
      vorigKwartaal: `${verschil(d.soort, v, vergelijk(vorig), beschermd)} t.o.v. ${kwartaalKort(telKwartalenOp(kwartaal, -1))}`,
      vorigJaar: `${verschil(d.soort, v, vergelijk(vorigJaar), beschermd)} t.o.v. ${kwartaalKort(telKwartalenOp(kwartaal, -4))}`,
      norm: d.norm === undefined ? null : `norm ${d.norm}%`,
      normGehaald: d.norm === undefined || v === null ? null : v >= d.norm,
      definitie: d.definitie,
      toelichting:
        vierN !== null && v !== null
          ? `laatste 4 kwartalen: ${formatteerPercentage(v)}, n = ${formatteerGetal(vierN)}`
          : v === null && beschermd
            ? 'niet getoond (.): ook over 4 kwartalen te weinig'
            : null,
      periode: vierN !== null ? `${kwartaalKort(telKwartalenOp(kwartaal, -3))} t/m ${kwartaalKort(kwartaal)}` : null,
      voorlopig,
      zichtbaar: v !== null,
    };
  });
}
