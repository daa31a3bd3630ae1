import { maakContext } from '../../context.js';
import { bouwAllesOpnieuw, herberekenIndicatoren } from '../../indicatoren/herbereken.js';
import { kalenderWaarschuwingenVoorData } from '../../indicatoren/kalenderdekking.js';
import { telRegistraties } from '../../registraties/repository.js';
import { maakVoortgang } from '../voortgang.js';

export async function herberekenCommand(opties: { afleiden?: boolean }): Promise<void> {
  const ctx = await maakContext();
  try {
    const start = Date.now();
    let resultaat;
    if (opties.afleiden) {
      // counts and figures in one transaction (see bouwAllesOpnieuw)
      const balk = maakVoortgang('afleiden', await telRegistraties(ctx.db), 'registraties', 100_000);
      resultaat = await bouwAllesOpnieuw(ctx.db, ctx.regio, ctx.kalender, (klaar) => balk.update(klaar));
      balk.stop();
    } else resultaat = await ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null));
    const duur = ((Date.now() - start) / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    process.stdout.write(
      resultaat.bereik
        ? `Indicatoren herberekend voor ${resultaat.kwartalen.length} kwartalen (${resultaat.bereik.van} t/m ${resultaat.bereik.tot}) in ${duur} s.\n`
        : 'Er zijn geen registraties; alle indicatoren zijn verwijderd.\n',
    );
    for (const w of await kalenderWaarschuwingenVoorData(ctx.db, ctx.kalender)) process.stderr.write(`${w}\n`);
  } finally {
    await ctx.db.destroy();
  }
}
