import { maakContext } from '../../context.js';
import { kwartaalVoluit } from '../../calendar/kwartaal.js';
import { plat } from '../../indicatoren/plat.js';
import { indicatorenVoorKwartaal, leesGebied, leesKwartaal, type IndicatorenJson } from '../../indicatoren/service.js';
import { csvVeld } from '../../shared/csv.js';
import { formatteerGetal } from '../../shared/formaat.js';

export interface IndicatorenOpties {
  kwartaal: string;
  gemeente?: string;
  json?: boolean;
  csv?: boolean;
}

function kolommen(data: IndicatorenJson): { kop: string; waarden: Map<string, number | null> }[] {
  return [
    { kop: 'Regio', waarden: new Map(plat(data.regio)) },
    ...Object.entries(data.gemeenten).map(([code, g]) => {
      const { naam, ...rest } = g;
      return { kop: `${naam} (${code})`, waarden: new Map(plat(rest)) };
    }),
  ];
}

/** Long CSV: one line per gebied × indicator, `;`-separated, Dutch decimal comma (opens in Dutch Excel). */
export function alsCsv(data: IndicatorenJson): string {
  const regels = ['kwartaal;gebied;naam;indicator;waarde'];
  const gebieden: [string, string, Record<string, unknown>][] = [
    ['regio', 'Regio', data.regio],
    ...Object.entries(data.gemeenten).map(([code, g]) => {
      const { naam, ...rest } = g;
      return [code, naam, rest] as [string, string, Record<string, unknown>];
    }),
  ];
  for (const [code, naam, waarden] of gebieden) {
    for (const [indicator, waarde] of plat(waarden)) {
      regels.push([data.kwartaal, code, naam, indicator, waarde === null ? '' : String(waarde).replace('.', ',')].map(csvVeld).join(';'));
    }
  }
  return `${regels.join('\n')}\n`;
}

/** A readable table: indicators down, gebieden across (at most a few columns wide). */
export function alsTabel(data: IndicatorenJson): string {
  const cols = kolommen(data);
  const namen = [...cols[0]!.waarden.keys()];
  const breedte = Math.max(...namen.map((n) => n.length));
  const blokken: string[] = [`Indicatoren ${kwartaalVoluit(data.kwartaal)} (${data.kwartaal})`];
  for (let i = 0; i < cols.length; i += 4) {
    const deel = cols.slice(i, i + 4);
    const w = deel.map((c) => Math.max(14, c.kop.length));
    blokken.push('', `${''.padEnd(breedte)}  ${deel.map((c, j) => c.kop.padStart(w[j]!)).join('  ')}`);
    for (const naam of namen) {
      const cellen = deel.map((c, j) => {
        const waarde = c.waarden.get(naam) ?? null;
        return formatteerGetal(waarde, Number.isInteger(waarde ?? 0) ? 0 : 2).padStart(w[j]!);
      });
      blokken.push(`${naam.padEnd(breedte)}  ${cellen.join('  ')}`);
    }
  }
  return `${blokken.join('\n')}\n`;
}

export async function indicatorenCommand(opties: IndicatorenOpties): Promise<void> {
  const ctx = await maakContext();
  try {
    const kwartaal = leesKwartaal(opties.kwartaal, '--kwartaal');
    const gebied = opties.gemeente === undefined ? undefined : leesGebied(ctx.regio, opties.gemeente);
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal, gebied);
    process.stdout.write(opties.json ? `${JSON.stringify(data, null, 2)}\n` : opties.csv ? alsCsv(data) : alsTabel(data));
  } finally {
    await ctx.db.destroy();
  }
}
