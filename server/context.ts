import pino, { type Logger } from 'pino';
import { vandaagInAmsterdam } from './calendar/dates.js';
import { maakWerkdagkalender, type Werkdagkalender } from './calendar/werkdagen.js';
import { dekkingVan, laadKalender } from './calendar/besluiten.js';
import { leesEnv, metOrganisatie, type Env } from './config/env.js';
import { laadRegio, type Regio } from './config/regio.js';
import { bewaakRegio, gekozenRegioBestand } from './regio/keuze.js';
import { databaseMelding, maakDb, leesDatabaseUrl, type Db } from './db/connection.js';
import { AppFout } from './shared/fouten.js';
import { migreerNaarLaatste } from './db/migrate.js';
import { synchroniseerRegio } from './db/regio-sync.js';
import { herberekenBijNieuweDefinities, herberekenZonderHistogrammen } from './indicatoren/herbereken.js';
import { DEFINITIEVERSIE } from './indicatoren/gebieden.js';
import { laadVerzondenCbs } from './spiegel/service.js';
import { ruimOudeUploadsOp } from './shared/uploadmap.js';

/** Everything a command or the web app needs, wired once (no singletons). */
export interface AppContext {
  env: Env;
  db: Db;
  regio: Regio;
  kalender: Werkdagkalender;
  logger: Logger;
  /** today's date (ISO, Europe/Amsterdam); injectable for tests */
  vandaag: () => string;
}

export async function maakContext(overrides: Partial<Env> & { vandaag?: () => string } = {}): Promise<AppContext> {
  const env = { ...leesEnv(), ...overrides };
  const logger = pino({ level: env.LOG_LEVEL }, pino.destination(2));
  // the upload folders of a server that was killed (or stopped) before: only ours, only of processes that are gone
  const opgeruimd = ruimOudeUploadsOp();
  if (opgeruimd.length > 0) logger.info({ mappen: opgeruimd }, 'achtergebleven uploadmappen verwijderd');
  // REGIO_BESTAND given: read it before anything else (a bad file fails fast); otherwise the
  // region chosen for this database with `regio kies` (docs/regio.md), or the default
  const expliciet = overrides.REGIO_BESTAND ?? process.env.REGIO_BESTAND;
  let regio: Regio | null = expliciet ? laadRegio(env.REGIO_BESTAND) : null;
  const kalenderbestand = laadKalender(env.KALENDER_BESTAND);
  const kalender = maakWerkdagkalender(kalenderbestand.extraFeestdagen, dekkingVan(kalenderbestand.besluiten));
  const waar = leesDatabaseUrl(env.DATABASE_URL);
  const naam = waar.dialect === 'sqlite' ? waar.location : waar.location.replace(/\/\/[^@/]*@/, '//…@');
  let db: Db;
  try {
    db = maakDb(env.DATABASE_URL);
  } catch (error) {
    throw databaseFout(naam, error);
  }
  try {
    await migreerNaarLaatste(db);
  } catch (error) {
    // an open pool would keep the process alive after the error message
    await db.destroy();
    throw databaseFout(naam, error);
  }
  try {
    if (!regio) {
      env.REGIO_BESTAND = (await gekozenRegioBestand(db)) ?? env.REGIO_BESTAND;
      regio = laadRegio(env.REGIO_BESTAND);
    }
    await bewaakRegio(db, regio);
    await synchroniseerRegio(db, regio);
    // CBS figures shipped with this release (config/cbs/veilig-thuis.csv); an imported figure stays
    await laadVerzondenCbs(db);
    if (await herberekenBijNieuweDefinities(db, regio, kalender)) {
      logger.info({ definitieversie: DEFINITIEVERSIE }, 'indicatoren herberekend na een nieuwe versie van de definities, de kalender of het regiobestand');
    } else if (await herberekenZonderHistogrammen(db, regio, kalender)) {
      logger.info('indicatoren herberekend: de verdelingen voor halfjaar- en jaarmedianen ontbraken');
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // the organisation on the cover: ORGANISATIE_NAAM / ORGANISATIE_LOGO over the region file
  return { env, db, regio: metOrganisatie(regio, env), logger, kalender, vandaag: overrides.vandaag ?? (() => vandaagInAmsterdam()) };
}

/** A database that cannot be opened or migrated: one Dutch line (the driver's code in brackets). */
function databaseFout(naam: string, error: unknown): AppFout {
  const e = error as { code?: string; message?: string };
  const code = e.code ?? /^(SQLITE_\w+)/.exec(e.message ?? '')?.[1] ?? 'onbekende oorzaak';
  // a locked, full or damaged database is no wrong path or right: databaseMelding says which it is
  const bijzonder = /^SQLITE_(BUSY|LOCKED|FULL|CORRUPT|NOTADB|IOERR)|^(53100|55P03)$/.test(code) ? databaseMelding(error, naam) : null;
  return new AppFout(
    'intern',
    bijzonder ?? `De database ${naam} kan niet worden geopend of bijgewerkt (${code}); controleer DATABASE_URL, het pad en de rechten`,
    500,
    { code },
  );
}
