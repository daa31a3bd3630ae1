import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { demoAccounts, inloggen, sluitSessie, startSessie, wachtwoordWijzigen } from '../../auth/service.js';
import { ROL_NAAM, startpagina } from '../../auth/rollen.js';
import { demoModusAan } from '../../config/env.js';
import type { AppContext } from '../../context.js';
import { AppFout } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { audit, cookieOpties, gebruikerVan, loginCsrfCookie, SESSIE_COOKIE, vereisLogin } from '../auth.js';
import { nieuwLoginToken } from '../../auth/logincsrf-service.js';
import { z } from 'zod';
import { leesBody, leesQuery, tekst } from '../invoer.js';

/** Only a local path: never redirect to another site after login. */
const veiligTerug = (terug: string | undefined) => (terug !== undefined && /^\/(?!\/)[^\s\\]*$/.test(terug) ? terug : null);

/** Where to go after login: a target that is not a local path of sane length is dropped, not refused. */
const terug = tekst(2000).optional().catch(undefined);
const inlogQuery = z.object({ terug });
const inlogForm = z.object({ email: tekst(254).default(''), wachtwoord: tekst(200).default(''), terug });
const wachtwoordForm = z.object({ huidig: tekst(200).default(''), nieuw: tekst(200).default(''), herhaal: tekst(200).default('') });

/** The one answer to every failed login. */
export const INLOG_FOUT =
  'Inloggen is niet gelukt: het e-mailadres of het wachtwoord klopt niet, of het account is ' +
  '(tijdelijk) niet beschikbaar. Na enkele mislukte pogingen moet u steeds langer wachten; neem ' +
  'zo nodig contact op met de beheerder.';

/** Login, logout and the (forced) password change. */
export function authRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  const limiet = rateLimit({
    // successful logins do not count: a shared office address is not locked out by its own users
    windowMs: 15 * 60_000,
    limit: 20,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, res) => {
      res
        .status(429)
        .send(render('fout', { titel: 'Te veel pogingen', melding: 'Te veel inlogpogingen vanaf dit adres. Probeer het over een kwartier opnieuw.' }));
    },
  });

  const toonLogin = async (res: import('express').Response, model: Record<string, unknown> = {}, status = 200) => {
    // the cookie carries a nonce, the form its HMAC: a planted cookie with a token of one's own does not match
    const { nonce, token: loginCsrf } = await nieuwLoginToken(ctx.db);
    res.cookie(loginCsrfCookie(ctx.env), nonce, cookieOpties(ctx.env));
    res.status(status).send(
      render(
        'inloggen',
        {
          titel: 'Inloggen',
          loginCsrf,
          demo: demoModusAan(ctx.env)
            ? demoAccounts(ctx.regio).map((a) => ({ ...a, rol: a.gemeenteNaam ? `${ROL_NAAM[a.rol]} ${a.gemeenteNaam}` : ROL_NAAM[a.rol] }))
            : null,
          ...model,
        },
        res,
      ),
    );
  };

  router.get('/inloggen', async (req, res) => {
    const g = gebruikerVan(res);
    if (g) {
      res.redirect(303, veiligTerug(leesQuery(inlogQuery, req).terug) ?? startpagina(g));
      return;
    }
    await toonLogin(res, { terug: veiligTerug(leesQuery(inlogQuery, req).terug) });
  });

  router.post('/inloggen', limiet, async (req, res) => {
    let body: z.output<typeof inlogForm>;
    try {
      body = leesBody(inlogForm, req);
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      // a form no browser sends (a field too long, twice): said on the login page itself
      await toonLogin(res, { fout: error.melding }, 400);
      return;
    }
    const email = body.email;
    const resultaat = await inloggen(
      ctx.db,
      email,
      body.wachtwoord,
      {
        maxPogingen: ctx.env.LOGIN_MAX_POGINGEN,
        blokkadeMinuten: ctx.env.LOGIN_BLOKKADE_MINUTEN,
      },
      req.ip ?? 'onbekend',
    );
    if (!resultaat.ok) {
      await audit(ctx.db, req, res, 'inloggen_mislukt', { email, reden: resultaat.reden }, email || 'anoniem');
      // one answer for unknown, blocked, locked and wrong: the page gives no account away
      await toonLogin(res, { fout: INLOG_FOUT, email, terug: veiligTerug(body.terug) }, 401);
      return;
    }
    const sessie = await startSessie(ctx.db, resultaat.gebruiker.id, ctx.env.SESSIE_UREN);
    res.cookie(SESSIE_COOKIE, sessie.token, cookieOpties(ctx.env, ctx.env.SESSIE_UREN * 3600_000));
    res.clearCookie(loginCsrfCookie(ctx.env), cookieOpties(ctx.env));
    await audit(ctx.db, req, res, 'inloggen', { rol: resultaat.gebruiker.rol }, resultaat.gebruiker.email);
    res.redirect(303, resultaat.gebruiker.moet_wachtwoord_wijzigen ? '/wachtwoord' : (veiligTerug(body.terug) ?? startpagina(resultaat.gebruiker)));
  });

  router.post('/uitloggen', vereisLogin, async (req, res) => {
    await sluitSessie(ctx.db, res.locals.sessieToken as string);
    await audit(ctx.db, req, res, 'uitloggen');
    res.clearCookie(SESSIE_COOKIE, cookieOpties(ctx.env));
    res.redirect(303, '/inloggen');
  });

  router.get('/wachtwoord', vereisLogin, (_req, res) => {
    res.send(render('wachtwoord', { titel: 'Wachtwoord kiezen', verplicht: gebruikerVan(res)!.moet_wachtwoord_wijzigen }, res));
  });

  router.post('/wachtwoord', vereisLogin, async (req, res) => {
    const g = gebruikerVan(res)!;
    try {
      const body = leesBody(wachtwoordForm, req);
      if (body.nieuw !== body.herhaal) throw new AppFout('ongeldige_invoer', 'De twee nieuwe wachtwoorden zijn niet gelijk.', 400);
      await wachtwoordWijzigen(ctx.db, g.id, body.huidig, body.nieuw);
    } catch (error) {
      if (!(error instanceof AppFout)) throw error;
      res.status(400).send(render('wachtwoord', { titel: 'Wachtwoord kiezen', verplicht: g.moet_wachtwoord_wijzigen, fout: error.melding }, res));
      return;
    }
    await audit(ctx.db, req, res, 'wachtwoord_gewijzigd');
    res.redirect(303, startpagina(g));
  });
  return router;
}
