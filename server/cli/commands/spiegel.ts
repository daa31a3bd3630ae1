import { maakContext } from '../../context.js';
import { formatteerGetal } from '../../shared/formaat.js';
import { spiegelVoorPeriode } from '../../spiegel/service.js';
import { spiegelTabel } from '../../spiegel/tabel.js';

/** `vt-monitor spiegel --periode 2023|2023-H1 [--json]` */
export async function spiegelCommand(opties: { periode: string; json?: boolean }): Promise<void> {
  const ctx = await maakContext();
  try {
    const s = await spiegelVoorPeriode(ctx.db, ctx.regio, opties.periode);
    if (opties.json) {
      process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      return;
    }
    const t = spiegelTabel(s);
    const rijen = [t.kolommen, ...t.rijen.map((r) => r.map((c) => (typeof c === 'number' ? formatteerGetal(c) : (c ?? '.'))))];
    const breedte = t.kolommen.map((_, i) => Math.max(...rijen.map((r) => String(r[i]).length)));
    process.stdout.write(`Spiegel ${s.periode_label}: ${s.regio.naam} en Nederland (CBS), eigen registratie afgerond op ${s.eigen.afgerond_op}-tallen\n\n`);
    for (const r of rijen) process.stdout.write(`${r.map((c, i) => (i === 0 ? String(c).padEnd(breedte[i]!) : String(c).padStart(breedte[i]!))).join('  ')}\n`);
    const bevolking = (wie: string, g: typeof s.regio) =>
      g.inwoners_jaar === null
        ? `${wie} geen`
        : `${wie} ${formatteerGetal(g.inwoners)} op 1 januari ${g.inwoners_jaar}, CBS ${g.bronnen.inwoners?.tabel ?? ''}`;
    process.stdout.write(`\nPer 1.000 inwoners, bevolking volgens CBS: ${bevolking(s.regio.naam, s.regio)}; ${bevolking('Nederland', s.nederland)}\n`);
    process.stdout.write(`Plaats onder de VT-regio’s (ontvangen meldingen per 1.000 inwoners): ${s.rang.tekst}\n`);
    if (s.gemeenten.length > 0) {
      const jaar = s.gemeenten.find((g) => g.inwoners_jaar !== null)?.inwoners_jaar;
      const per = jaar === undefined ? 'per 1.000 inwoners' : `per 1.000 inwoners op 1 januari ${jaar}`;
      process.stdout.write(`\nGemeenten (CBS, ontvangen meldingen ${per}; Nederland ernaast)\n`);
      for (const g of s.gemeenten)
        process.stdout.write(
          `  ${g.naam.padEnd(22)} ${formatteerGetal(g.meldingen).padStart(7)}  ${formatteerGetal(g.per_1000_inwoners.meldingen).padStart(6)} ` +
            ` NL ${formatteerGetal(g.nederland_per_1000_inwoners.meldingen)}\n`,
        );
    } else process.stdout.write('\nGemeenten: CBS publiceert in de opgeslagen tabellen voor deze periode geen rijen van de gemeenten van de regio (.).\n');
    process.stdout.write('\nVerklaring van tekens: . = onbekend, geheim of niet bevestigd; * = voorlopig cijfer. Bron: CBS StatLine (zie docs/spiegel.md).\n');
  } finally {
    await ctx.db.destroy();
  }
}
