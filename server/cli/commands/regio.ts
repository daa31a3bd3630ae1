import { leesEnv } from '../../config/env.js';
import { laadRegio } from '../../config/regio.js';
import { gekozenRegioBestand, kiesRegio, regioBestanden } from '../../regio/keuze.js';
import { maakDb } from '../../db/connection.js';
import { migreerNaarLaatste } from '../../db/migrate.js';

/** `regio lijst`: the shipped region files; * marks the one this database uses. */
export async function regioLijstCommand(): Promise<void> {
  const env = leesEnv();
  const db = maakDb(env.DATABASE_URL);
  try {
    await migreerNaarLaatste(db);
    const actief = process.env.REGIO_BESTAND ? env.REGIO_BESTAND : ((await gekozenRegioBestand(db)) ?? env.REGIO_BESTAND);
    for (const b of regioBestanden()) {
      const teken = b.pad === actief ? '*' : ' ';
      process.stdout.write(`${teken} ${b.naam.padEnd(28)} ${b.regio}${b.cbs ? ` (${b.cbs})` : ''}, ${b.gemeenten} gemeenten\n`);
    }
    if (process.env.REGIO_BESTAND) process.stdout.write(`REGIO_BESTAND is gezet: ${env.REGIO_BESTAND}\n`);
  } finally {
    await db.destroy();
  }
}

/** `regio kies <naam>`: the region of this database (refused when it holds data of another region). */
export async function regioKiesCommand(naam: string): Promise<void> {
  const env = leesEnv();
  const db = maakDb(env.DATABASE_URL);
  try {
    await migreerNaarLaatste(db);
    const huidig = async () => laadRegio((await gekozenRegioBestand(db)) ?? env.REGIO_BESTAND);
    const nu = await huidig();
    const gekozen = await kiesRegio(db, naam, () => nu);
    process.stdout.write(`Regio gekozen: ${gekozen.regio}${gekozen.cbs ? ` (${gekozen.cbs})` : ''}, ${gekozen.gemeenten} gemeenten. Start met npm start.\n`);
    if (process.env.REGIO_BESTAND) process.stderr.write(`Let op: REGIO_BESTAND is gezet (${env.REGIO_BESTAND}) en gaat voor deze keuze.\n`);
  } finally {
    await db.destroy();
  }
}
