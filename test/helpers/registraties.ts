import type { Rij } from './context.js';

/**
 * Readable registrations for tests: `melding({ binnenkomst: '2019-04-18', vb: '2019-04-29' })`.
 * Short names map onto the export columns; anything else is passed through as a column.
 */
export interface Kenmerken {
  id?: string;
  binnenkomst: string;
  gemeente?: string;
  melder?: string;
  beroepsgroep?: string;
  eerdere?: string;
  vb?: string;
  besluit?: string;
  besluitVervolg?: string;
  vervolg?: string;
  startVv?: string;
  eindeVv?: string;
  startOnderzoek?: string;
  eindeOnderzoek?: string;
  uitkomst?: string;
  overdracht?: string;
  overdrachtAan?: string;
  monitoring?: string;
  eindeMonitoring?: string;
  [kolom: string]: string | undefined;
}

let teller = 0;

const KORT: Record<string, string> = {
  id: 'registratie_id',
  binnenkomst: 'datum_binnenkomst',
  gemeente: 'gemeente_code',
  melder: 'melder_categorie',
  eerdere: 'eerdere_betrokkenheid',
  vb: 'datum_veiligheidsbeoordeling',
  besluit: 'besluit_veiligheidsbeoordeling',
  besluitVervolg: 'datum_besluit_vervolg',
  startVv: 'datum_start_vv',
  eindeVv: 'datum_einde_vv',
  startOnderzoek: 'datum_start_onderzoek',
  eindeOnderzoek: 'datum_einde_onderzoek',
  uitkomst: 'uitkomst_onderzoek',
  overdracht: 'datum_overdracht',
  overdrachtAan: 'overdracht_aan',
  eindeMonitoring: 'datum_einde_monitoring',
};

function rij(soort: string, k: Kenmerken): Rij {
  const out: Rij = { registratie_id: `T-${++teller}`, soort, gemeente_code: 'GM0268', melder_categorie: 'politie' };
  for (const [key, value] of Object.entries(k)) if (value !== undefined) out[KORT[key] ?? key] = value;
  if (out.datum_veiligheidsbeoordeling && !out.besluit_veiligheidsbeoordeling) out.besluit_veiligheidsbeoordeling = 'overdracht_lokaal_team';
  return out;
}

export const melding = (k: Kenmerken): Rij => rij('melding', k);
export const advies = (k: Kenmerken): Rij => rij('advies', k);
