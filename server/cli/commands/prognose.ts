import { maakContext } from '../../context.js';
import { prognoseVoorJaar } from '../../prognose/service.js';
import { formatteerGetal } from '../../shared/formaat.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';

/** `vt-monitor prognose --jaar 2026 [--json]` */
export async function prognoseCommand(opties: { jaar: string; json?: boolean }): Promise<void> {
  if (!/^\d{4}$/.test(opties.jaar)) throw ongeldigeInvoer(`--jaar "${opties.jaar}" is geen jaar; gebruik bijvoorbeeld --jaar 2026`);
  const ctx = await maakContext();
  try {
    const p = await prognoseVoorJaar(ctx.db, ctx.regio, Number(opties.jaar), ctx.vandaag());
    if (opties.json) {
      process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
      return;
    }
    const g = (n: number | null) => (n === null ? '.' : formatteerGetal(n, 0));
    process.stdout.write(`Prognose ${p.jaar} (peildatum ${p.methode.peildatum}; geen norm of doel)\n`);
    for (const soort of ['meldingen', 'adviezen'] as const) {
      const x = p[soort];
      process.stdout.write(`${soort}: waargenomen ${g(x.waargenomen)}, verwacht ${g(x.verwacht)} (80%-interval ${g(x.ondergrens)}–${g(x.bovengrens)})\n`);
    }
    process.stdout.write(`fte: huidig ${p.fte.huidig ?? '.'}, nodig ${p.fte.nodig ?? '.'}${p.fte.reden ? ` (${p.fte.reden})` : ''}\n`);
  } finally {
    await ctx.db.destroy();
  }
}
