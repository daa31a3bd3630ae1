import { leesEnv } from '../../config/env.js';
import { maakBackup } from '../../db/backup.js';
import { maakVoortgang } from '../voortgang.js';

/** `vt-monitor backup <pad>`: an online backup of the SQLite database while the app runs. */
export async function backupCommand(pad: string): Promise<void> {
  const env = leesEnv();
  let voortgang: ReturnType<typeof maakVoortgang> | null = null;
  const { paginas } = await maakBackup(env.DATABASE_URL, pad, (klaar, totaal) => {
    voortgang ??= maakVoortgang('backup', totaal, 'pagina’s', 10_000);
    voortgang.update(klaar);
  });
  (voortgang as ReturnType<typeof maakVoortgang> | null)?.stop();
  process.stderr.write(`Backup geschreven: ${pad} (${new Intl.NumberFormat('nl-NL').format(paginas)} pagina’s)\n`);
}
