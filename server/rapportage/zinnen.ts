/**
 * The generated Dutch sentences of the samenvatting: pure functions of indicator values.
 * Singular/plural, rising/falling/equal and missing bases ("niet te berekenen") are handled
 * here once, so the report never says "1 meldingen" or "steeg met 0,0%".
 */
import { telKwartalenOp, kwartaalVoluit, type Kwartaal } from '../calendar/kwartaal.js';
import { formatteerGetal, formatteerPercentage } from '../shared/formaat.js';

/** `1 melding`, `1.527 meldingen`, `geen meldingen` */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  if (n === 0) return `geen ${meervoud}`;
  return `${formatteerGetal(n)} ${n === 1 ? enkelvoud : meervoud}`;
}

/** "steeg het aantal meldingen met 29,4%" / "daalde …" / "bleef het aantal meldingen gelijk" / "is … niet te berekenen" */
export function verandering(wat: string, pct: number | null): string {
  if (pct === null) return `is de verandering van het aantal ${wat} niet te berekenen`;
  if (pct === 0) return `bleef het aantal ${wat} gelijk`;
  return `${pct > 0 ? 'steeg' : 'daalde'} het aantal ${wat} met ${formatteerPercentage(Math.abs(pct))}`;
}

const eerste = (zin: string) => zin.charAt(0).toUpperCase() + zin.slice(1);

export interface Instroomcijfers {
  meldingen: number;
  adviezen: number;
  groei: {
    meldingen_qoq: number | null;
    adviezen_qoq: number | null;
    meldingen_yoy: number | null;
    adviezen_yoy: number | null;
  } | null;
}

export function instroomZinnen(kwartaal: Kwartaal, c: Instroomcijfers): string[] {
  const zinnen = [
    `In het ${kwartaalVoluit(kwartaal)} kwamen ${aantal(c.meldingen, 'melding', 'meldingen')} en ${aantal(c.adviezen, 'advies', 'adviezen')} binnen.`,
  ];
  const g = c.groei;
  zinnen.push(
    `Ten opzichte van het ${kwartaalVoluit(telKwartalenOp(kwartaal, -4))} ${verandering('meldingen', g?.meldingen_yoy ?? null)} ` +
      `en ${verandering('adviezen', g?.adviezen_yoy ?? null)}.`,
    `Ten opzichte van het vorige kwartaal ${verandering('meldingen', g?.meldingen_qoq ?? null)} en ${verandering('adviezen', g?.adviezen_qoq ?? null)}.`,
  );
  return zinnen;
}

export interface Termijncijfers {
  /** e.g. "veiligheidsbeoordeling" / "veiligheidsbeoordelingen" */
  enkelvoud: string;
  meervoud: string;
  /** "binnen 5 werkdagen" */
  termijn: string;
  afgerond: number;
  binnen: number;
  pct: number | null;
  norm: number;
}

/** Whether a legal term was met, against the sector norm. */
export function termijnZin(c: Termijncijfers): string {
  if (c.afgerond === 0) {
    return `Er zijn in dit kwartaal geen ${c.meervoud} afgerond; het aandeel ${c.termijn} is niet te berekenen.`;
  }
  const normdeel = c.pct === null ? '' : c.pct >= c.norm ? ` De norm van ${c.norm}% is gehaald.` : ` De norm van ${c.norm}% is niet gehaald.`;
  if (c.afgerond === 1) {
    return (
      `Er is in dit kwartaal 1 ${c.enkelvoud} afgerond; die was ${c.binnen === 1 ? '' : 'niet '}${c.termijn} ` +
      `klaar (${formatteerPercentage(c.pct)}).${normdeel}`
    );
  }
  return (
    `Van de ${formatteerGetal(c.afgerond)} afgeronde ${c.meervoud} ${c.binnen === 1 ? 'was er 1' : `waren er ${formatteerGetal(c.binnen)}`} ` +
    `${c.termijn} klaar: ${formatteerPercentage(c.pct)}.${normdeel}`
  );
}

export interface Overdrachtcijfers {
  na_vb: number;
  na_vb_lokaal_team: number;
  na_vervolgkeuze: number;
}

export function overdrachtZin(c: Overdrachtcijfers): string {
  const werd = (n: number) => (n === 1 ? 'werd' : 'werden');
  const deel1 =
    c.na_vb === 0
      ? 'Na de veiligheidsbeoordeling werd geen melding overgedragen'
      : `Na de veiligheidsbeoordeling ${werd(c.na_vb)} ${aantal(c.na_vb, 'melding', 'meldingen')} ` +
        `overgedragen, ${c.na_vb_lokaal_team === c.na_vb && c.na_vb > 1 ? 'alle' : formatteerGetal(c.na_vb_lokaal_team)} aan het lokaal team`;
  const hoeveel = c.na_vervolgkeuze === 0 ? 'er geen' : `er ${formatteerGetal(c.na_vervolgkeuze)}`;
  const deel2 = `na de keuze voor vervolgstappen ${werd(c.na_vervolgkeuze)} ${hoeveel} overgedragen`;
  return `${deel1}; ${deel2}.`;
}

export interface Openwerkcijfers {
  open_vb: number;
  open_vb_over_termijn: number;
}

export function openWerkZin(c: Openwerkcijfers): string {
  if (c.open_vb === 0) return 'Aan het einde van het kwartaal wachtte geen melding op een veiligheidsbeoordeling.';
  const wacht = c.open_vb === 1 ? 'wachtte' : 'wachtten';
  const over =
    c.open_vb_over_termijn === 0
      ? 'geen daarvan langer dan 5 werkdagen'
      : `${c.open_vb_over_termijn === c.open_vb && c.open_vb > 1 ? 'alle' : formatteerGetal(c.open_vb_over_termijn)} daarvan langer dan 5 werkdagen`;
  return eerste(`aan het einde van het kwartaal ${wacht} ${aantal(c.open_vb, 'melding', 'meldingen')} op een veiligheidsbeoordeling, ${over}.`);
}

/** The result against the budget: one sentence with the finance page (whole euros, a deficit named). */
export { resultaatZin } from '../financien/tabel.js';
