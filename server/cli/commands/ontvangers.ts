/**
 * `vt-monitor ontvangers …`: the recipients of delivery by e-mail. Apart from `verzend`, so that
 * listing or adding a recipient does not load the report printer (ECharts, Chromium, pdf-lib).
 */
import { schrijfAudit } from '../../audit/repository.js';
import { werkMetContext } from '../met-context.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { controleerOntvanger, leesOntvangers, verwijderOntvanger, voegOntvangerToe } from '../../verzending/ontvangers.js';

const DOOR = 'opdrachtregel';

/** `vt-monitor ontvangers toevoegen --rapport kwartaal|halfjaar|jaar|factsheet [--gemeente GM0268] <e-mail>` */
export async function ontvangerToevoegenCommand(email: string, opties: { rapport: string; gemeente?: string }): Promise<void> {
  await werkMetContext(async (ctx) => {
    const o = controleerOntvanger(ctx.regio, { email, rapport: opties.rapport, gemeente: opties.gemeente });
    const nieuw = await voegOntvangerToe(ctx.db, o, DOOR);
    if (nieuw) await schrijfAudit(ctx.db, { wie: DOOR, actie: 'ontvanger_toegevoegd', details: o });
    const rapport = o.rapport === 'factsheet' ? `factsheet van ${ctx.regio.perCode.get(o.gemeente)!.naam}` : `${o.rapport}rapportage`;
    process.stdout.write(`${nieuw ? 'Toegevoegd' : 'Stond er al'}: ${o.email} ontvangt de ${rapport}\n`);
  });
}

export async function ontvangerLijstCommand(opties: { json?: boolean }): Promise<void> {
  await werkMetContext(async (ctx) => {
    const lijst = await leesOntvangers(ctx.db);
    if (opties.json) {
      process.stdout.write(
        `${JSON.stringify(
          lijst.map(({ email, rapport, gemeente }) => ({ email, rapport, gemeente: gemeente || null })),
          null,
          2,
        )}\n`,
      );
      return;
    }
    if (lijst.length === 0) process.stdout.write('Nog geen ontvangers.\n');
    for (const o of lijst)
      process.stdout.write(
        `${o.rapport.padEnd(10)} ${(o.gemeente ? `${o.gemeente} ${ctx.regio.perCode.get(o.gemeente)?.naam ?? ''}` : '').padEnd(26)} ${o.email}\n`,
      );
  });
}

export async function ontvangerVerwijderCommand(email: string): Promise<void> {
  await werkMetContext(async (ctx) => {
    const aantal = await verwijderOntvanger(ctx.db, email);
    if (aantal === 0) throw ongeldigeInvoer(`Geen ontvanger met e-mailadres ${email}`);
    await schrijfAudit(ctx.db, { wie: DOOR, actie: 'ontvanger_verwijderd', details: { email: email.trim().toLowerCase() } });
    process.stdout.write(`Verwijderd: ${email} (${aantal} ${aantal === 1 ? 'rapportage' : 'rapportages'})\n`);
  });
}
