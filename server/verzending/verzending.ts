/**
 * Delivery of the board's reports and the gemeenten's factsheets by e-mail. A delivery is one
 * row per archived PDF × recipient (unique: nothing is sent twice), claimed by a conditional
 * update before it is sent (several app instances may work the queue), logged with the archived
 * PDF's hash and the SMTP server's answer; a refused delivery is retried with back-off and, after
 * the last attempt, left `mislukt` for the beheerder.
 */
import type { Db } from '../db/connection.js';
import { archiefPdf, archiefstuk, archiveer, leesArchief, sha256, kerncijfersJson, type Archiefstuk } from '../rapportage/archief-service.js';
import { duidingIsDefinitief, leesDuidingen } from '../rapportage/duiding-repository.js';
import { rapportBestand, rapportNaam, type Rapport } from '../rapportage/rapporten.js';
import { factsheetModellen, rapportBestandsnaam, rapportModel, rapportPdf, type Rapportdiensten } from '../rapportage/service.js';
import { kwartaalKort } from '../calendar/kwartaal.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import type { Bericht, Mailer } from './mailer.js';
import { leesOntvangers } from './ontvangers.js';

/** Minutes to wait before attempt 2, 3, …; after the last the delivery stays `mislukt`. */
export const TERUGVAL_MINUTEN = [1, 5, 15, 60, 240];
export const MAX_POGINGEN = TERUGVAL_MINUTEN.length + 1;

export interface Verzending {
  id: number;
  archief_id: number | null;
  email: string;
  rapport: string;
  periode: string;
  gemeente: string;
  sha256: string;
  status: 'wacht' | 'bezig' | 'verzonden' | 'mislukt';
  concept: number;
  pogingen: number;
  volgende_poging: string | null;
  smtp_antwoord: string | null;
  verzonden_op: string | null;
  aangemaakt_op: string;
}

const normaliseer = (v: Verzending): Verzending => ({
  ...v, id: Number(v.id), archief_id: v.archief_id === null ? null : Number(v.archief_id), pogingen: Number(v.pogingen), concept: Number(v.concept),
});

export async function leesVerzendingen(db: Db, filter: { status?: string[]; limiet?: number } = {}): Promise<Verzending[]> {
  let q = db('verzendingen').select('*').orderBy('id', 'desc').limit(filter.limiet ?? 500);
  if (filter.status) q = q.whereIn('status', filter.status);
  return ((await q) as Verzending[]).map(normaliseer);
}

export interface Verzendcontext {
  rapportdiensten: Rapportdiensten;
  mailer: Mailer;
  regioNaam: string;
}

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

const stukNaam = (s: Pick<Archiefstuk, 'rapport' | 'periode' | 'gemeente'>, gemeenteNaam?: string) =>
  s.rapport === 'factsheet' ? `factsheet ${gemeenteNaam ?? s.gemeente} ${kwartaalKort(s.periode)}` : rapportNaam({ soort: s.rapport as Rapport['soort'], periode: s.periode }).replace(/^\w/, (c) => c.toLowerCase());

const bestandVan = (s: Pick<Archiefstuk, 'rapport' | 'periode' | 'gemeente'>) =>
  s.rapport === 'factsheet' ? rapportBestandsnaam(s.periode, s.gemeente) : rapportBestand({ soort: s.rapport as Rapport['soort'], periode: s.periode });

/** Queues one delivery per recipient of an archived PDF; an existing one is kept (nothing twice). */
async function zetKlaar(db: Db, stuk: Archiefstuk, emails: string[], nu: string): Promise<number> {
  let nieuw = 0;
  for (const email of emails) {
    const rijen = await db('verzendingen').insert({
      archief_id: stuk.id, email, rapport: stuk.rapport, periode: stuk.periode, gemeente: stuk.gemeente, sha256: stuk.sha256,
      status: 'wacht', concept: 0, pogingen: 0, volgende_poging: nu, aangemaakt_op: nu,
    }).onConflict(['archief_id', 'email']).ignore().returning('id');
    nieuw += rijen.length;
  }
  return nieuw;
}

export const nietDefinitiefMelding = (r: Rapport) =>
  `De duiding van de ${rapportNaam(r).replace(/^\w/, (c) => c.toLowerCase())} is nog niet definitief: er is niets verzonden. Maak de voorlegger en elk geschreven hoofdstuk definitief op /rapportages/${r.periode}, of verstuur een concept met --concept.`;

/**
 * Queues the report (archived first: it must be definitief) for its recipients and, for a
 * quarter, each gemeente's archived factsheet for that gemeente's recipients.
 */
export async function planVerzending(d: Rapportdiensten, r: Rapport, door: string, nu = new Date().toISOString()): Promise<number> {
  if (!(await archiefstuk(d.db, r.soort, r.periode)) && !duidingIsDefinitief(await leesDuidingen(d.db, r.periode))) {
    throw ongeldigeInvoer(nietDefinitiefMelding(r));
  }
  const stuk = await archiveer(d, r, door);
  let nieuw = await zetKlaar(d.db, stuk, (await leesOntvangers(d.db, { rapport: r.soort, gemeente: '' })).map((o) => o.email), nu);
  if (r.soort === 'kwartaal') {
    for (const fs of await leesArchief(d.db, { rapport: 'factsheet', periode: r.periode })) {
      nieuw += await zetKlaar(d.db, fs, (await leesOntvangers(d.db, { rapport: 'factsheet', gemeente: fs.gemeente })).map((o) => o.email), nu);
    }
  }
  return nieuw;
}

const plus = (iso: string, minuten: number) => new Date(Date.parse(iso) + minuten * 60_000).toISOString();

/** Sends every due delivery once; each is claimed first, so two instances never send the same one. */
export async function verwerkWachtrij(c: Verzendcontext, nu = new Date().toISOString()): Promise<{ verzonden: number; mislukt: number }> {
  const db = c.rapportdiensten.db;
  const due = ((await db('verzendingen').select('*').whereIn('status', ['wacht', 'mislukt']).whereNotNull('volgende_poging')
    .where('volgende_poging', '<=', nu).where({ concept: 0 }).orderBy('id')) as Verzending[]).map(normaliseer);
  let verzonden = 0;
  let mislukt = 0;
  for (const v of due) {
    const geclaimd = await db('verzendingen').where({ id: v.id, status: v.status, pogingen: v.pogingen }).update({ status: 'bezig' });
    if (geclaimd !== 1) continue;
    const gevonden = await archiefPdf(db, v.archief_id!);
    const gemeenteNaam = c.rapportdiensten.regio.perCode.get(v.gemeente)?.naam;
    try {
      if (!gevonden || sha256(gevonden.pdf) !== v.sha256) throw new Error('het gearchiveerde PDF-bestand ontbreekt of is gewijzigd');
      const kern = JSON.parse(gevonden.stuk.kerncijfers ?? '[]') as { label: string; waarde: string }[];
      const naam = stukNaam(v, gemeenteNaam);
      const bericht: Bericht = {
        aan: v.email,
        onderwerp: `${naam.replace(/^\w/, (x) => x.toUpperCase())} — Veilig Thuis ${c.regioNaam}`,
        tekst: berichtTekst(naam, c.regioNaam, kern, false),
        bijlage: { naam: bestandVan(v), inhoud: gevonden.pdf },
      };
      const antwoord = await c.mailer(bericht);
      await db('verzendingen').where({ id: v.id }).update({ status: 'verzonden', pogingen: v.pogingen + 1, smtp_antwoord: antwoord, verzonden_op: new Date().toISOString(), volgende_poging: null });
      verzonden++;
    } catch (error) {
      const pogingen = v.pogingen + 1;
      const volgende = pogingen < MAX_POGINGEN ? plus(nu, TERUGVAL_MINUTEN[pogingen - 1]!) : null;
      await db('verzendingen').where({ id: v.id }).update({ status: 'mislukt', pogingen, volgende_poging: volgende, smtp_antwoord: String((error as Error).message ?? error).slice(0, 2000) });
      mislukt++;
    }
  }
  return { verzonden, mislukt };
}

/** `--concept`: the live report (and factsheets) now, marked CONCEPT, never archived; logged like every delivery. */
export async function verzendConcept(c: Verzendcontext, r: Rapport): Promise<{ verzonden: number; mislukt: number }> {
  const d = c.rapportdiensten;
  const stukken: { rapport: string; gemeente: string; model: Awaited<ReturnType<typeof rapportModel>>; emails: string[] }[] = [
    { rapport: r.soort, gemeente: '', model: await rapportModel(d, r), emails: (await leesOntvangers(d.db, { rapport: r.soort, gemeente: '' })).map((o) => o.email) },
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
    const naam = stukNaam(sleutel, d.regio.perCode.get(s.gemeente)?.naam);
    for (const email of s.emails) {
      const nu = new Date().toISOString();
      const [rij] = await d.db('verzendingen').insert({ archief_id: null, email, ...sleutel, sha256: hash, status: 'bezig', concept: 1, pogingen: 1, aangemaakt_op: nu }).returning('id');
      const id = typeof rij === 'object' ? (rij as { id: number }).id : rij;
      try {
        const antwoord = await c.mailer({
          aan: email, onderwerp: `${concept ? 'CONCEPT — ' : ''}${naam.replace(/^\w/, (x) => x.toUpperCase())} — Veilig Thuis ${c.regioNaam}`,
          tekst: berichtTekst(naam, c.regioNaam, JSON.parse(kerncijfersJson(s.model)) as { label: string; waarde: string }[], concept),
          bijlage: { naam: bestandVan(sleutel), inhoud: pdf },
        });
        await d.db('verzendingen').where({ id }).update({ status: 'verzonden', smtp_antwoord: antwoord, verzonden_op: new Date().toISOString() });
        verzonden++;
      } catch (error) {
        await d.db('verzendingen').where({ id }).update({ status: 'mislukt', smtp_antwoord: String((error as Error).message ?? error).slice(0, 2000) });
        mislukt++;
      }
    }
  }
  return { verzonden, mislukt };
}
