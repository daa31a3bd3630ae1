/**
 * The Node floor of an import (issue 18, part 1): the least any importer in Node with
 * better-sqlite3 does with an export file. It reads the lines, splits them on ';' (the demo
 * export has no quoted fields), and inserts each line's fields with one prepared INSERT per row
 * into a bare table of text columns, in one transaction: no validation, no derivation, no
 * primary key, no index. Run as a whole command, like `sqlite3 .import`. It prints, as JSON,
 * how long the insert loop alone took (`bindenMs`): the part no parsing in another thread can hide.
 * Usage: node bench/metingen/node-vloer.mjs <bestand.csv> <doel.sqlite>
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';

const [bestand, doel] = process.argv.slice(2);
const db = new Database(doel);
db.pragma('page_size = 16384');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
let insert = null;
let bindenMs = 0;
db.exec('BEGIN');
for await (const regel of createInterface({ input: createReadStream(bestand), crlfDelay: Infinity })) {
  if (regel === '') continue;
  const velden = regel.split(';');
  if (insert === null) {
    const kolommen = velden.map((v, i) => `k${i}`);
    db.exec(`CREATE TABLE ruw (${kolommen.join(', ')})`);
    insert = db.prepare(`INSERT INTO ruw VALUES (${kolommen.map(() => '?').join(', ')})`);
    continue;
  }
  const t = performance.now();
  insert.run(...velden);
  bindenMs += performance.now() - t;
}
db.exec('COMMIT');
db.close();
process.stdout.write(`${JSON.stringify({ bindenMs })}\n`);
