import type { Knex } from 'knex';

/**
 * Issue 25: a registratie_id is compared and stored in one normal form — Unicode NFKC, invisible
 * and bidirectional control characters removed, trimmed, upper case (docs/import.md). Ids stored
 * before that are brought to the same form, so that the next export's line of a stored
 * registration finds it. Two stored ids with one normal form were one registration counted
 * twice: the version of the latest import batch stays. When anything changed, the kept counts are
 * rebuilt at the next start (their basis is cleared). The normal form is written out here, not
 * imported: a migration keeps the rule of its day.
 */
const ONZICHTBAAR = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const normaalvorm = (id: string): string => id.normalize('NFKC').replace(ONZICHTBAAR, '').trim().toUpperCase();

export async function up(knex: Knex): Promise<void> {
  const rijen = (await knex('registraties').select('registratie_id', 'importbatch_id')) as { registratie_id: string; importbatch_id: number }[];
  const perVorm = new Map<string, { registratie_id: string; importbatch_id: number }[]>();
  for (const r of rijen) {
    const vorm = normaalvorm(r.registratie_id);
    perVorm.set(vorm, [...(perVorm.get(vorm) ?? []), r]);
  }
  let veranderd = false;
  for (const [vorm, groep] of perVorm) {
    if (groep.length === 1 && groep[0]!.registratie_id === vorm) continue;
    veranderd = true;
    // the latest import batch wins (on a tie: the id already in the normal form, then the first by id)
    groep.sort((a, b) => b.importbatch_id - a.importbatch_id || Number(b.registratie_id === vorm) - Number(a.registratie_id === vorm)
      || a.registratie_id.localeCompare(b.registratie_id));
    const [blijft, ...weg] = groep;
    if (weg.length > 0) await knex('registraties').whereIn('registratie_id', weg.map((r) => r.registratie_id)).delete();
    if (blijft!.registratie_id !== vorm) await knex('registraties').where({ registratie_id: blijft!.registratie_id }).update({ registratie_id: vorm });
  }
  if (veranderd) await knex('metagegevens').where({ sleutel: 'tellingen_basis' }).delete();
}

/** The original spellings are not kept: down leaves the normal form (it is a valid id either way). */
export async function down(): Promise<void> {}
