import { Cron } from 'croner';
import { laatsteDag } from '../calendar/kwartaal.js';
import type { AppContext } from '../context.js';
import { normenVan } from '../config/env.js';
import type { Db } from '../db/connection.js';
import { archiefstuk } from '../rapportage/archief-service.js';
import { duidingIsDefinitief, leesDuidingen, leesPeriodenMetDefinitieveVoorlegger } from '../rapportage/duiding-repository.js';
import { sterfBij } from '../shared/sterfpunt.js';
import { periodeVan, rapportVan, type Rapport } from '../rapportage/rapporten.js';
import { maakRapportdiensten } from '../rapportage/service.js';
import { claimIsOver, maakInstantie } from './instantie.js';
import { maakMailer } from './mailer.js';
import { leesVerzendclaim, neemVerzendclaimOver, voegVerzendclaimToe } from './verzendclaims-repository.js';
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

/** How long a period's claim holds before another instance may take it over (a live holder is done in minutes). */
export const CLAIM_MINUTEN = 15;

const plus = (iso: string, minuten: number) => new Date(Date.parse(iso) + minuten * 60_000).toISOString();

/**
 * Claims a task for this instance: a new claim, this instance's own unfinished one, or one whose
 * lease is over (expired, or its holder certainly gone: instantie.ts), taken over by a
 * conditional update. A finished claim is never taken.
 */
async function neemClaim(db: Db, taak: string, instantie: string): Promise<boolean> {
  const nu = new Date().toISOString();
  const bestaand = await leesVerzendclaim(db, taak);
  if (!bestaand) return voegVerzendclaimToe(db, { taak, door: instantie, geclaimd_op: nu, verloopt_op: plus(nu, CLAIM_MINUTEN) });
  if (bestaand.klaar_op) return false;
  if (bestaand.door === instantie) return true;
  if (!claimIsOver(bestaand.verloopt_op, bestaand.door, nu)) return false;
  return neemVerzendclaimOver(db, bestaand, instantie, nu, plus(nu, CLAIM_MINUTEN));
}

/**
 * One round of the automatic delivery (VERZEND_AUTOMATISCH=aan): every closed period whose duiding
 * is definitief is claimed in the database by one instance (`verzendclaims`: a lease that ends
 * when the work is done or the holder is gone), which archives and queues it; then the due
 * deliveries are sent (each claimed by its own conditional update). A kill at any step leaves a
 * claim that is not done: the next round (of a restarted server, or after the lease of another
 * instance) takes it over and repeats the steps, each of which keeps what is already there.
 * Returns the tasks this instance claimed.
 */
export async function automatischeRonde(c: Verzendcontext, instantie: string, vandaag: string, automatisch = true): Promise<string[]> {
  const db = c.rapportdiensten.db;
  const geclaimd: string[] = [];
  let fout: unknown = null;
  if (automatisch) {
    for (const periode of await leesPeriodenMetDefinitieveVoorlegger(db)) {
      const r = rapportOfNull(periode);
      if (!r || laatsteDagVan(r) >= vandaag) continue;
      const taak = `${r.soort}:${r.periode}`;
      const claim = await leesVerzendclaim(db, taak);
      if (claim?.klaar_op) continue;
      if (!(await archiefstuk(db, r.soort, r.periode)) && !duidingIsDefinitief(await leesDuidingen(db, r.periode))) continue;
      if (!(await neemClaim(db, taak, instantie))) continue;
      sterfBij('na_claim');
      geclaimd.push(taak);
      try {
        await planVerzending(c.rapportdiensten, r, `automatisch (${instantie})`, new Date().toISOString(), taak);
      } catch (error) {
        // the claim stays open: the next round tries again; the other periods and the queue go on
        fout ??= error;
      }
    }
  }
  await verwerkWachtrij(c);
  if (fout) throw fout;
  return geclaimd;
}

/**
 * Starts the scheduler in the server process: a round at once (a server restarted after a crash
 * resumes what it left), then every minute (never two at once in one process).
 */
export function startVerzendplanner(ctx: AppContext): (() => void) | null {
  const { SMTP_URL, MAIL_AFZENDER, VERZEND_AUTOMATISCH } = ctx.env;
  if (!SMTP_URL || !MAIL_AFZENDER) return null;
  const instantie = maakInstantie();
  const mailer = maakMailer(SMTP_URL, MAIL_AFZENDER);
  const c: Verzendcontext = {
    rapportdiensten: maakRapportdiensten({ db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env), vandaag: ctx.vandaag }),
    mailer,
    regioNaam: ctx.regio.naam,
    instantie,
  };
  const job = new Cron('* * * * *', { protect: true }, async () => {
    try {
      const taken = await automatischeRonde(c, instantie, ctx.vandaag(), VERZEND_AUTOMATISCH === 'aan');
      if (taken.length > 0) ctx.logger.info({ taken }, 'rapportages automatisch verzonden');
    } catch (error) {
      ctx.logger.error({ err: error }, 'verzendronde mislukt');
    }
  });
  void job.trigger();
  return () => {
    job.stop();
    mailer.sluit();
    void c.rapportdiensten.drukker.sluit();
  };
}
