import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { schrijfAudit } from '../audit/repository.js';
import { laadRegio, type Regio } from '../config/regio.js';
import { REGIO_MAP } from '../regio/keuze.js';
import type { Db } from '../db/connection.js';
import { voegImportbatchToe, werkImportbatchBij } from '../importbatches/repository.js';
import { batchVanBestand, ImportAfgewezen, legeSamenvatting, type ImportSamenvatting } from '../import/importer.js';
import { schrijfMeta } from '../db/metagegevens.js';
import { leesBeleid } from '../privacy/instellingen.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { leesVerzonden, type CbsCijfer } from './cbs-bestand.js';
import { BEVOLKING } from './maten.js';
import { berekenSpiegel, CbsIndex, spiegelPeriode, vanCbsPeriode, type Spiegel } from './compute.js';
import { leesOdataJson, leesStatlineCsv } from './importer.js';
import { laadVerzondenCijfers, leesSpiegelCijfers, telEigen, vervangCbsCijfers } from './repository.js';

/** At start-up and migrate: the shipped CBS figures that are absent (or changed in this release) are written. */
export async function laadVerzondenCbs(db: Db): Promise<{ nieuw: number; gewijzigd: number }> {
  return laadVerzondenCijfers(db, leesVerzonden());
}

const cbsRegioVan = (regio: Regio) => regio.cbs_vt_regio ?? { code: '', naam: regio.naam };

/** The spiegel periods with CBS figures for Nederland or this region, newest first (`2023`, `2022-H1`, …). */
export async function spiegelPerioden(db: Db, regio: Regio): Promise<string[]> {
  return new CbsIndex(await leesSpiegelCijfers(db)).perioden(cbsRegioVan(regio).code).map(vanCbsPeriode);
}

/**
 * Where CBS gives no population for a VT-region or a gemeente of the year, the region files' CBS
 * figures fill in (each with its own StatLine table): a gemeente of the region its own figure, and
 * every VT-region — this one and each of `andere` (the other region files) — the sum of its
 * gemeenten of that year, only when every one of them has a CBS figure: `inwonersRegioCijfersOp`,
 * the sum `inwonersRegioOp` gives every other per-1.000 figure (inwonersVan). A CBS cell always
 * wins; nothing is estimated: a region without a complete sum has no population.
 */
export function metInwonersVanRegio(cijfers: CbsCijfer[], regio: Regio, jaar: number, andere: Regio[] = []): CbsCijfer[] {
  const periode = `${jaar}JJ00`;
  const heeft = new Set(cijfers.filter((c) => c.maat === BEVOLKING && c.periode === periode && c.waarde !== null).map((c) => c.regio));
  const extra: CbsCijfer[] = [];
  const cel = (code: string, naam: string, waarde: number, tabel: string, bron: string): CbsCijfer => ({
    tabel,
    periode,
    regio: code,
    regio_naam: naam,
    maat: BEVOLKING,
    cbs_maat: 'Bevolking op 1 januari',
    waarde,
    waarde_tekst: new Intl.NumberFormat('nl-NL').format(waarde),
    voorlopig: false,
    bron,
  });
  for (const g of regio.gemeenten) {
    const c = regio.inwonersCijferOp(g.code, jaar);
    if (c && !heeft.has(g.code)) extra.push(cel(g.code, g.naam, c.aantal, c.tabel, c.bron));
  }
  const eigen = regio.cbs_vt_regio?.code;
  for (const r of [regio, ...andere.filter((a) => a.cbs_vt_regio && a.cbs_vt_regio.code !== eigen)]) {
    const vt = r.cbs_vt_regio;
    const bronnen = r.inwonersRegioCijfersOp(jaar);
    if (!vt || bronnen === null || heeft.has(vt.code)) continue;
    heeft.add(vt.code);
    const som = bronnen.reduce((n, b) => n + b.aantal, 0);
    const tabellen = [...new Set(bronnen.map((b) => b.tabel))].join(', ');
    extra.push(cel(vt.code, `${vt.naam} (VT)`, som, `${tabellen} (som van de ${bronnen.length} gemeenten)`, bronnen[0]!.bron));
  }
  return extra.length === 0 ? cijfers : [...cijfers, ...extra];
}

let verzonden: Regio[] | null = null;
/** Every VT-region file shipped in config/regio/ (read once): the populations of the ranking. */
export function verzondenRegios(): Regio[] {
  verzonden ??= readdirSync(REGIO_MAP)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => laadRegio(join(REGIO_MAP, f)));
  return verzonden;
}

/**
 * `npx vt-monitor spiegel --periode 2023|2023-H1`, the page /spiegel and the reports' chapter.
 * Every per-1.000 figure divides by the population on 1 January of one year: the region's
 * bevolkingsjaar of the period's year (the rule of every per-1.000 figure: that year, or before CBS
 * publishes it the latest earlier year), or the period's year when the region has none.
 * `andere`: the VT-regions the rank divides by (default the shipped region files).
 */
export async function spiegelVoorPeriode(db: Db, regio: Regio, periodeTekst: string, andere: Regio[] = verzondenRegios()): Promise<Spiegel> {
  const periode = spiegelPeriode(periodeTekst);
  if (!periode) throw ongeldigeInvoer(`Ongeldige periode "${periodeTekst}": gebruik een jaar (2023) of een halfjaar (2023-H1, 2023-H2)`);
  const [cbs, eigen, beleid] = await Promise.all([leesSpiegelCijfers(db), telEigen(db, regio, periode.van, periode.tot), leesBeleid(db)]);
  const periodeJaar = Number(periode.cbs.slice(0, 4));
  const bevolkingsjaar = regio.bevolkingsjaar(periodeJaar) ?? periodeJaar;
  return berekenSpiegel({
    cijfers: metInwonersVanRegio(cbs, regio, bevolkingsjaar, andere),
    periode,
    cbsRegio: cbsRegioVan(regio),
    eigen,
    grondtal: beleid.grondtal,
    gemeenten: regio.gemeenten.map((g) => ({ code: g.code, naam: g.naam })),
    bevolkingsjaar,
  });
}

/**
 * `importeer --soort cbs`: a StatLine CSV or CBS OData v4 JSON adds or replaces CBS cells. All or
 * nothing: a file with any error loads nothing; every attempt is an import batch and an audit entry.
 */
export async function importeerCbs(
  db: Db,
  regio: Regio,
  bron: { bestand: string; sha256: string; tekst: string },
  opties: { door: string },
): Promise<ImportSamenvatting & { niet_in_spiegel: number }> {
  const json = /^\s*[{[]/.test(bron.tekst.replace(/^\uFEFF/, ''));
  const lees = json ? leesOdataJson : leesStatlineCsv;
  const gelezen = lees(bron.tekst.replace(/^\uFEFF/, ''), bron.bestand, {
    bron: `${json ? 'CBS OData v4' : 'CBS StatLine-download'}: ${bron.bestand} (sha256 ${bron.sha256.slice(0, 12)})`,
    gemeenteCode: (n) => regio.codeVoorNaam(n),
  });
  const s: ImportSamenvatting & { niet_in_spiegel: number } = {
    ...legeSamenvatting([bron.bestand]),
    rijen: gelezen.cijfers.length,
    afgewezen: gelezen.fouten.length > 0 ? Math.max(1, new Set(gelezen.fouten.map((f) => f.regel)).size) : 0,
    fouten: gelezen.fouten,
    // stored, but not a figure the spiegel shows (a measure outside its catalogue)
    niet_in_spiegel: gelezen.cijfers.filter((c) => c.maat === null).length,
  };
  const batch = (status: 'geladen' | 'afgewezen') => batchVanBestand(s, bron, 'cbs', opties.door, status);
  if (gelezen.fouten.length > 0) {
    await voegImportbatchToe(db, batch('afgewezen'));
    await schrijfAudit(db, { wie: opties.door, actie: 'import_afgewezen', details: { soort: 'cbs', bestand: bron.bestand, fouten: s.fouten.length } });
    throw new ImportAfgewezen(s);
  }
  await db.transaction(async (trx) => {
    const id = await voegImportbatchToe(trx, batch('geladen'));
    const t = await vervangCbsCijfers(trx, gelezen.cijfers, id);
    Object.assign(s, t);
    await werkImportbatchBij(trx, id, { nieuw: t.nieuw, gewijzigd: t.gewijzigd, ongewijzigd: t.ongewijzigd });
    await schrijfMeta(trx, 'data_versie', new Date().toISOString());
  });
  await schrijfAudit(db, {
    wie: opties.door,
    actie: 'import',
    details: { soort: 'cbs', tabel: gelezen.tabel, bestand: bron.bestand, nieuw: s.nieuw, gewijzigd: s.gewijzigd, ongewijzigd: s.ongewijzigd },
  });
  s.geladen = true;
  return s;
}

/** The page /spiegel: the chosen period (default the newest with figures), every period for the series. */
export async function spiegelPagina(
  db: Db,
  regio: Regio,
  periodeTekst: string | undefined,
  andere: Regio[] = verzondenRegios(),
): Promise<{ perioden: string[]; spiegel: Spiegel | null; reeks: Spiegel[] }> {
  const perioden = await spiegelPerioden(db, regio);
  const gekozen = periodeTekst ?? perioden[0];
  if (!gekozen) return { perioden, spiegel: null, reeks: [] };
  const reeks = await Promise.all(perioden.map((p) => spiegelVoorPeriode(db, regio, p, andere)));
  const spiegel = reeks[perioden.indexOf(gekozen)] ?? (await spiegelVoorPeriode(db, regio, gekozen, andere));
  return { perioden, spiegel, reeks };
}
