import { schrijfAudit } from '../../audit/repository.js';
import { lijstGebruikers } from '../../auth/gebruikers-repository.js';
import { ROL_NAAM } from '../../auth/rollen.js';
import { blokkeer, gebruikerToevoegen } from '../../auth/service.js';
import { AppFout, ongeldigeInvoer } from '../../shared/fouten.js';
import { werkMetContext } from '../met-context.js';
import { cliGebruiker } from './importeer.js';

/** The service's rules about gemeenten, in the words of this command's flag. */
const IN_VLAGGEN: Record<string, string> = {
  gemeente_nodig: 'Een gebruiker met rol gemeente heeft minstens één --gemeente nodig',
  gemeente_alleen_bij_rol_gemeente: '--gemeente geldt alleen voor de rol gemeente',
};

/** `gebruiker toevoegen --rol gemeente --gemeente GM0281 <e-mail>`: prints the one-time password once. */
export async function gebruikerToevoegenCommand(email: string, opties: { rol: string; gemeente?: string[] }): Promise<void> {
  await werkMetContext(async (ctx) => {
    const { wachtwoord } = await gebruikerToevoegen(ctx.db, ctx.regio, { email, rol: opties.rol, gemeenten: opties.gemeente ?? [] }).catch((error: unknown) => {
      const regel = error instanceof AppFout ? error.context?.regel : undefined;
      throw typeof regel === 'string' && IN_VLAGGEN[regel] ? ongeldigeInvoer(IN_VLAGGEN[regel], { regel }) : error;
    });
    await schrijfAudit(ctx.db, { wie: cliGebruiker(), actie: 'gebruiker_toegevoegd', details: { email, rol: opties.rol, gemeenten: opties.gemeente ?? [] } });
    process.stderr.write(
      `Gebruiker ${email.toLowerCase()} (${ROL_NAAM[opties.rol as keyof typeof ROL_NAAM]}) toegevoegd. ` +
        `Eenmalig wachtwoord (wordt niet bewaard; bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord):\n`,
    );
    process.stdout.write(`${wachtwoord}\n`);
  });
}

export async function gebruikerLijstCommand(opties: { json?: boolean }): Promise<void> {
  await werkMetContext(async (ctx) => {
    const lijst = (await lijstGebruikers(ctx.db)).map((g) => ({
      email: g.email,
      rol: g.rol,
      gemeenten: g.gemeenten,
      status: g.geblokkeerd ? 'geblokkeerd' : g.moet_wachtwoord_wijzigen ? 'nieuw' : 'actief',
      laatst_ingelogd_op: g.laatst_ingelogd_op,
    }));
    if (opties.json) process.stdout.write(`${JSON.stringify(lijst, null, 2)}\n`);
    else for (const g of lijst) process.stdout.write(`${g.email.padEnd(36)} ${g.rol.padEnd(14)} ${g.gemeenten.join(',').padEnd(14)} ${g.status}\n`);
  });
}

export async function gebruikerBlokkeerCommand(email: string): Promise<void> {
  await werkMetContext(async (ctx) => {
    await blokkeer(ctx.db, email);
    await schrijfAudit(ctx.db, { wie: cliGebruiker(), actie: 'gebruiker_geblokkeerd', details: { email } });
    process.stderr.write(`Gebruiker ${email} geblokkeerd; de sessies zijn beëindigd.\n`);
  });
}
