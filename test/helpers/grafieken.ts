import { overdrachtPerMoment } from '../../server/charts/monitoring.js';

/**
 * A small real chart for report tests: overdracht per moment, regio, Q4 2024. Its own table ends in a
 * row "Totaal" (6, 1, 0, 3) and has rows of several ontvangers, one of them all zero after the VB.
 */
export const overdrachtGrafiek = () =>
  overdrachtPerMoment(
    {
      na_vb: { lokaal_team: 4, politie_justitie: 2 },
      na_vervolgkeuze: { lokaal_team: 1, politie_justitie: 0 },
      na_onderzoek: { lokaal_team: 0, politie_justitie: 0 },
      na_vv: { lokaal_team: 3, politie_justitie: 0 },
    },
    'regio, Q4 2024',
  );
