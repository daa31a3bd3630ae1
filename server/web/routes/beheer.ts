import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { extname } from 'node:path';
import { Router, type Response } from 'express';
import multer from 'multer';
import { leesAuditlog } from '../../audit/service.js';
import { ROL_NAAM, ROLLEN } from '../../auth/rollen.js';
import { formatteerTijdstip } from '../../shared/formaat.js';
import { blokkeer, gebruikerToevoegen, leesGebruikers } from '../../auth/service.js';
import {
  beleidSchema,
  bewaarPrivacybeleid,
  importeerUpload,
  ImportAfgewezen,
  leesKalenderWaarschuwingen,
  leesPrivacybeleid,
  leesVerzendoverzicht,
  MAX_POGINGEN,
  ONTVANGER_RAPPORTEN,
  UPLOAD_SOORTEN,
  verwijderOntvangerVanFormulier,
  voegOntvangerToeVanFormulier,
  type ImportSamenvatting,
} from '../../beheer/service.js';
import type { AppContext } from '../../context.js';
import { leesImportlog, type Importbatch } from '../../importbatches/service.js';
import { beleidTekst, type Beleid } from '../../privacy/onderdrukking.js';
import { formatteerDatum } from '../../shared/formaat.js';
import { maakUploadMap } from '../../shared/uploadmap.js';
import { AppFout, ongeldigeInvoer } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { audit, gebruikerVan, vereis } from '../auth.js';
import { upload } from '../upload.js';
import { z } from 'zod';
import { id, leesBody, leesParams, leesQuery, lijst, optioneel, tekst } from '../invoer.js';

const gebruikerForm = z.object({ email: tekst(254).default(''), rol: tekst(40).default(''), gemeente: lijst(tekst(200), 100) });
const gebruikerParams = z.object({ id });
/** a destructive action asks first: without bevestig=ja the answer is a page with the question */
const bevestigForm = z.object({ bevestig: optioneel(z.literal('ja')).catch(undefined) });
const importForm = z.object({ soort: optioneel(z.enum(UPLOAD_SOORTEN)).default('registraties') });
const auditQuery = z.object({ actie: optioneel(tekst(60)) });
const ontvangerForm = z.object({ email: tekst(254).default(''), rapport: tekst(40).default(''), gemeente: optioneel(tekst(20)) });
const verwijderForm = z.object({ email: tekst(254).default('') });

/** The beheerder: accounts, uploads through the web, the import log, the audit log, the small-numbers policy. */
export function beheerRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.use('/beheer', vereis('beheer'));
  // uploads go to a directory of our own under a name of our own; the user's file name is only shown
  const uploadMap = maakUploadMap();
  const ontvangUpload = upload('/beheer/import', 'bestand', {
    storage: multer.diskStorage({
      destination: uploadMap,
      filename: (_req, file, cb) => cb(null, `${randomBytes(12).toString('hex')}${extname(file.originalname).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv'}`),
    }),
    limits: { fileSize: ctx.env.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 5 },
  });

  const overzicht = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const gebruikers = await leesGebruikers(ctx.db);
    res.status(status).send(
      render(
        'beheer',
        {
          titel: 'Beheer',
          actief: { beheer: true },
          rollen: ROLLEN.map((r) => ({ waarde: r, naam: ROL_NAAM[r] })),
          gemeenten: ctx.regio.gemeenten,
          kalenderWaarschuwingen: await leesKalenderWaarschuwingen(ctx),
          gebruikers: gebruikers.map((g) => ({
            id: g.id,
            email: g.email,
            rol: ROL_NAAM[g.rol],
            gemeenten: g.gemeenten.join(', '),
            geblokkeerd: g.geblokkeerd,
            nieuw: g.moet_wachtwoord_wijzigen,
            laatst: g.laatst_ingelogd_op ? formatteerDatum(g.laatst_ingelogd_op) : 'nooit',
          })),
          ...extra,
        },
        res,
      ),
    );
  };

  router.get('/beheer', async (_req, res) => overzicht(res));

  router.post('/beheer/gebruikers', async (req, res) => {
    try {
      const { email, rol, gemeente: gemeenten } = leesBody(gebruikerForm, req);
      const { wachtwoord } = await gebruikerToevoegen(ctx.db, ctx.regio, { email, rol, gemeenten });
      await audit(ctx.db, req, res, 'gebruiker_toegevoegd', { email, rol, gemeenten });
      await overzicht(res, { nieuwAccount: { email: email.toLowerCase(), wachtwoord } });
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      await overzicht(res, { fout: error.melding }, 400);
    }
  });

  router.post('/beheer/gebruikers/:id/blokkeer', async (req, res) => {
    const { id: gebruikerId } = leesParams(gebruikerParams, req);
    const g = (await leesGebruikers(ctx.db)).find((x) => x.id === gebruikerId);
    if (!g) throw ongeldigeInvoer('Onbekende gebruiker');
    if (g.id === gebruikerVan(res)!.id) throw ongeldigeInvoer('U kunt uw eigen account niet blokkeren.');
    if (leesBody(bevestigForm, req).bevestig !== 'ja') {
      res.send(
        render(
          'bevestig',
          {
            titel: 'Account blokkeren',
            actief: { beheer: true },
            actie: `/beheer/gebruikers/${g.id}/blokkeer`,
            terug: '/beheer',
            knop: `Ja, blokkeer ${g.email}`,
            vraag: `Weet u zeker dat u ${g.email} wilt blokkeren? Deze gebruiker kan dan niet meer inloggen en wordt direct uitgelogd.`,
          },
          res,
        ),
      );
      return;
    }
    await blokkeer(ctx.db, g.email);
    await audit(ctx.db, req, res, 'gebruiker_geblokkeerd', { email: g.email });
    res.redirect(303, '/beheer');
  });

  const importPagina = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const batches = await leesImportlog(ctx.db, 50);
    res.status(status).send(
      render(
        'beheer-import',
        {
          titel: 'Importeren',
          actief: { beheer: true },
          soorten: UPLOAD_SOORTEN,
          maxMb: ctx.env.UPLOAD_MAX_MB,
          batches: batches.map((b) => ({ ...b, gestart: formatteerTijdstip(b.gestart_op), meldingen: batchMeldingen(b) })),
          ...extra,
        },
        res,
      ),
    );
  };

  router.get('/beheer/import', async (_req, res) => importPagina(res));

  router.post('/beheer/import', ...ontvangUpload, async (req, res) => {
    const bestand = req.file;
    try {
      const { soort } = leesBody(importForm, req);
      if (!bestand) throw ongeldigeInvoer('Kies een bestand om te importeren.');
      const naam = bestand.originalname.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120);
      let samenvatting: ImportSamenvatting;
      try {
        samenvatting = await importeerUpload(ctx, { soort, pad: bestand.path, naam, door: gebruikerVan(res)!.email });
      } catch (error) {
        if (!(error instanceof ImportAfgewezen)) throw error;
        await audit(ctx.db, req, res, 'import_afgewezen', {
          soort,
          bestand: naam,
          afgewezen: error.samenvatting.afgewezen,
          ...(error.samenvatting.weigering ? { weigering: zin(error.samenvatting.weigering) } : {}),
        });
        await importPagina(res, { afgewezen: error.samenvatting, fouten: error.samenvatting.fouten.slice(0, 500) }, 400);
        return;
      }
      await audit(ctx.db, req, res, 'import', {
        soort,
        bestand: naam,
        rijen: samenvatting.rijen,
        nieuw: samenvatting.nieuw,
        gewijzigd: samenvatting.gewijzigd,
        waarschuwingen: samenvatting.waarschuwingen.length,
      });
      await importPagina(res, {
        geslaagd: samenvatting,
        waarschuwingen: samenvatting.waarschuwingen,
        kalenderWaarschuwingen: soort === 'registraties' ? await leesKalenderWaarschuwingen(ctx) : [],
      });
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      await importPagina(res, { fout: error.melding }, error.status === 409 ? 409 : 400);
    } finally {
      if (bestand) rmSync(bestand.path, { force: true });
    }
  });

  router.get('/beheer/audit', async (req, res) => {
    const { actie } = leesQuery(auditQuery, req);
    const regels = await leesAuditlog(ctx.db, { actie, limiet: 500 });
    res.send(
      render(
        'beheer-audit',
        {
          titel: 'Auditlog',
          actief: { beheer: true },
          actie,
          regels: regels.map((r) => ({ ...r, tijd: formatteerTijdstip(r.tijdstip) })),
        },
        res,
      ),
    );
  });

  const instellingenPagina = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const beleid = await leesPrivacybeleid(ctx.db);
    res.status(status).send(
      render(
        'beheer-instellingen',
        {
          titel: 'Instellingen',
          actief: { beheer: true },
          beleid,
          tekst: beleidTekst(beleid),
          ...extra,
        },
        res,
      ),
    );
  };
  router.get('/beheer/instellingen', async (_req, res) => instellingenPagina(res));
  router.post('/beheer/instellingen', async (req, res) => {
    let beleid: Beleid;
    try {
      beleid = leesBody(beleidSchema, req);
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      await instellingenPagina(res, { fout: error.melding }, 400);
      return;
    }
    const oud = await bewaarPrivacybeleid(ctx.db, beleid, gebruikerVan(res)!.email);
    await audit(ctx.db, req, res, 'instelling_gewijzigd', { sleutel: 'onderdrukking', oud, nieuw: beleid });
    await instellingenPagina(res, { opgeslagen: true });
  });
  /** Delivery by e-mail: recipients, and every delivery with its SMTP answer (failed ones first). */
  const verzending = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const { ontvangers, log } = await leesVerzendoverzicht(ctx.db);
    const rij = (v: (typeof log)[number]) => ({
      ...v,
      gemeenteNaam: v.gemeente ? (ctx.regio.perCode.get(v.gemeente)?.naam ?? v.gemeente) : '',
      aangemaakt: formatteerTijdstip(v.aangemaakt_op),
      verzonden: v.verzonden_op ? formatteerTijdstip(v.verzonden_op) : '',
      volgende: v.volgende_poging ? formatteerTijdstip(v.volgende_poging) : v.status === 'mislukt' ? `opgegeven na ${MAX_POGINGEN} pogingen` : '',
      hash: v.sha256.slice(0, 12),
    });
    res.status(status).send(
      render(
        'beheer-verzending',
        {
          titel: 'Verzending',
          actief: { beheer: true },
          rapporten: ONTVANGER_RAPPORTEN,
          gemeenten: ctx.regio.gemeenten,
          smtp: Boolean(ctx.env.SMTP_URL && ctx.env.MAIL_AFZENDER),
          automatisch: ctx.env.VERZEND_AUTOMATISCH === 'aan',
          ontvangers: ontvangers.map((o) => ({ ...o, gemeenteNaam: o.gemeente ? (ctx.regio.perCode.get(o.gemeente)?.naam ?? o.gemeente) : '' })),
          mislukt: log.filter((v) => v.status === 'mislukt' || v.status === 'bezig').map(rij),
          log: log.filter((v) => v.status !== 'mislukt' && v.status !== 'bezig').map(rij),
          ...extra,
        },
        res,
      ),
    );
  };

  router.get('/beheer/verzending', async (_req, res) => verzending(res));

  router.post('/beheer/ontvangers', async (req, res) => {
    try {
      const body = leesBody(ontvangerForm, req);
      const o = await voegOntvangerToeVanFormulier(ctx, body, gebruikerVan(res)!.email);
      if (o) await audit(ctx.db, req, res, 'ontvanger_toegevoegd', o);
      res.redirect(303, '/beheer/verzending');
    } catch (error) {
      if (error instanceof AppFout) return verzending(res, { fout: error.melding }, 400);
      throw error;
    }
  });

  router.post('/beheer/ontvangers/verwijder', async (req, res) => {
    const { email } = leesBody(verwijderForm, req);
    if (await verwijderOntvangerVanFormulier(ctx.db, email)) await audit(ctx.db, req, res, 'ontvanger_verwijderd', { email: email.trim().toLowerCase() });
    res.redirect(303, '/beheer/verzending');
  });

  return router;
}

/** A message as a sentence: ends with one full stop, never "export?." */
const zin = (tekst: string) => (/[.?!…]$/.test(tekst.trim()) ? tekst.trim() : `${tekst.trim()}.`);

/** What the import log shows of a batch: its refusal or first errors, and its warnings. */
function batchMeldingen(b: Importbatch): string[] {
  const uit: string[] = [];
  try {
    const fouten = b.fouten_voorbeeld ? (JSON.parse(b.fouten_voorbeeld) as { regel: number; kolom: string; melding: string }[]) : [];
    // regel 0 is the file as a whole (a refused file, an unreadable sheet): no "regel 0" before it
    for (const f of fouten.slice(0, 3)) uit.push(f.regel > 0 ? `regel ${f.regel}${f.kolom ? `, ${f.kolom}` : ''}: ${f.melding}` : f.melding);
    if (fouten.length > 3) uit.push(`… en meer fouten`);
    const waarschuwingen = b.waarschuwingen ? (JSON.parse(b.waarschuwingen) as { melding: string }[]) : [];
    for (const w of waarschuwingen.slice(0, 5)) uit.push(`waarschuwing: ${w.melding}`);
  } catch {
    // an unreadable note is left out, the batch itself still shows
  }
  return uit;
}
