import { once } from 'node:events';
import type { Knex } from 'knex';
import type { Client } from 'pg';

/** COPY text format: backslash escapes, \N for null. */
function veld(waarde: unknown): string {
  if (waarde === null || waarde === undefined) return '\\N';
  return String(waarde).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * The PostgreSQL bulk path: rows go with COPY into a temporary staging table (dropped at commit),
 * then one INSERT … SELECT … ON CONFLICT moves them into place — inside the caller's
 * transaction, so a rejected or crashed import still leaves nothing behind. Multi-row INSERTs
 * with bound parameters spent most of their time building and parsing parameters.
 */
export async function kopieerUpsert(
  trx: Knex.Transaction,
  tabel: string,
  kolommen: readonly string[],
  rijen: readonly (readonly unknown[])[],
  sleutel: string,
): Promise<void> {
  if (rijen.length === 0) return;
  // loaded here: an import into SQLite (and its worker, which reaches this module) never needs it
  const { from: copyFrom } = await import('pg-copy-streams');
  const conn = (await trx.client.acquireConnection()) as Client;
  const stage = `${tabel}_stage`;
  const lijst = kolommen.join(', ');
  await conn.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${tabel} INCLUDING DEFAULTS) ON COMMIT DROP`);
  const stream = conn.query(copyFrom(`COPY ${stage} (${lijst}) FROM STDIN`));
  const klaar = once(stream, 'finish');
  let buffer = '';
  for (const rij of rijen) {
    buffer += `${rij.map(veld).join('\t')}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer);
  await klaar;
  const bijwerken = kolommen
    .filter((k) => k !== sleutel)
    .map((k) => `${k} = EXCLUDED.${k}`)
    .join(', ');
  await conn.query(`INSERT INTO ${tabel} (${lijst}) SELECT ${lijst} FROM ${stage} ON CONFLICT (${sleutel}) DO UPDATE SET ${bijwerken}`);
  await conn.query(`TRUNCATE ${stage}`);
}
