/**
 * Delivery of the board's reports and the gemeenten's factsheets by e-mail. A delivery is one
 * row per archived PDF × recipient (unique: nothing is queued twice), claimed by a conditional
 * update before it is sent (several app instances may work the queue), logged with the archived
 * PDF's hash and the SMTP server's answer; a refused delivery is retried with back-off and, after
 * the last attempt, left `mislukt` for the beheerder.
 *
 * Crash safety (docs/rapportages.md, "Als de server uitvalt"): every step can be repeated. The
 * archive keeps what is there; queueing keeps what is queued; a delivery is `bezig` under a lease
 * and `verzonden` only after the SMTP server accepted it, so one whose sender died is sent again.
 * The one window left is between the server's acceptance and the update that records it: a kill
 * there sends that one message again, with the same Message-ID.
 */
import { sterfBij } from '../shared/sterfpunt.js';
import { archiefPdf, archiefstuk, archiveer, leesArchief, sha256, kerncijfersJson } from '../rapportage/archief-service.js';
import { duidingIsDefinitief, leesDuidingen } from '../rapportage/duiding-repository.js';
import { rapportNaam, stukBestand, stukNaam, type Rapport, type Stuk } from '../rapportage/rapporten.js';
import { factsheetModellen, rapportModel, rapportPdf, type Rapportdiensten } from '../rapportage/service.js';
import type { Regio } from '../config/regio.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import type { Bericht, Mailer } from './mailer.js';
import { claimIsOver, maakInstantie } from './instantie.js';
import { leesOntvangers } from './ontvangers-repository.js';
import { markeerVerzendclaimKlaar } from './verzendclaims-repository.js';
import {
  claimVerzending,
  leesTeVerzenden,
  markeerConceptVerzonden,
  markeerMislukt,
  markeerVerzonden,
  voegConceptverzendingToe,
  voegVerzendingenToe,
  type Verzending,
} from './verzendingen-repository.js';

export { leesVerzendingen, type Verzending } from './verzendingen-repository.js';

/** Minutes to wait before attempt 2, 3, …; after the last the delivery stays `mislukt`. */
export const TERUGVAL_MINUTEN = [1, 5, 15, 60, 240];
export const MAX_POGINGEN = TERUGVAL_MINUTEN.length + 1;

export interface Verzendcontext {
  rapportdiensten: Rapportdiensten;
  mailer: Mailer;
  regioNaam: string;
  /** who claims deliveries (instantie.ts); one per process when not given */
  instantie?: string;
}

/** How long a claimed delivery stays the sender's: far beyond the mailer's timeouts (mailer.ts). */
export const BEZIG_MINUTEN = 15;
const procesInstantie = maakInstantie();

function berichtTekst(naam: string, regioNaam: string, kerncijfers: { label: string; waarde: string }[], concept: boolean): string {
  return [
    'Beste ontvanger,',
    '',
    `In de bijlage vindt u de ${naam} van Veilig Thuis ${regioNaam}${concept ? ' (CONCEPT: de duiding is nog niet definitief)' : ''}.`,
    '',
    'De belangrijkste cijfers:',
    ...kerncijfers.slice(0, 3).map((k) => `- ${k.label}: ${k.waarde}`),
    '',
    'De toelichting en alle cijfers staan in de PDF.',
    '',
    'Met vriendelijke groet,',
    `Veilig Thuis ${regioNaam}`,
  ].join('\n');
}

/** `factsheet Nijmegen Q3 2026`, `kwartaalrapportage Q3 2026`: the name inside a sentence. */
const naamInZin = (s: Stuk, regio: Regio) => stukNaam(s, regio).replace(/^\w/, (c) => c.toLowerCase());

export const nietDefinitiefMelding = (r: Rapport) =>
  `De duiding van de ${rapportNaam(r).replace(/^\w/, (c) => c.toLowerCase())} is nog niet definitief: ` +
  `er is niets verzonden. Maak de voorlegger en elk geschreven hoofdstuk definitief op /rapportages/${r.periode}, ` +
  `of verstuur een concept met --concept.`;

/**
 * Queues the report (archived first: it must be definitief) for its recipients and, for a
 * quarter, each gemeente's archived factsheet for that gemeente's recipients. Every step can be
 * repeated after a crash: archiving keeps what is archived, queueing what is queued. The queue
 * rows of all recipients and, for the automatic delivery, the end of its claim (`taak`) are
 * written in one transaction: a claim is never done while a recipient is missing.
 */
export async function planVerzending(d: Rapportdiensten, r: Rapport, door: string, nu = new Date().toISOString(), taak?: string): Promise<number> {
  if (!(await archiefstuk(d.db, r.soort, r.periode)) && !duidingIsDefinitief(await leesDuidingen(d.db, r.periode))) {
    throw ongeldigeInvoer(nietDefinitiefMelding(r));
  }
  const stuk = await archiveer(d, r, door);
  sterfBij('na_archief');
  const nieuw = await d.db.transaction(async (trx) => {
    let n = await voegVerzendingenToe(
      trx,
      stuk,
      (await leesOntvangers(trx, { rapport: r.soort, gemeente: '' })).map((o) => o.email),
      nu,
    );
    if (r.soort === 'kwartaal') {
      for (const fs of await leesArchief(trx, { rapport: 'factsheet', periode: r.periode })) {
        n += await voegVerzendingenToe(
          trx,
          fs,
          (await leesOntvangers(trx, { rapport: 'factsheet', gemeente: fs.gemeente })).map((o) => o.email),
          nu,
        );
      }
    }
    if (taak) await markeerVerzendclaimKlaar(trx, taak, nu);
    return n;
  });
  sterfBij('na_wachtrij');
  return nieuw;
}

const plus = (iso: string, minuten: number) => new Date(Date.parse(iso) + minuten * 60_000).toISOString();

/** The Message-ID of a delivery: the same on every attempt, so a message sent again after a crash is recognisably the same. */
export const berichtIdVan = (v: Pick<Verzending, 'id' | 'sha256'>, domein: string) => `<vt-verzending-${v.id}.${v.sha256.slice(0, 16)}@${domein}>`;

/**
 * Sends every due delivery once; each is claimed first, so two instances never send the same one.
 * A delivery left `bezig` by a sender that died (its lease ended, or its process is certainly
 * gone: instantie.ts) is due again; a live sender's is left alone.
 */
export async function verwerkWachtrij(c: Verzendcontext, nu = new Date().toISOString()): Promise<{ verzonden: number; mislukt: number }> {
  const db = c.rapportdiensten.db;
  const instantie = c.instantie ?? procesInstantie;
  const due = (await leesTeVerzenden(db, nu)).filter((v) => v.status !== 'bezig' || claimIsOver(v.bezig_tot, v.bezig_door, new Date().toISOString()));
  let verzonden = 0;
  let mislukt = 0;
  for (const v of due) {
    const berichtId = v.bericht_id ?? berichtIdVan(v, c.mailer.domein ?? 'vt-monitor.invalid');
    if (!(await claimVerzending(db, v, instantie, plus(new Date().toISOString(), BEZIG_MINUTEN), berichtId))) continue;
    sterfBij('na_bezig');
    const gevonden = await archiefPdf(db, v.archief_id!);
    let antwoord: string;
    try {
      if (!gevonden || sha256(gevonden.pdf) !== v.sha256) throw new Error('het gearchiveerde PDF-bestand ontbreekt of is gewijzigd');
      const kern = JSON.parse(gevonden.stuk.kerncijfers ?? '[]') as { label: string; waarde: string }[];
      const naam = naamInZin(v, c.rapportdiensten.regio);
      const bericht: Bericht = {
        aan: v.email,
        onderwerp: `${naam.replace(/^\w/, (x) => x.toUpperCase())} — Veilig Thuis ${c.regioNaam}`,
        tekst: berichtTekst(naam, c.regioNaam, kern, false),
        bijlage: { naam: stukBestand(v, c.rapportdiensten.regio), inhoud: gevonden.pdf },
        berichtId,
      };
      antwoord = await c.mailer(bericht);
    } catch (error) {
      const pogingen = v.pogingen + 1;
      const volgende = pogingen < MAX_POGINGEN ? plus(nu, TERUGVAL_MINUTEN[pogingen - 1]!) : null;
      await markeerMislukt(db, v.id, { pogingen, volgende_poging: volgende, smtp_antwoord: String((error as Error).message ?? error).slice(0, 2000) });
      mislukt++;
      continue;
    }
    // the residual window: accepted by the SMTP server, not yet recorded (docs/rapportages.md)
    sterfBij('na_smtp');
    await markeerVerzonden(db, v.id, { pogingen: v.pogingen + 1, smtp_antwoord: antwoord, verzonden_op: new Date().toISOString() });
    sterfBij('na_verzonden');
    verzonden++;
  }
  return { verzonden, mislukt };
}

/** `--concept`: the live report (and factsheets) now, marked CONCEPT, never archived; logged like every delivery. */
export async function verzendConcept(c: Verzendcontext, r: Rapport): Promise<{ verzonden: number; mislukt: number }> {
  const d = c.rapportdiensten;
  const stukken: { rapport: string; gemeente: string; model: Awaited<ReturnType<typeof rapportModel>>; emails: string[] }[] = [
    {
      rapport: r.soort,
      gemeente: '',
      model: await rapportModel(d, r, { voorDruk: true }),
      emails: (await leesOntvangers(d.db, { rapport: r.soort, gemeente: '' })).map((o) => o.email),
    },
  ];
  if (r.soort === 'kwartaal') {
    for (const { code, model } of await factsheetModellen(d, r.periode)) {
      const emails = (await leesOntvangers(d.db, { rapport: 'factsheet', gemeente: code })).map((o) => o.email);
      if (emails.length > 0) stukken.push({ rapport: 'factsheet', gemeente: code, model, emails });
    }
  }
  let verzonden = 0;
  let mislukt = 0;
  for (const s of stukken) {
    if (s.emails.length === 0) continue;
    const concept = s.rapport !== 'factsheet' && s.model.concept === true;
    const pdf = Buffer.from(await rapportPdf(d, s.model));
    const hash = sha256(pdf);
    const sleutel = { rapport: s.rapport, periode: r.periode, gemeente: s.gemeente };
    const naam = naamInZin(sleutel, d.regio);
    for (const email of s.emails) {
      const id = await voegConceptverzendingToe(d.db, { email, ...sleutel, sha256: hash, aangemaakt_op: new Date().toISOString() });
      try {
        const antwoord = await c.mailer({
          aan: email,
          onderwerp: `${concept ? 'CONCEPT — ' : ''}${naam.replace(/^\w/, (x) => x.toUpperCase())} — Veilig Thuis ${c.regioNaam}`,
          tekst: berichtTekst(naam, c.regioNaam, JSON.parse(kerncijfersJson(s.model)) as { label: string; waarde: string }[], concept),
          bijlage: { naam: stukBestand(sleutel, d.regio), inhoud: pdf },
        });
        await markeerConceptVerzonden(d.db, id, antwoord, new Date().toISOString());
        verzonden++;
      } catch (error) {
        await markeerMislukt(d.db, id, { smtp_antwoord: String((error as Error).message ?? error).slice(0, 2000) });
        mislukt++;
      }
    }
  }
  return { verzonden, mislukt };
}
