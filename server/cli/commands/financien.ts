import { kwartaalVoluit } from '../../calendar/kwartaal.js';
import { maakContext } from '../../context.js';
import { financienVoorKwartaal } from '../../financien/service.js';
import { FINANCIEN_KOLOMMEN_TABEL, financienTabel } from '../../financien/tabel.js';
import { leesKwartaal } from '../../indicatoren/service.js';

/** `vt-monitor financien --kwartaal 2019-Q1 [--json]` */
export async function financienCommand(opties: { kwartaal: string; json?: boolean }): Promise<void> {
  const kwartaal = leesKwartaal(opties.kwartaal, '--kwartaal');
  const ctx = await maakContext();
  try {
    const data = await financienVoorKwartaal(ctx.db, kwartaal);
    if (opties.json) {
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    if (!data.heeft_financien) {
      process.stdout.write(`Voor het ${kwartaalVoluit(kwartaal)} zijn geen financiële gegevens geïmporteerd.\n`);
      return;
    }
    const rijen = [FINANCIEN_KOLOMMEN_TABEL, ...financienTabel(data).map((r) => [r.naam, ...r.cellen])];
    const breedte = FINANCIEN_KOLOMMEN_TABEL.map((_, i) => Math.max(...rijen.map((r) => r[i]!.length)));
    process.stdout.write(`Financiën ${kwartaalVoluit(kwartaal)} (bedragen × € 1.000)\n`);
    for (const r of rijen) process.stdout.write(`${r.map((c, i) => (i === 0 ? c.padEnd(breedte[i]!) : c.padStart(breedte[i]!))).join('  ')}\n`);
  } finally {
    await ctx.db.destroy();
  }
}
