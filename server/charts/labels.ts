/** Dutch labels for codes, as users read them. */
export const MELDER_LABEL: Record<string, string> = {
  politie: 'Politie',
  overige_professional: 'Overige professional',
  niet_professional: 'Niet-professional',
};
export const BEROEPSGROEP_LABEL: Record<string, string> = {
  onderwijs: 'Onderwijs',
  kinderopvang: 'Kinderopvang',
  huisarts: 'Huisarts',
  ziekenhuis: 'Ziekenhuis',
  ggz: 'GGZ',
  jeugdgezondheidszorg: 'Jeugdgezondheidszorg',
  verloskunde: 'Verloskunde',
  jeugdzorg: 'Jeugdzorg',
  lokaal_team: 'Lokaal team',
  maatschappelijk_werk: 'Maatschappelijk werk',
  gecertificeerde_instelling: 'Gecertificeerde instelling',
  raad_kinderbescherming: 'Raad voor de Kinderbescherming',
  verslavingszorg: 'Verslavingszorg',
  ouderenzorg: 'Ouderenzorg',
  overig: 'Overig',
  onbekend: 'Onbekend',
};
export const BESLUIT_LABEL: Record<string, string> = {
  afsluiten_geen_vervolg: 'Afsluiten, geen vervolg',
  overdracht_melder: 'Overdracht aan melder',
  overdracht_lokaal_team: 'Overdracht aan lokaal team',
  overdracht_betrokken_hulpverlening: 'Overdracht aan betrokken hulpverlening',
  vervolg_veilig_thuis: 'Vervolgstappen Veilig Thuis',
  regionaal_maatwerk: 'Regionaal maatwerk',
};
export const LEEFTIJD_LABEL: Record<string, string> = {
  '0_5': '0–5 werkdagen',
  '6_10': '6–10 werkdagen',
  '11_20': '11–20 werkdagen',
  meer_20: 'meer dan 20 werkdagen',
  tot_10w: 'tot 10 weken',
  '10_13w': '10–13 weken',
  '13_26w': '13–26 weken',
  meer_26w: 'meer dan 26 weken',
};
export const OVERDRACHT_AAN_LABEL: Record<string, string> = {
  lokaal_team: 'Lokaal team',
  betrokken_hulpverlening: 'Betrokken hulpverlening',
  gecertificeerde_instelling: 'Gecertificeerde instelling',
  raad_kinderbescherming: 'Raad voor de Kinderbescherming',
  melder: 'Melder',
  clientsysteem: 'Cliëntsysteem',
  politie_justitie: 'Politie en justitie',
  overig: 'Overig',
  onbekend: 'Onbekend',
};
export const AARD_GEWELD_LABEL: Record<string, string> = {
  kindermishandeling: 'Kindermishandeling',
  partnergeweld: 'Partnergeweld',
  ex_partnergeweld: 'Ex-partnergeweld',
  ouderenmishandeling: 'Ouderenmishandeling',
  eergerelateerd: 'Eergerelateerd geweld',
  overig_huiselijk_geweld: 'Overig huiselijk geweld',
  onbekend: 'Onbekend',
};
export const MOMENT_LABEL: Record<string, string> = {
  na_vb: 'Na de veiligheidsbeoordeling',
  na_vervolgkeuze: 'Na de keuze voor vervolgstappen',
  na_onderzoek: 'Na onderzoek',
  na_vv: 'Na voorwaarden en vervolg',
};
export const EERDERE_BETROKKENHEID_LABEL: Record<string, string> = {
  eerste_melding: 'Eerste melding',
  hermelding: 'Hermelding',
  vervolgmelding: 'Vervolgmelding',
  onbekend: 'Onbekend',
};
export const KANAAL_LABEL: Record<string, string> = {
  telefoon: 'Telefoon',
  mail: 'E-mail',
  chat: 'Chat',
  op_locatie: 'Op locatie',
  meldformulier: 'Meldformulier',
  corv: 'CORV',
  onbekend: 'Onbekend',
};
