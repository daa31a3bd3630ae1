import type { Db } from '../db/connection.js';
import type { Kwartaal } from '../calendar/kwartaal.js';
import {
  leesDuidingen as leesOpgeslagen,
  maakConcept,
  maakDefinitief,
  schrijfDuiding as schrijfOpgeslagen,
  verwijderDuiding,
  type Duiding,
} from './duiding-repository.js';

export { duidingIsDefinitief } from './duiding-repository.js';
import { rapportSecties, type Rapport } from './rapporten.js';

export interface SectieInvoer {
  sectie: string;
  tekst: string;
  definitief: boolean;
}

export interface DuidingWijziging {
  sectie: string;
  /** gewijzigd: new text (concept); definitief: signed off; concept: taken back; verwijderd: emptied */
  actie: 'gewijzigd' | 'definitief' | 'concept' | 'verwijderd';
}

const normaal = (t: string) => t.replace(/\r\n/g, '\n').replace(/\s+$/, '');

/**
 * Saves the whole editor of one report at once (one form: no section's unsaved text is lost by
 * saving another). A changed text is a concept unless signed off in the same save; signing off
 * keeps the text and records who and when. Returns what changed, for the audit log.
 */
export async function bewaarDuiding(db: Db, rapport: Rapport, invoer: SectieInvoer[], door: string, nu: string): Promise<DuidingWijziging[]> {
  const toegestaan = new Set(rapportSecties(rapport).map((s) => s.sectie));
  const wijzigingen: DuidingWijziging[] = [];
  await db.transaction(async (trx) => {
    const bestaand = await leesOpgeslagen(trx, rapport.periode);
    for (const s of invoer) {
      if (!toegestaan.has(s.sectie)) continue;
      const tekst = normaal(s.tekst);
      const oud = bestaand.get(s.sectie);
      const sleutel = { kwartaal: rapport.periode, sectie: s.sectie };
      if (tekst.trim() === '') {
        if (oud) {
          await verwijderDuiding(trx, rapport.periode, s.sectie);
          wijzigingen.push({ sectie: s.sectie, actie: 'verwijderd' });
        }
        continue;
      }
      const definitief = s.definitief
        ? { status: 'definitief', definitief_door: door, definitief_op: nu }
        : { status: 'concept', definitief_door: null, definitief_op: null };
      if (!oud || oud.tekst !== tekst) {
        const rij: Duiding = { ...sleutel, tekst, door, bijgewerkt_op: nu, ...definitief } as Duiding;
        await schrijfOpgeslagen(trx, rij);
        wijzigingen.push({ sectie: s.sectie, actie: 'gewijzigd' });
        if (s.definitief) wijzigingen.push({ sectie: s.sectie, actie: 'definitief' });
      } else if (s.definitief !== (oud.status === 'definitief')) {
        if (s.definitief) await maakDefinitief(trx, rapport.periode, s.sectie, door, nu);
        else await maakConcept(trx, rapport.periode, s.sectie);
        wijzigingen.push({ sectie: s.sectie, actie: s.definitief ? 'definitief' : 'concept' });
      }
    }
  });
  return wijzigingen;
}

/** The duiding of one period, per section. */
export async function leesDuidingen(db: Db, kwartaal: Kwartaal): Promise<Map<string, Duiding>> {
  return leesOpgeslagen(db, kwartaal);
}

/** Saves one section's text (a draft: signing off goes through bewaarDuiding). */
export async function schrijfDuiding(db: Db, duiding: Duiding): Promise<void> {
  await schrijfOpgeslagen(db, duiding);
}
