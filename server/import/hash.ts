import { hash } from 'node:crypto';
import type { Registratie } from '../registraties/schema.js';

/** An empty field in the hashed text, and the separator after every field. */
const L = '\u0000';
const S = '\u001f';

/**
 * The hash of a registration's export fields: a re-import compares it with the stored one
 * and leaves an unchanged registration alone. Stable across versions (stored with every row):
 * SHA-1 of every column of COLUMNS in order, each followed by U+001F, an empty one as U+0000.
 *
 * The fields are written out (a named read per field, one string, one-shot hash) rather than
 * looked up by name from COLUMN_NAMES: a third less per row. A test keeps the text equal to
 * that of the loop over COLUMN_NAMES, so a new column cannot be left out.
 */
export function rijHash(r: Registratie): string {
  return hash('sha1', rijHashTekst(r), 'hex');
}

/** The text `rijHash` hashes. */
export function rijHashTekst(r: Registratie): string {
  return (
    (r.registratie_id ?? L) +
    S +
    (r.soort ?? L) +
    S +
    (r.datum_binnenkomst ?? L) +
    S +
    (r.gemeente_code ?? L) +
    S +
    (r.gemeente ?? L) +
    S +
    (r.melder_categorie ?? L) +
    S +
    (r.beroepsgroep ?? L) +
    S +
    (r.kanaal ?? L) +
    S +
    (r.aard_geweld ?? L) +
    S +
    (r.spoed ?? L) +
    S +
    (r.eerdere_betrokkenheid ?? L) +
    S +
    (r.datum_veiligheidsbeoordeling ?? L) +
    S +
    (r.besluit_veiligheidsbeoordeling ?? L) +
    S +
    (r.datum_besluit_vervolg ?? L) +
    S +
    (r.vervolg ?? L) +
    S +
    (r.datum_start_vv ?? L) +
    S +
    (r.datum_einde_vv ?? L) +
    S +
    (r.datum_start_onderzoek ?? L) +
    S +
    (r.datum_einde_onderzoek ?? L) +
    S +
    (r.uitkomst_onderzoek ?? L) +
    S +
    (r.datum_overdracht ?? L) +
    S +
    (r.overdracht_aan ?? L) +
    S +
    (r.monitoring ?? L) +
    S +
    (r.datum_monitoring_3m ?? L) +
    S +
    (r.datum_monitoring_12m ?? L) +
    S +
    (r.datum_einde_monitoring ?? L) +
    S +
    (r.datum_afgesloten ?? L) +
    S
  );
}
