import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { achterstand, achterstandAlsEenTabel, achterstandTabel, ACHTERSTAND_LIJSTEN } from '../registraties/achterstand-service.js';
import { VERKLARING_VAN_TEKENS } from '../rapportage/model.js';
import { alsCsv, alsWerkboek } from './tabel-export.js';
import { CSV_TYPE, leesFormaat, toelichting, XLSX_TYPE, type Context, type Download } from './downloads-service.js';

/**
 * The achterstand as a download: XLSX with one sheet per list and the Toelichting, CSV as one
 * table with the list in the first column. Registration numbers only, as on the page.
 */
export async function achterstandDownload(c: Omit<Context, 'vandaag'> & { kalender: Werkdagkalender }, vandaag: string, formaat: unknown): Promise<Download> {
  const f = leesFormaat(formaat);
  const a = await achterstand(c, vandaag);
  const naam = `achterstand-${vandaag}`;
  if (f === 'csv') return { bestandsnaam: `${naam}.csv`, type: CSV_TYPE, inhoud: alsCsv(achterstandAlsEenTabel(a), VERKLARING_VAN_TEKENS) };
  const uitleg = await toelichting({ ...c, vandaag }, 'Achterstand: open registraties over hun termijn', { datum: vandaag }, null);
  uitleg.bescherming =
    'Niet van toepassing: een lijst op registratienummer voor VT-management (VT Monitor bewaart geen persoonsgegevens); elke opvraging staat in het auditlog.';
  return {
    bestandsnaam: `${naam}.xlsx`,
    type: XLSX_TYPE,
    inhoud: await alsWerkboek(
      ACHTERSTAND_LIJSTEN.map((l) => achterstandTabel(a, l.lijst)),
      uitleg,
    ),
  };
}
