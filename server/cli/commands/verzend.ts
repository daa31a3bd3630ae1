import { normenVan } from '../../config/env.js';
import { maakContext, type AppContext } from '../../context.js';
import { schrijfAudit } from '../../audit/repository.js';
import { rapportVan } from '../../rapportage/rapporten.js';
import { maakRapportdiensten } from '../../rapportage/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { maakMailer } from '../../verzending/mailer.js';
import { controleerOntvanger, leesOntvangers, verwijderOntvanger, voegOntvangerToe } from '../../verzending/ontvangers.js';
import { planVerzending, verwerkWachtrij, verzendConcept, type Verzendcontext } from '../../verzending/verzending.js';

const DOOR = 'opdrachtregel';

async function metContext(werk: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await maakContext();
  try {
    await werk(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

/** `vt-monitor ontvangers toevoegen --rapport kwartaal|halfjaar|jaar|factsheet [--gemeente GM0268] <e-mail>` */
export async function ontvangerToevoegenCommand(email: string, opties: { rapport: string; gemeente?: string }): Promise<void> {
  await metContext(async (ctx) => {
    const o = controleerOntvanger(ctx.regio, { email, rapport: opties.rapport, gemeente: opties.gemeente });
    const nieuw = await voegOntvangerToe(ctx.db, o, DOOR);
    if (nieuw) await schrijfAudit(ctx.db, { wie: DOOR, actie: 'ontvanger_toegevoegd', details: o });
    process.stdout.write(`${nieuw ? 'Toegevoegd' : 'Stond er al'}: ${o.email} ontvangt de ${o.rapport === 'factsheet' ? `factsheet van ${ctx.regio.perCode.get(o.gemeente)!.naam}` : `${o.rapport}rapportage`}\n`);
  });
}

export async function ontvangerLijstCommand(opties: { json?: boolean }): Promise<void> {
  await metContext(async (ctx) => {
    const lijst = await leesOntvangers(ctx.db);
    if (opties.json) {
      process.stdout.write(`${JSON.stringify(lijst.map(({ email, rapport, gemeente }) => ({ email, rapport, gemeente: gemeente || null })), null, 2)}\n`);
      return;
    }
    if (lijst.length === 0) process.stdout.write('Nog geen ontvangers.\n');
    for (const o of lijst) process.stdout.write(`${o.rapport.padEnd(10)} ${(o.gemeente ? `${o.gemeente} ${ctx.regio.perCode.get(o.gemeente)?.naam ?? ''}` : '').padEnd(26)} ${o.email}\n`);
  });
}

export async function ontvangerVerwijderCommand(email: string): Promise<void> {
  await metContext(async (ctx) => {
    const aantal = await verwijderOntvanger(ctx.db, email);
    if (aantal === 0) throw ongeldigeInvoer(`Geen ontvanger met e-mailadres ${email}`);
    await schrijfAudit(ctx.db, { wie: DOOR, actie: 'ontvanger_verwijderd', details: { email: email.trim().toLowerCase() } });
    process.stdout.write(`Verwijderd: ${email} (${aantal} ${aantal === 1 ? 'rapportage' : 'rapportages'})\n`);
  });
}

/** `vt-monitor verzend --kwartaal 2026-Q3 | --halfjaar 2026-H1 | --jaar 2025 [--concept]` */
export async function verzendCommand(opties: { kwartaal?: string; halfjaar?: string; jaar?: string; concept?: boolean }): Promise<void> {
  const gekozen = [opties.kwartaal, opties.halfjaar, opties.jaar].filter((x) => x !== undefined);
  if (gekozen.length !== 1) throw ongeldigeInvoer('Kies precies één van --kwartaal, --halfjaar of --jaar');
  const r = rapportVan(gekozen[0]);
  if ((opties.kwartaal && r.soort !== 'kwartaal') || (opties.halfjaar && r.soort !== 'halfjaar') || (opties.jaar && r.soort !== 'jaar')) {
    throw ongeldigeInvoer(`Ongeldige periode voor deze optie: ${gekozen[0]}`);
  }
  await metContext(async (ctx) => {
    const { SMTP_URL, MAIL_AFZENDER } = ctx.env;
    if (!SMTP_URL || !MAIL_AFZENDER) throw ongeldigeInvoer('Verzenden vraagt SMTP_URL en MAIL_AFZENDER in de omgeving');
    const mailer = maakMailer(SMTP_URL, MAIL_AFZENDER);
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env), vandaag: ctx.vandaag });
    const c: Verzendcontext = { rapportdiensten: d, mailer, regioNaam: ctx.regio.naam };
    try {
      let uitslag: { verzonden: number; mislukt: number };
      if (opties.concept) uitslag = await verzendConcept(c, r);
      else {
        const nieuw = await planVerzending(d, r, DOOR);
        uitslag = await verwerkWachtrij(c);
        if (nieuw === 0 && uitslag.verzonden === 0 && uitslag.mislukt === 0) process.stdout.write('Niets te verzenden: elke ontvanger heeft deze rapportage al (of er zijn geen ontvangers).\n');
      }
      await schrijfAudit(ctx.db, { wie: DOOR, actie: 'rapport_verzonden', details: { periode: r.periode, rapport: r.soort, concept: !!opties.concept, ...uitslag } });
      process.stdout.write(`Verzonden: ${uitslag.verzonden}; mislukt: ${uitslag.mislukt}${uitslag.mislukt > 0 && !opties.concept ? ' (wordt later opnieuw geprobeerd; zie /beheer)' : ''}\n`);
      if (uitslag.mislukt > 0) process.exitCode = 1;
    } finally {
      mailer.sluit();
      await d.drukker.sluit();
    }
  });
}
