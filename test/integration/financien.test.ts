import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schrijfMeta } from '../../server/db/metagegevens.js';
import { importeerFinancieel } from '../../server/financien/importer.js';
import { financienVoorKwartaal } from '../../server/financien/service.js';
import { ImportAfgewezen } from '../../server/import/importer.js';
import { leesTabel } from '../../server/import/readers.js';
import { kwartaalrapportageModel, maakRapportdiensten } from '../../server/rapportage/service.js';
import type { RapportTabel } from '../../server/rapportage/model.js';
import { formatteerDuizendEuro } from '../../server/shared/formaat.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';
import { draai, draaiOk } from '../helpers/proces.js';

let ctx: TestContext;
let server: Server;
let base: string;
let sessie: Sessie;

const FIN_Q1_Q2 = [
  'kwartaal;post;realisatie;begroting;begroting_jaar',
  '2019-Q1;subsidie_gemeenten;2.084.000;2.100.000;8.400.000',
  '2019-Q1;personeelskosten;-1.500.000;-1.450.000;-5.800.000',
  '2019-Q1;lasten_vorig_boekjaar;-25.000;;',
  '2019-Q2;subsidie_gemeenten;2.100.000;2.100.000;8.400.000',
  '2019-Q2;personeelskosten;-1.400.000;-1.450.000;-5.800.000',
];

function importeerBestand(naam: string, regels: string[], soort: 'financien' | 'formatie') {
  const pad = join(ctx.dir, naam);
  writeFileSync(pad, `\ufeff${regels.join('\r\n')}\r\n`);
  return importeerFinancieel(ctx.db, soort, { bestand: naam, sha256: '-', rows: leesTabel(pad) }, { door: 'test' });
}

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(ctx, [...Array.from({ length: 9 }, () => melding({ binnenkomst: '2019-02-01' })), melding({ binnenkomst: '2019-05-01' })]);
  ({ server, base } = await startServer(ctx));
  sessie = await sessieAls(ctx, 'bestuur');
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

describe('financien and formatie import', () => {
  it('loads a Dutch CSV; re-importing a quarter replaces it and leaves the others', async () => {
    const eerste = await importeerBestand('fin.csv', FIN_Q1_Q2, 'financien');
    expect(eerste).toMatchObject({ geladen: true, rijen: 5, nieuw: 5, gewijzigd: 0 });
    // a corrected Q1: lasten_vorig_boekjaar dropped, personeelskosten changed
    const tweede = await importeerBestand(
      'fin-q1.csv',
      [FIN_Q1_Q2[0]!, '2019-Q1;subsidie_gemeenten;2084000;2100000;8400000', '2019-Q1;personeelskosten;-1.520.000;-1.450.000;-5.800.000'],
      'financien',
    );
    // subsidie_gemeenten carries the same numbers (written without thousands separators): unchanged
    expect(tweede).toMatchObject({ geladen: true, rijen: 2, nieuw: 0, gewijzigd: 1, ongewijzigd: 1 });
    const q1 = await financienVoorKwartaal(ctx.db, '2019-Q1');
    expect(q1.posten.find((p) => p.post === 'personeelskosten')!.realisatie).toBe(-1_520_000);
    expect(q1.posten.find((p) => p.post === 'lasten_vorig_boekjaar')!.realisatie).toBe(0);
    expect((await financienVoorKwartaal(ctx.db, '2019-Q2')).posten.find((p) => p.post === 'personeelskosten')!.realisatie).toBe(-1_400_000);
    expect(q1.totalen.find((t) => t.totaal === 'resultaat')).toMatchObject({ realisatie: 564_000, begroting: 650_000, verschil: -86_000 });
  });

  it('a file with an error loads nothing and names file, line, column and value', async () => {
    const voor = await ctx.db('financien').select('*').orderBy(['kwartaal', 'post']);
    const fout = importeerBestand(
      'fout.csv',
      [FIN_Q1_Q2[0]!, '2019-Q2;subsidie_gemeenten;9;9;9', '2019-Q2;personeelskosten;-1.400.000,50;;', '2019-Q2;huur;-5;;'],
      'financien',
    );
    await expect(fout).rejects.toBeInstanceOf(ImportAfgewezen);
    const e = (await fout.catch((x: unknown) => x)) as ImportAfgewezen;
    expect(e.samenvatting.fouten).toEqual([
      expect.objectContaining({ bestand: 'fout.csv', regel: 3, kolom: 'realisatie', waarde: '-1.400.000,50' }),
      expect.objectContaining({ bestand: 'fout.csv', regel: 4, kolom: 'post', waarde: 'huur' }),
    ]);
    expect(await ctx.db('financien').select('*').orderBy(['kwartaal', 'post'])).toEqual(voor);
    expect(Number((await ctx.db('importbatches').where({ soort: 'financien', status: 'afgewezen' }).count({ n: '*' }).first())!.n)).toBe(1);
  });

  it('formatie with decimal commas; the CLI importeer --soort formatie and financien --json', async () => {
    const pad = join(ctx.dir, 'formatie.csv');
    writeFileSync(pad, 'maand;fte_personeel;fte_inhuur;status\n2019-01;80,5;9,5;realisatie\n2019-02;81;10;realisatie\n2019-03;82;11;prognose\n');
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' };
    const uit = await draaiOk('node', ['bin/vt-monitor.js', 'importeer', '--soort', 'formatie', '--json', pad], { env });
    expect(JSON.parse(uit)).toMatchObject({ rijen: 3, nieuw: 3 });
    const json = JSON.parse(await draaiOk('node', ['bin/vt-monitor.js', 'financien', '--kwartaal', '2019-Q1', '--json'], { env }));
    expect(json.doorstroom_per_fte.at(-1)).toEqual({
      kwartaal: '2019-Q1',
      fte_gemiddeld: 91.33,
      prognose: true,
      meldingen: 9,
      adviezen: 0,
      meldingen_per_fte: 0.1,
      adviezen_per_fte: 0,
    });
    const fout = await draai('node', ['bin/vt-monitor.js', 'importeer', '--soort', 'begroting', pad], { env });
    expect(fout.status).toBe(1);
    expect(fout.stderr).toContain('--soort moet registraties, financien, formatie of cbs zijn (gekregen: begroting)');
  });

  it('re-importing an identical file reports every row unchanged, in the summary and the batch', async () => {
    const formatie = await importeerBestand(
      'formatie-weer.csv',
      ['maand;fte_personeel;fte_inhuur;status', '2019-01;80,50;9,5;realisatie', '2019-02;81;10;realisatie', '2019-03;82;11;prognose'],
      'formatie',
    );
    expect(formatie).toMatchObject({ geladen: true, rijen: 3, nieuw: 0, gewijzigd: 0, ongewijzigd: 3 });
    // one value of one month differs: that row alone is changed (the status too is a value)
    const anders = await importeerBestand(
      'formatie-anders.csv',
      [
        'maand;fte_personeel;fte_inhuur;status',
        '2019-01;80,5;9,5;realisatie',
        '2019-02;81;10;realisatie',
        '2019-03;82;11;realisatie',
        '2019-04;83;11;prognose',
      ],
      'formatie',
    );
    expect(anders).toMatchObject({ nieuw: 1, gewijzigd: 1, ongewijzigd: 2 });
    const fin = await importeerBestand(
      'fin-weer.csv',
      [FIN_Q1_Q2[0]!, '2019-Q2;subsidie_gemeenten;2.100.000;2.100.000;8.400.000', '2019-Q2;personeelskosten;-1.400.000;-1.450.000;-5.800.000'],
      'financien',
    );
    expect(fin).toMatchObject({ geladen: true, rijen: 2, nieuw: 0, gewijzigd: 0, ongewijzigd: 2 });
    const leeg = await importeerBestand(
      'fin-leeg.csv',
      [FIN_Q1_Q2[0]!, '2019-Q1;lasten_vorig_boekjaar;-25.000;;', '2019-Q1;subsidie_gemeenten;2084000;2100000;'],
      'financien',
    );
    // lasten_vorig_boekjaar was dropped from Q1 before (new); an empty begroting_jaar differs from 8.400.000
    expect(leeg).toMatchObject({ nieuw: 1, gewijzigd: 1, ongewijzigd: 0 });
    const batch = await ctx.db('importbatches').where({ bestand: 'fin-weer.csv' }).first();
    expect(batch).toMatchObject({ status: 'geladen', nieuw: 0, gewijzigd: 0, ongewijzigd: 2 });
    // the quarters were replaced as a whole: restore Q1 as the later tests expect it
    await importeerBestand(
      'fin-q1-terug.csv',
      [FIN_Q1_Q2[0]!, '2019-Q1;subsidie_gemeenten;2084000;2100000;8400000', '2019-Q1;personeelskosten;-1.520.000;-1.450.000;-5.800.000'],
      'financien',
    );
  });
});

describe('financien in the API, the page and the report', () => {
  it('the report chapter shows the same numbers as /api/financien', async () => {
    const api = (await (await sessie.fetch(`${base}/api/financien?kwartaal=2019-Q1`)).json()) as Awaited<ReturnType<typeof financienVoorKwartaal>>;
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
    const model = await kwartaalrapportageModel(d, '2019-Q1');
    const hoofdstuk = model.hoofdstukken.find((h) => h.sectie === 'financien')!;
    const tabel = hoofdstuk.blokken.find((b): b is RapportTabel => b.id === 'tabel-financien')!;
    const cellen = (naam: string) => tabel.rijen.find((r) => r.kop === naam)!.cellen;
    // × € 1.000 in the header, no € in the cell; a negative verschil is a deficit, said in words
    const verwacht = (b: {
      realisatie: number;
      begroting: number | null;
      verschil: number | null;
      begroting_jaar: number | null;
      realisatie_jaar_tot_nu: number;
    }) =>
      [b.realisatie, b.begroting, b.verschil, b.begroting_jaar, b.realisatie_jaar_tot_nu].map(
        (c, i) => `${formatteerDuizendEuro(c)}${i === 2 && c !== null && c < 0 ? ' (tekort)' : ''}`,
      );
    for (const p of api.posten) expect(cellen(p.naam), p.post).toEqual(verwacht(p));
    for (const t of api.totalen) expect(cellen(t.naam), t.totaal).toEqual(verwacht(t));
    expect(tabel.kolommen).toEqual([
      'Post',
      'Realisatie (× € 1.000)',
      'Begroting (× € 1.000)',
      'Verschil (× € 1.000)',
      'Begroting jaar (× € 1.000)',
      'Realisatie jaar t/m kwartaal (× € 1.000)',
    ]);
    expect(hoofdstuk.zinnen[0]).toBe(
      'Het resultaat over het eerste kwartaal van 2019 was € 564.000, € 86.000 slechter dan begroot: een tekort ten opzichte van de begroting.',
    );
    const pagina = await (await sessie.fetch(`${base}/financien?kwartaal=2019-Q1`)).text();
    expect(pagina).toContain('Totaal personeelskosten');
  });

  it('the page: every amount header says × € 1.000, no cell says €, a deficit is marked; downloads in whole euros', async () => {
    const html = await (await sessie.fetch(`${base}/financien?kwartaal=2019-Q1`)).text();
    const tekst = (h: string) =>
      h
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const tabel = /<table class="[^"]*financien-tabel[\s\S]*?<\/table>/.exec(html)![0];
    const koppen = [...tabel.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => tekst(m[1]!));
    expect(koppen).toEqual([
      'Post',
      'Realisatie (× € 1.000)',
      'Begroting (× € 1.000)',
      'Verschil (× € 1.000)',
      'Begroting jaar (× € 1.000)',
      'Realisatie jaar t/m kwartaal (× € 1.000)',
    ]);
    const rijen = Object.fromEntries(
      [...tabel.matchAll(/<tr[^>]*><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [
        tekst(m[1]!),
        [...m[2]!.matchAll(/<td class="([^"]*)">([\s\S]*?)<\/td>/g)].map((c) => `${tekst(c[2]!)}${c[1]!.includes('tekort') ? ' !' : ''}`),
      ]),
    );
    // 2.084.000 against 2.100.000: 16.000 short; personeelskosten 1.520.000 against 1.450.000: 70.000 over
    expect(rijen['Subsidie gemeenten']).toEqual(['2.084', '2.100', '−16 (tekort) !', '8.400', '2.084']);
    expect(rijen['Personeelskosten']).toEqual(['−1.520', '−1.450', '−70 (tekort) !', '−5.800', '−1.520']);
    expect(rijen['Resultaat']).toEqual(['564', '650', '−86 (tekort) !', '2.600', '564']);
    expect(tabel.replace(/<caption[\s\S]*?<\/caption>|<thead[\s\S]*?<\/thead>/g, '')).not.toContain('€');
    expect(tekst(/<p [^>]*data-resultaat>([\s\S]*?)<\/p>/.exec(html)![1]!)).toBe(
      'Het resultaat over het eerste kwartaal van 2019 was € 564.000, € 86.000 slechter dan begroot: een tekort ten opzichte van de begroting.',
    );
    // a quarter better than budgeted: no deficit anywhere
    const q2 = await (await sessie.fetch(`${base}/financien?kwartaal=2019-Q2`)).text();
    expect(tekst(/<p [^>]*data-resultaat>([\s\S]*?)<\/p>/.exec(q2)![1]!)).toBe(
      'Het resultaat over het tweede kwartaal van 2019 was € 700.000, € 50.000 beter dan begroot.',
    );
    const q2tabel = /<table class="[^"]*financien-tabel[\s\S]*?<\/table>/.exec(q2)![0];
    expect(q2tabel).toContain('<td class="getal">50</td>');
    expect(q2tabel).not.toContain('tekort');
    // the downloads: whole euros, the unit in every amount header
    const csv = Buffer.from(await (await sessie.fetch(`${base}/export/financien/begroting.csv?kwartaal=2019-Q1`)).arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(csv[0]).toBe('Post;Realisatie (€);Begroting (€);Verschil (€);Begroting jaar (€);Realisatie jaar t/m kwartaal (€)');
    expect(csv.find((r) => r.startsWith('Resultaat;'))).toBe('Resultaat;564000;650000;-86000;2600000;564000');
  });

  it('a quarter without financial data: the chapter is omitted, with a line saying so', async () => {
    await ctx.db('financien').where({ kwartaal: '2019-Q2' }).delete();
    // a change of the data writes a new data version, as every import does (the page's model is kept per version)
    await schrijfMeta(ctx.db, 'data_versie', new Date().toISOString());
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
    const model = await kwartaalrapportageModel(d, '2019-Q2');
    expect(model.hoofdstukken.map((h) => h.sectie)).not.toContain('financien');
    expect(model.hoofdstukken.find((h) => h.sectie === 'samenvatting')!.zinnen).toContain(
      'Over dit kwartaal zijn geen financiële gegevens geïmporteerd; het hoofdstuk Financiën en formatie vervalt.',
    );
    const leeg = await (await sessie.fetch(`${base}/financien?kwartaal=2019-Q2`)).text();
    expect(leeg).toContain('Voor dit kwartaal zijn geen financiële gegevens geïmporteerd.');
  });
});
