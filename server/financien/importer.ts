import { voegImportbatchToe, werkImportbatchBij } from '../importbatches/repository.js';
import { schrijfMeta } from '../db/metagegevens.js';
import { batchVanBestand, ImportAfgewezen, legeSamenvatting, MAX_GEMELDE_FOUTEN, type ImportSamenvatting, type RijenBron } from '../import/importer.js';
import { normaliseHeader } from '../import/mapping.js';
import type { RijFout } from '../import/validate-row.js';
import { cellText, type RawCell } from '../import/values.js';
import type { Db } from '../db/connection.js';
import { FINANCIEN_KOLOMMEN, FORMATIE_KOLOMMEN } from './posten.js';
import { vervangFinancien, vervangFormatie } from './repository.js';
import { valideerFinancienRij, valideerFormatieRij, type FinancienRij, type FormatieRij } from './validate.js';

export type Soort = 'financien' | 'formatie';

const KOLOMMEN: Record<Soort, readonly string[]> = { financien: FINANCIEN_KOLOMMEN, formatie: FORMATIE_KOLOMMEN };

/**
 * Imports a financien or formatie file: every row validated (all errors collected), then in one
 * transaction the quarters (months) of the file replace what was stored. A file with an error
 * loads nothing; the attempt is logged as afgewezen.
 */
export async function importeerFinancieel(db: Db, soort: Soort, bron: RijenBron, opties: { door: string }): Promise<ImportSamenvatting> {
  const samenvatting = legeSamenvatting([bron.bestand]);
  const fout = (f: RijFout) => {
    if (samenvatting.fouten.length < MAX_GEMELDE_FOUTEN) samenvatting.fouten.push(f);
  };
  const rijen: (FinancienRij | FormatieRij)[] = [];
  const sleutels = new Map<string, number>();
  let kolommen: Map<string, number> | null = null;
  for await (const row of bron.rows) {
    if (kolommen === null) {
      kolommen = new Map(row.values.map((v, i) => [normaliseHeader(cellText(v)), i]));
      for (const k of KOLOMMEN[soort]) {
        if (!kolommen.has(k))
          fout({
            bestand: bron.bestand,
            regel: row.regel,
            kolom: k,
            waarde: '',
            melding: `verplichte kolom ${k} ontbreekt in de kopregel (verwacht: ${KOLOMMEN[soort].join(';')})`,
          });
      }
      continue;
    }
    if (row.values.every((v) => cellText(v) === '')) continue;
    samenvatting.rijen++;
    const raw: Record<string, RawCell> = Object.fromEntries(KOLOMMEN[soort].map((k) => [k, row.values[kolommen!.get(k) ?? -1]]));
    const plaats = { bestand: bron.bestand, regel: row.regel };
    const result = soort === 'financien' ? valideerFinancienRij(raw, plaats) : valideerFormatieRij(raw, plaats);
    if (!result.ok) {
      samenvatting.afgewezen++;
      result.fouten.forEach(fout);
      continue;
    }
    const sleutel = 'post' in result.rij ? `${result.rij.kwartaal} ${result.rij.post}` : result.rij.maand;
    const eerder = sleutels.get(sleutel);
    if (eerder !== undefined) {
      samenvatting.afgewezen++;
      fout({ ...plaats, kolom: soort === 'financien' ? 'post' : 'maand', waarde: sleutel, melding: `staat twee keer in het bestand (ook op regel ${eerder})` });
      continue;
    }
    sleutels.set(sleutel, row.regel);
    rijen.push(result.rij);
  }
  if (kolommen === null) {
    fout({ bestand: bron.bestand, regel: 1, kolom: '', waarde: '', melding: 'het bestand is leeg: geen kopregel gevonden' });
  }
  // before the transaction the summary's new, changed and unchanged counts are still 0
  const batch = (status: 'geladen' | 'afgewezen') => batchVanBestand(samenvatting, bron, soort, opties.door, status);
  if (samenvatting.fouten.length > 0) {
    samenvatting.afgewezen = Math.max(samenvatting.afgewezen, 1);
    await voegImportbatchToe(db, batch('afgewezen'));
    throw new ImportAfgewezen(samenvatting);
  }
  await db.transaction(async (trx) => {
    const id = await voegImportbatchToe(trx, batch('geladen'));
    const telling = soort === 'financien' ? await vervangFinancien(trx, rijen as FinancienRij[], id) : await vervangFormatie(trx, rijen as FormatieRij[], id);
    samenvatting.nieuw = telling.nieuw;
    samenvatting.gewijzigd = telling.gewijzigd;
    samenvatting.ongewijzigd = telling.ongewijzigd;
    await werkImportbatchBij(trx, id, telling);
    await schrijfMeta(trx, 'data_versie', new Date().toISOString());
  });
  samenvatting.geladen = true;
  return samenvatting;
}
