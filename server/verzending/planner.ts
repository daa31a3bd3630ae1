import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import { laatsteDag } from '../calendar/kwartaal.js';
import type { AppContext } from '../context.js';
import { normenVan } from '../config/env.js';
import { duidingIsDefinitief, leesDuidingen } from '../rapportage/duiding-repository.js';
import { periodeVan, rapportVan, type Rapport } from '../rapportage/rapporten.js';
import { maakRapportdiensten } from '../rapportage/service.js';
import { maakMailer } from './mailer.js';
import { planVerzending, verwerkWachtrij, type Verzendcontext } from './verzending.js';

/** The last day of a report's period. */
export function laatsteDagVan(r: Rapport): string {
  return r.soort === 'kwartaal' ? laatsteDag(r.periode) : laatsteDag(periodeVan(r).kwartalen.at(-1)!);
}

function rapportOfNull(periode: string): Rapport | null {
  try {
    return rapportVan(periode);
  } catch {
    return null;
  }
}

/**
 * One round of the automatic delivery (VERZEND_AUTOMATISCH=aan): every closed period whose duiding
 * is definitief is claimed in the database by one instance (`verzendclaims`, primary key: the
 * first insert wins), which archives and queues it; then the due deliveries are sent (each claimed
 * by its own conditional update). Returns the tasks this instance claimed.
 */
export async function automatischeRonde(c: Verzendcontext, instantie: string, vandaag: string, automatisch = true): Promise<string[]> {
  const db = c.rapportdiensten.db;
  const geclaimd: string[] = [];
  if (automatisch) {
    const perioden = (await db('duidingen').distinct('kwartaal').where({ sectie: 'voorlegger', status: 'definitief' })) as { kwartaal: string }[];
    for (const { kwartaal: periode } of perioden) {
      const r = rapportOfNull(periode);
      if (!r || laatsteDagVan(r) >= vandaag) continue;
      const taak = `${r.soort}:${r.periode}`;
      if (await db('verzendclaims').where({ taak }).first()) continue;
      if (!duidingIsDefinitief(await leesDuidingen(db, r.periode))) continue;
      await db('verzendclaims').insert({ taak, door: instantie, geclaimd_op: new Date().toISOString() }).onConflict('taak').ignore();
      const claim = (await db('verzendclaims').where({ taak }).first()) as { door: string } | undefined;
      if (claim?.door !== instantie) continue;
      geclaimd.push(taak);
      await planVerzending(c.rapportdiensten, r, `automatisch (${instantie})`);
    }
  }
  await verwerkWachtrij(c);
  return geclaimd;
}

/** Starts the scheduler in the server process: a round every minute (never two at once in one process). */
export function startVerzendplanner(ctx: AppContext): (() => void) | null {
  const { SMTP_URL, MAIL_AFZENDER, VERZEND_AUTOMATISCH } = ctx.env;
  if (!SMTP_URL || !MAIL_AFZENDER) return null;
  const instantie = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const mailer = maakMailer(SMTP_URL, MAIL_AFZENDER);
  const c: Verzendcontext = { rapportdiensten: maakRapportdiensten({ db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env), vandaag: ctx.vandaag }), mailer, regioNaam: ctx.regio.naam };
  const job = new Cron('* * * * *', { protect: true }, async () => {
    try {
      const taken = await automatischeRonde(c, instantie, ctx.vandaag(), VERZEND_AUTOMATISCH === 'aan');
      if (taken.length > 0) ctx.logger.info({ taken }, 'rapportages automatisch verzonden');
    } catch (error) {
      ctx.logger.error({ err: error }, 'verzendronde mislukt');
    }
  });
  return () => {
    job.stop();
    mailer.sluit();
    void c.rapportdiensten.drukker.sluit();
  };
}
