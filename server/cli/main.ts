import { Command, Option } from 'commander';
import { databaseMelding } from '../db/connection.js';
import { AppFout } from '../shared/fouten.js';

/**
 * A command's module is loaded when the command runs: loading all of them (the web app,
 * Chromium, ExcelJS) cost two seconds before any command started.
 */
function lazy<M extends Record<K, (...args: never[]) => Promise<void>>, K extends keyof M & string>(
  laad: () => Promise<M>,
  naam: K,
): (...args: Parameters<M[K]>) => Promise<void> {
  return async (...args) => (await laad())[naam](...args);
}

export function bouwProgramma(): Command {
  const program = new Command('vt-monitor')
    .description('VT Monitor: kwartaalcijfers en beleidsmonitoring voor Veilig Thuis')
    .showHelpAfterError('(gebruik --help voor de opties)');

  program
    .command('start')
    .description('migreert, laadt demodata in een lege database en start de webapplicatie')
    .action(lazy(() => import('./commands/start.js'), 'startCommand'));
  program
    .command('backup')
    .description('maakt een backup van de SQLite-database terwijl de applicatie draait (PostgreSQL: pg_dump)')
    .argument('<pad>', 'het backupbestand')
    .action(lazy(() => import('./commands/backup.js'), 'backupCommand'));
  const regio = program.command('regio').description('de regio van deze database: de meegeleverde regiobestanden, en er een kiezen (docs/regio.md)');
  regio
    .command('lijst')
    .description('toont de regiobestanden in config/regio/; * is de regio van deze database')
    .action(lazy(() => import('./commands/regio.js'), 'regioLijstCommand'));
  regio
    .command('kies')
    .argument('<naam>', 'de naam van het bestand, zoals gelderland-zuid')
    .description('kiest de regio van deze database; geweigerd als de database registraties van een andere regio bevat')
    .action(lazy(() => import('./commands/regio.js'), 'regioKiesCommand'));
  program
    .command('migreer')
    .description('brengt het databaseschema bij (knex-migraties)')
    .action(lazy(() => import('./commands/migreer.js'), 'migreerCommand'));

  program
    .command('importeer')
    .description('importeert registratie-exports (CSV of XLSX)')
    .argument('<bestand...>', 'een of meer exportbestanden')
    .option('--soort <soort>', 'registraties (standaard), financien, formatie of cbs (StatLine-CSV of CBS OData-v4-JSON)', 'registraties')
    .option('--mapping <json>', 'mappingbestand voor kolomnamen en codes van een ander registratiesysteem')
    .option('--accepteer-geldige', 'laad de geldige rijen en schrijf de afgewezen rijen naar <naam>-afgewezen.csv')
    .option('--json', 'druk één samenvatting als JSON af')
    .action(lazy(() => import('./commands/importeer.js'), 'importeerCommand'));

  program
    .command('spiegel')
    .description('de regio naast Nederland (CBS-cijfers) en de eigen registratie van een jaar of halfjaar')
    .requiredOption('--periode <periode>', 'jaar of halfjaar, zoals 2023 of 2023-H1')
    .option('--json', 'als JSON')
    .action(lazy(() => import('./commands/spiegel.js'), 'spiegelCommand'));

  program
    .command('demo')
    .description('genereert realistische demodata voor de regio en importeert die')
    .option('--tot <datum>', 'laatste dag van de data (JJJJ-MM-DD); standaard vandaag')
    .addOption(new Option('--seed <n>', 'startwaarde van de toevalsgenerator').default('42'))
    .addOption(new Option('--schaal <f>', 'vermenigvuldigt de volumes (40 ≈ landelijk)').default('1'))
    .option('--uit <pad>', 'schrijf de gegenereerde export ook als CSV-bestand en importeer dat bestand')
    .option('--alleen-bestand', 'met --uit: schrijf alleen het bestand, importeer niets')
    .option('--json', 'druk de importsamenvatting als JSON af')
    .action(lazy(() => import('./commands/demo.js'), 'demoCommand'));

  program
    .command('herbereken')
    .description('berekent alle indicatoren opnieuw')
    .option('--afleiden', 'bouw eerst de tellingen opnieuw op uit alle registraties (gebeurt ook vanzelf na een wijziging van kalender of regio)')
    .action(lazy(() => import('./commands/herbereken.js'), 'herberekenCommand'));

  program
    .command('indicatoren')
    .description('toont de indicatoren van een kwartaal')
    .requiredOption('--kwartaal <kwartaal>', 'kwartaal, zoals 2019-Q1')
    .option('--gemeente <code>', 'alleen deze gemeente (en de regio)')
    .addOption(new Option('--json', 'als JSON').conflicts('csv'))
    .option('--csv', 'als CSV (;-gescheiden)')
    .action(lazy(() => import('./commands/indicatoren.js'), 'indicatorenCommand'));

  program
    .command('financien')
    .description('toont realisatie, begroting en formatie van een kwartaal')
    .requiredOption('--kwartaal <kwartaal>', 'kwartaal, zoals 2019-Q1')
    .option('--json', 'als JSON (bedragen in euro’s)')
    .action(lazy(() => import('./commands/financien.js'), 'financienCommand'));

  program
    .command('prognose')
    .description(
      "prognose van de instroom van een jaar (seizoenspatroon van eerdere jaren, 80%-interval uit de backtest), fte en scenario's; geen norm of doel",
    )
    .requiredOption('--jaar <jaar>', 'het jaar, zoals 2026')
    .option('--json', 'als JSON')
    .action(lazy(() => import('./commands/prognose.js'), 'prognoseCommand'));

  const gebruiker = program.command('gebruiker').description('accounts: toevoegen, lijst, blokkeer');
  gebruiker
    .command('toevoegen')
    .description('voegt een account toe en drukt een eenmalig wachtwoord af')
    .argument('<e-mail>', 'e-mailadres (de inlognaam)')
    .requiredOption('--rol <rol>', 'beheerder, vt_management, bestuur of gemeente')
    .option(
      '--gemeente <code>',
      'gemeentecode voor de rol gemeente, zoals GM0281; herhaal de optie (of scheid met komma’s) voor meer gemeenten',
      (code: string, eerder: string[]) => [...eerder, code],
      [] as string[],
    )
    .action(lazy(() => import('./commands/gebruiker.js'), 'gebruikerToevoegenCommand'));
  gebruiker
    .command('lijst')
    .description('toont alle accounts')
    .option('--json', 'als JSON')
    .action(lazy(() => import('./commands/gebruiker.js'), 'gebruikerLijstCommand'));
  gebruiker
    .command('blokkeer')
    .description('blokkeert een account en beëindigt zijn sessies')
    .argument('<e-mail>')
    .action(lazy(() => import('./commands/gebruiker.js'), 'gebruikerBlokkeerCommand'));

  program
    .command('rapport')
    .description('maakt de kwartaal-, halfjaar- of jaarrapportage (PDF), of de factsheet van een of alle gemeenten')
    .option('--kwartaal <kwartaal>', 'kwartaal, zoals 2019-Q1')
    .option('--halfjaar <halfjaar>', 'de halfjaarrapportage, zoals 2026-H1')
    .option('--jaar <jaar>', 'de jaarrapportage, zoals 2025')
    .option('--uit <pad>', 'PDF-bestand; met --alle-gemeenten een map (standaard: naam met kwartaal)')
    .option('--gemeente <code>', 'de factsheet van deze gemeente, zoals GM0268')
    .option('--alle-gemeenten', 'een factsheet per gemeente, als losse PDF-bestanden in de map van --uit')
    .action(lazy(() => import('./commands/rapport.js'), 'rapportCommand'));

  const ontvangers = program.command('ontvangers').description('wie de rapportages per e-mail ontvangt: toevoegen, lijst, verwijder');
  ontvangers
    .command('toevoegen')
    .description('voegt een ontvanger toe van een rapportage (een factsheet: van één gemeente)')
    .argument('<e-mail>', 'e-mailadres van de ontvanger')
    .requiredOption('--rapport <soort>', 'kwartaal, halfjaar, jaar of factsheet')
    .option('--gemeente <code>', 'voor factsheets: de gemeente, zoals GM0268')
    .action(lazy(() => import('./commands/ontvangers.js'), 'ontvangerToevoegenCommand'));
  ontvangers
    .command('lijst')
    .description('toont alle ontvangers')
    .option('--json', 'als JSON')
    .action(lazy(() => import('./commands/ontvangers.js'), 'ontvangerLijstCommand'));
  ontvangers
    .command('verwijder')
    .description('verwijdert een ontvanger van alle rapportages')
    .argument('<e-mail>')
    .action(lazy(() => import('./commands/ontvangers.js'), 'ontvangerVerwijderCommand'));

  program
    .command('verzend')
    .description('verstuurt een rapportage aan haar ontvangers, en bij een kwartaal de factsheets aan de ontvangers van elke gemeente')
    .option('--kwartaal <kwartaal>', 'kwartaal, zoals 2026-Q3')
    .option('--halfjaar <halfjaar>', 'halfjaar, zoals 2026-H1')
    .option('--jaar <jaar>', 'jaar, zoals 2025')
    .option('--concept', 'verstuur ook als de duiding nog niet definitief is (gemarkeerd als CONCEPT, niet gearchiveerd)')
    .action(lazy(() => import('./commands/verzend.js'), 'verzendCommand'));

  return program;
}

/**
 * What the CLI prints for an error: the Dutch message of our own errors; a database error as one
 * Dutch sentence (never its SQL: `gebruiker toevoegen` on a full disk printed the statement with
 * the password hash); anything else its message.
 */
export function cliMelding(error: unknown): string {
  if (error instanceof AppFout) return error.melding;
  return databaseMelding(error) ?? (error as Error).message;
}

/**
 * A command prints its own Dutch lines and nothing else: the structured log (JSON on stderr) is
 * for the server, and for a command only when LOG_LEVEL asks for it.
 */
export function stilleLogVoorOpdracht(programma: Command, env: NodeJS.ProcessEnv = process.env): Command {
  return programma.hook('preAction', (_programma, opdracht) => {
    let hoogste = opdracht;
    while (hoogste.parent && hoogste.parent !== programma) hoogste = hoogste.parent;
    if (hoogste.name() !== 'start' && !env.LOG_LEVEL) env.LOG_LEVEL = 'silent';
  });
}

export async function main(argv: string[]): Promise<void> {
  try {
    await stilleLogVoorOpdracht(bouwProgramma()).parseAsync(argv);
  } catch (error) {
    process.stderr.write(`Fout: ${cliMelding(error)}\n`);
    if (!(error instanceof AppFout) && process.env.VT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = process.exitCode || 1;
  }
}
