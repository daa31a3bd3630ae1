import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normenVan } from '../../config/env.js';
import { maakContext } from '../../context.js';
import { leesGebied, leesKwartaal } from '../../indicatoren/service.js';
import { leesHalfjaar, leesJaar } from '../../rapportage/periode.js';
import { stukBestand } from '../../rapportage/rapporten.js';
import {
  perioderapportageModel,
  periodeBestandsnaam,
  factsheetModel,
  factsheetModellen,
  kwartaalrapportageModel,
  maakRapportdiensten,
  rapportPdf,
} from '../../rapportage/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { maakVoortgang } from '../voortgang.js';

export interface RapportOpties {
  kwartaal?: string;
  halfjaar?: string;
  jaar?: string;
  uit?: string;
  gemeente?: string;
  alleGemeenten?: boolean;
}

/** `vt-monitor rapport --kwartaal 2019-Q1 [--gemeente GM0268 | --alle-gemeenten] [--uit pad]` */
export async function rapportCommand(opties: RapportOpties): Promise<void> {
  const gekozen = [opties.kwartaal, opties.halfjaar, opties.jaar].filter((x) => x !== undefined).length;
  if (gekozen !== 1) throw ongeldigeInvoer('Kies precies één van --kwartaal, --halfjaar of --jaar');
  if (opties.kwartaal === undefined) return perioderapportCommand(opties);
  const kwartaal = leesKwartaal(opties.kwartaal, '--kwartaal');
  if (opties.gemeente && opties.alleGemeenten) throw ongeldigeInvoer('Kies --gemeente of --alle-gemeenten, niet allebei');
  const ctx = await maakContext();
  const diensten = maakRapportdiensten({
    db: ctx.db,
    regio: ctx.regio,
    vandaag: ctx.vandaag,
    normen: normenVan(ctx.env),
  });
  const start = performance.now();
  try {
    if (opties.alleGemeenten) {
      const map = opties.uit ?? `factsheets-${kwartaal}`;
      mkdirSync(map, { recursive: true });
      const modellen = await factsheetModellen(diensten, kwartaal);
      const voortgang = maakVoortgang('Factsheets', modellen.length, 'gemeenten', 1);
      for (const [i, { code, model }] of modellen.entries()) {
        writeFileSync(join(map, stukBestand({ rapport: 'factsheet', periode: kwartaal, gemeente: code }, ctx.regio)), await rapportPdf(diensten, model));
        voortgang.update(i + 1);
      }
      voortgang.stop();
      process.stderr.write(`${modellen.length} factsheets geschreven in ${map}/\n`);
    } else {
      const gemeente = opties.gemeente ? leesGebied(ctx.regio, opties.gemeente) : undefined;
      if (gemeente && !ctx.regio.perCode.has(gemeente)) throw ongeldigeInvoer('Een factsheet is er voor een gemeente van de regio');
      const model = gemeente ? await factsheetModel(diensten, kwartaal, gemeente) : await kwartaalrapportageModel(diensten, kwartaal, { voorDruk: true });
      const uit = opties.uit ?? stukBestand({ rapport: gemeente ? 'factsheet' : 'kwartaal', periode: kwartaal, gemeente }, ctx.regio);
      writeFileSync(uit, await rapportPdf(diensten, model));
      process.stderr.write(`${gemeente ? 'Factsheet' : 'Kwartaalrapportage'} geschreven: ${uit}\n`);
    }
    ctx.logger.info(
      { kwartaal, gemeente: opties.gemeente, alleGemeenten: !!opties.alleGemeenten, ms: Math.round(performance.now() - start) },
      'rapport gemaakt',
    );
  } finally {
    await diensten.drukker.sluit();
    await ctx.db.destroy();
  }
}

/** `vt-monitor rapport --halfjaar 2026-H1 | --jaar 2025 [--uit pad]` */
async function perioderapportCommand(opties: RapportOpties): Promise<void> {
  const periode = opties.halfjaar !== undefined ? leesHalfjaar(opties.halfjaar) : leesJaar(opties.jaar);
  if (opties.gemeente || opties.alleGemeenten) throw ongeldigeInvoer('Factsheets zijn er per kwartaal: gebruik --kwartaal met --gemeente of --alle-gemeenten');
  const ctx = await maakContext();
  const diensten = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: normenVan(ctx.env) });
  const start = performance.now();
  try {
    const uit = opties.uit ?? periodeBestandsnaam(periode);
    writeFileSync(uit, await rapportPdf(diensten, await perioderapportageModel(diensten, periode, { voorDruk: true })));
    process.stderr.write(`${periode.soort === 'jaar' ? 'Jaarrapportage' : 'Halfjaarrapportage'} geschreven: ${uit}\n`);
    ctx.logger.info({ periode: periode.sleutel, ms: Math.round(performance.now() - start) }, 'rapport gemaakt');
  } finally {
    await diensten.drukker.sluit();
    await ctx.db.destroy();
  }
}
