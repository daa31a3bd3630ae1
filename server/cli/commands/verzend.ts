import { normenVan } from '../../config/env.js';
import { werkMetContext } from '../met-context.js';
import { schrijfAudit } from '../../audit/repository.js';
import { rapportVan } from '../../rapportage/rapporten.js';
import { maakRapportdiensten } from '../../rapportage/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { maakMailer } from '../../verzending/mailer.js';
import { planVerzending, verwerkWachtrij, verzendConcept, type Verzendcontext } from '../../verzending/verzending.js';

const DOOR = 'opdrachtregel';

/** `vt-monitor verzend --kwartaal 2026-Q3 | --halfjaar 2026-H1 | --jaar 2025 [--concept]` */
export async function verzendCommand(opties: { kwartaal?: string; halfjaar?: string; jaar?: string; concept?: boolean }): Promise<void> {
  const gekozen = [opties.kwartaal, opties.halfjaar, opties.jaar].filter((x) => x !== undefined);
  if (gekozen.length !== 1) throw ongeldigeInvoer('Kies precies één van --kwartaal, --halfjaar of --jaar');
  const r = rapportVan(gekozen[0]);
  if ((opties.kwartaal && r.soort !== 'kwartaal') || (opties.halfjaar && r.soort !== 'halfjaar') || (opties.jaar && r.soort !== 'jaar')) {
    throw ongeldigeInvoer(`Ongeldige periode voor deze optie: ${gekozen[0]}`);
  }
  await werkMetContext(async (ctx) => {
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
        if (nieuw === 0 && uitslag.verzonden === 0 && uitslag.mislukt === 0)
          process.stdout.write('Niets te verzenden: elke ontvanger heeft deze rapportage al (of er zijn geen ontvangers).\n');
      }
      await schrijfAudit(ctx.db, {
        wie: DOOR,
        actie: 'rapport_verzonden',
        details: { periode: r.periode, rapport: r.soort, concept: !!opties.concept, ...uitslag },
      });
      const later = uitslag.mislukt > 0 && !opties.concept ? ' (wordt later opnieuw geprobeerd; zie /beheer)' : '';
      process.stdout.write(`Verzonden: ${uitslag.verzonden}; mislukt: ${uitslag.mislukt}${later}\n`);
      if (uitslag.mislukt > 0) process.exitCode = 1;
    } finally {
      mailer.sluit();
      await d.drukker.sluit();
    }
  });
}
