import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alsRegels } from '../../../server/config/genereer-gemeenten.js';
import { bepaalRegioPerGemeente, genereerRegios, leesInvoer, type CbsInwoners, type VtLidmaatschap } from '../../../server/config/genereer-regios.js';
import { bouwGemeentenNederland, gemeentenNederland, type GemeentenBestand } from '../../../server/config/gemeenten-nederland.js';
import { bepaalLidmaatschap, leesVtVlakken } from '../../../server/config/leid-vt-lidmaatschap-af.js';
import { projectPath } from '../../../server/config/paths.js';
import { bestandsdeel } from '../../../server/shared/tekst.js';
import { bouwRegio, laadRegio } from '../../../server/config/regio.js';
import { BEVOLKING_37259, bouwInwoners, GEBIEDEN_2024, leesBevolking, leesGebieden, leesUittreksels } from '../../../server/config/genereer-inwoners.js';
import { createHash } from 'node:crypto';

const MAP = projectPath('config', 'regio');
const bestanden = readdirSync(MAP)
  .filter((f) => f.endsWith('.json'))
  .sort();
const json = (f: string) => JSON.parse(readFileSync(join(MAP, f), 'utf8')) as Record<string, unknown> & { gemeenten: Record<string, unknown>[] };
const nl = gemeentenNederland();
const lidmaatschap = JSON.parse(readFileSync(projectPath('config', 'cbs', 'vt-lidmaatschap.json'), 'utf8')) as VtLidmaatschap;

describe('the shipped region files (config/regio/)', () => {
  const huidig = nl.gemeentenOp(nl.laatsteJaar)!;

  it(`25 files, one per VT-region of the CBS indeling; each of the ${huidig.length} gemeenten of ${nl.laatsteJaar} in exactly one`, () => {
    expect(bestanden).toHaveLength(25);
    const keer = new Map<string, string[]>();
    for (const f of bestanden) for (const g of json(f).gemeenten) keer.set(String(g.code), [...(keer.get(String(g.code)) ?? []), f]);
    const fout = huidig.filter((g) => keer.get(g.code)?.length !== 1).map((g) => `${g.code} ${g.naam}: ${keer.get(g.code)?.join(', ') ?? 'in geen bestand'}`);
    expect(fout).toEqual([]);
    expect([...keer.keys()].sort()).toEqual(huidig.map((g) => g.code).sort()); // nothing that is not a gemeente of that year
    expect(bestanden.map((f) => (json(f).cbs_vt_regio as { code: string }).code).sort()).toEqual(lidmaatschap.regios.map((r) => r.code).sort());
  });

  it('every gemeente of 1 January of each year since 2019 is in exactly one file (gemeentenPerJaar)', () => {
    for (let jaar = 2019; jaar <= nl.laatsteJaar; jaar++) {
      const codes = bestanden.flatMap((f) => (json(f).gemeentenPerJaar as Record<string, string[]>)[String(jaar)] ?? []);
      expect(codes.sort(), String(jaar)).toEqual(
        nl
          .gemeentenOp(jaar)!
          .map((g) => g.code)
          .sort(),
      );
    }
  });

  it.each(bestanden)('%s loads with laadRegio; its name is its CBS name', (f) => {
    const regio = laadRegio(join(MAP, f));
    expect(f).toBe(`${bestandsdeel(regio.cbs_vt_regio!.naam)}.json`);
    expect(regio.naam).toBe(regio.cbs_vt_regio!.naam);
    expect(regio.gemeenten.length).toBeGreaterThan(0);
    for (const v of regio.voormaligeGemeenten) expect(regio.perCode.has(v.opgegaanIn), v.code).toBe(true);
  });

  it('no inhabitant figure without its CBS table and source; no legacy, estimated or indicative figure left', () => {
    let cijfers = 0;
    const adres: Record<string, string> = { [BEVOLKING_37259.tabel]: BEVOLKING_37259.bron, [GEBIEDEN_2024.tabel]: GEBIEDEN_2024.bron };
    for (const f of bestanden) {
      expect(readFileSync(join(MAP, f), 'utf8'), f).not.toMatch(/schatting|"indicatief":\s*true/);
      for (const g of json(f).gemeenten) {
        for (const [jaar, c] of Object.entries((g.inwonersPerJaar ?? {}) as Record<string, { aantal: number; tabel: string; bron: string }>)) {
          cijfers++;
          expect(adres[c.tabel], `${f} ${String(g.code)} ${jaar}: tabel ${c.tabel}`).toBeDefined();
          expect(c.bron, `${f} ${String(g.code)} ${jaar}`).toBe(adres[c.tabel]);
          expect(new URL(c.bron).hostname, `${f} ${String(g.code)} ${jaar}`).toMatch(/(^|\.)cbs\.nl$/);
          expect(c.tabel === GEBIEDEN_2024.tabel, `${f} ${String(g.code)} ${jaar}`).toBe(jaar === '2024');
        }
        expect(
          Object.keys(g).filter((k) => ['inwoners', 'inwonersBron', 'inwonersPeildatum', 'indicatief'].includes(k)),
          `${f} ${String(g.code)}`,
        ).toEqual([]);
      }
    }
    // every current gemeente has a figure for each year 2019..2024 in which it existed, and none for 2025
    const verwacht = huidig.reduce(
      (n, g) => n + [2019, 2020, 2021, 2022, 2023, 2024].filter((j) => nl.gemeentenOp(j)!.some((x) => x.code === g.code)).length,
      0,
    );
    expect(cijfers).toBe(verwacht);
    expect(cijfers).toBe(2037);
  });

  it('exact figures in the files are those of the committed CBS extracts, and of StatLine', () => {
    const alle = Object.fromEntries(bestanden.map((f) => [f.replace(/\.json$/, ''), laadRegio(join(MAP, f))]));
    // Arnhem on 1 January 2019..2024; 2019–2024 also in StatLine 70072ned (2022: 82.032 men + 81.856 women)
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2025].map((j) => alle['gelderland-midden']!.inwonersOp('GM0202', j))).toEqual([
      159265,
      161348,
      162424,
      163888,
      165770,
      167632,
      null,
    ]);
    expect(alle['kennemerland']!.inwonersCijferOp('GM0392', 2024)).toEqual({
      aantal: 167636,
      peildatum: '2024-01-01',
      tabel: '85755NED',
      bron: GEBIEDEN_2024.bron,
    });
    expect(alle['gelderland-zuid']!.inwonersCijferOp('GM0268', 2019)).toEqual({
      aantal: 176731,
      peildatum: '2019-01-01',
      tabel: '37259eng',
      bron: BEVOLKING_37259.bron,
    });
    // Weesp had a population on 1 January 2022 (it ended on 24 March 2022), but is no gemeente of the file
    expect(alle['amsterdam-amstelland']!.inwonersOp('GM0457', 2022)).toBeNull();
    // against the raw extracts, line by line, for a few gemeenten of different regions
    const { bevolking, gebieden } = leesUittreksels();
    const rijen = leesBevolking(bevolking);
    const gebied = leesGebieden(gebieden);
    for (const code of ['GM0363', 'GM0546', 'GM1945', 'GM0014', 'GM1714']) {
      const regio = Object.values(alle).find((r) => r.perCode.has(code))!;
      for (const r of rijen.filter((x) => x.code === code)) expect(regio.inwonersOp(code, r.jaar), `${code} ${r.jaar}`).toBe(r.op1Januari);
      expect(regio.inwonersOp(code, 2024), code).toBe(gebied.find((g) => g.code === code)!.inwoners);
    }
    expect(rijen.find((r) => r.code === 'GM0363' && r.jaar === 2019)?.op1Januari).toBe(862965);
  });

  it('config/cbs/inwoners.json is exactly what genereer-inwoners.ts makes from the extracts, whose sha256 it records', () => {
    const { bevolking, gebieden } = leesUittreksels();
    const gemaakt = bouwInwoners(bevolking, gebieden, nl.bestand);
    expect(readFileSync(projectPath('config', 'cbs', 'inwoners.json'), 'utf8')).toBe(alsRegels(gemaakt));
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    expect(gemaakt.bronnen.map((b) => [b.tabel, b.sha256])).toEqual([
      ['37259eng', sha(bevolking)],
      ['85755NED', sha(gebieden)],
    ]);
    expect(gemaakt.cijfers).toHaveLength(355 + 355 + 352 + 345 + 342 + 342);
  });

  it('the two CBS tables must agree on 1 January 2024 and list exactly the gemeenten of each year; else nothing is made', () => {
    const { bevolking, gebieden } = leesUittreksels();
    // one figure changed by one inhabitant
    const anders = gebieden.replace('GM0202;Arnhem;VT05;Gelderland-Midden;167632', 'GM0202;Arnhem;VT05;Gelderland-Midden;167633');
    expect(anders).not.toBe(gebieden);
    expect(() => bouwInwoners(bevolking, anders, nl.bestand)).toThrow(/GM0202 Arnhem: 85755NED 167633 op 1 januari 2024, 37259eng 167632 op 31 december 2023/);
    // a gemeente left out of a year, and one that did not exist that year
    const zonderLeiden = bevolking.replace(/^GM0546;2021JJ00;.*\n/m, '');
    expect(() => bouwInwoners(zonderLeiden, gebieden, nl.bestand)).toThrow(/2021: ontbreekt: GM0546/);
    const metHaaren = bevolking.replace('GM0546;2021JJ00;', 'GM0788;2021JJ00;');
    expect(() => bouwInwoners(metHaaren, gebieden, nl.bestand)).toThrow(/2021: geen gemeente op 1 januari: GM0788/);
    expect(() => bouwInwoners(bevolking.replace(/;2023JJ00;(\d+);/, ';2023JJ00;12a;'), gebieden, nl.bestand)).toThrow(/regel \d+: '12a' is geen aantal/);
  });

  it("CBS's own classification (Gebieden in Nederland 2024, 85755NED) puts every gemeente of 2024 in the region of its file", () => {
    const { gebieden } = leesUittreksels();
    const cbs = leesGebieden(gebieden);
    const bestandVan = new Map<string, { code: string; naam: string }>();
    for (const f of bestanden)
      for (const c of (json(f).gemeentenPerJaar as Record<string, string[]>)['2024']!)
        bestandVan.set(c, json(f).cbs_vt_regio as { code: string; naam: string });
    const verschil = cbs
      .filter((g) => bestandVan.get(g.code)?.code !== g.vt || bestandVan.get(g.code)?.naam !== g.vtNaam)
      .map((g) => `${g.code} ${g.naam}: CBS ${g.vt}, bestand ${bestandVan.get(g.code)?.code ?? 'geen'}`);
    expect(verschil).toEqual([]);
    expect(cbs.map((g) => g.code).sort()).toEqual([...bestandVan.keys()].sort());
    // the two gemeenten docs/regio.md doubted: in Midden-Brabant in 2024, by CBS's table and by the polygons
    expect(cbs.filter((g) => ['GM1723', 'GM0744'].includes(g.code)).map((g) => g.vt)).toEqual(['VT15', 'VT15']);
    expect(new Set(cbs.map((g) => g.vt)).size).toBe(25);
  });

  it('a year CBS has not given stays missing: a region has no population for 2025, nor for a year before its merged gemeente existed', () => {
    const hm = laadRegio(join(MAP, 'hollands-midden.json'));
    expect(hm.inwonersRegioOp(2024)).toBe(hm.gemeenten.reduce((n, g) => n + hm.inwonersOp(g.code, 2024)!, 0));
    expect(hm.inwonersRegioOp(2025)).toBeNull();
    expect(hm.inwonersTotaal).toBe(hm.inwonersRegioOp(2024)); // the latest CBS figure of each gemeente
    expect(hm.gemeenten.every((g) => g.inwonersBron === 'CBS 85755NED' && g.inwonersPeildatum === '2024-01-01' && !g.indicatief)).toBe(true);
    // Maashorst began on 1 January 2022 (Uden and Landerd): no figure of its own before ...
    const ob = laadRegio(join(MAP, 'oost-brabant.json'));
    expect([2021, 2022].map((j) => ob.inwonersOp('GM1991', j))).toEqual([null, 58362]);
    // ... but Oost-Brabant's total of 2021 is the sum of its gemeenten of 2021, Uden and Landerd among them
    const { bevolking } = leesUittreksels();
    const van2021 = leesBevolking(bevolking).filter((r) => r.jaar === 2021);
    const codes2021 = ob.gemeentenPerJaar!['2021']!;
    expect(codes2021).toEqual(expect.arrayContaining(['GM0856', 'GM1685']));
    expect(ob.inwonersRegioOp(2021)).toBe(van2021.filter((r) => codes2021.includes(r.code)).reduce((n, r) => n + r.op1Januari, 0));
    expect(ob.inwonersRegioCijfersOp(2021)!.map((c) => c.code)).toEqual(codes2021);
  });

  it('the 25 region totals of each year add up to the Netherlands: every gemeente of that year counted once', () => {
    const regios = bestanden.map((f) => laadRegio(join(MAP, f)));
    const nederland = (jaar: number) => regios.reduce((n, r) => n + r.inwonersRegioOp(jaar)!, 0);
    // 2019–2022: 'Nederland' in StatLine 70072ned (Regionale kerncijfers); 2023 and 2024: the sums of the
    // CBS extracts (70072ned's page showed a provisional 17.947.684 for 2024)
    expect([2019, 2020, 2021, 2022, 2023, 2024].map(nederland)).toEqual([17282163, 17407585, 17475415, 17590672, 17811291, 17942942]);
    expect(regios.every((r) => r.inwonersRegioOp(2025) === null)).toBe(true);
  });

  it('the shipped files are exactly what npm run regio:genereer makes from the committed inputs', () => {
    const invoer = leesInvoer();
    const uit = genereerRegios(invoer.nederland, invoer.lidmaatschap, invoer.inwoners, invoer.bestaand);
    expect(uit.map((r) => `${r.slug}.json`).sort()).toEqual(bestanden);
    for (const r of uit) expect(readFileSync(join(MAP, `${r.slug}.json`), 'utf8'), r.slug).toBe(alsRegels(r.bestand));
  });

  it('Gelderland-Zuid: the same 15 gemeenten and 6 former ones as the hand-made file, its own fields kept', () => {
    const gz = json('gelderland-zuid.json');
    // the hand-made file before the generator (commit ce6216b), in its order
    expect(gz.gemeenten.map((g) => g.code)).toEqual([
      'GM1945',
      'GM0209',
      'GM0214',
      'GM0216',
      'GM0225',
      'GM0252',
      'GM0263',
      'GM1740',
      'GM0268',
      'GM0281',
      'GM1960',
      'GM0668',
      'GM0296',
      'GM0297',
      'GM0944',
    ]);
    expect(Object.fromEntries((gz.voormaligeGemeenten as { code: string; opgegaanIn: string }[]).map((v) => [v.code, v.opgegaanIn]))).toEqual({
      GM0241: 'GM1945',
      GM0265: 'GM1945',
      GM0282: 'GM1945',
      GM0236: 'GM1960',
      GM0733: 'GM1960',
      GM0304: 'GM1960',
    });
    expect(gz).toMatchObject({
      naam: 'Gelderland-Zuid',
      organisatie: 'Veilig Thuis Gelderland-Zuid',
      overige_zorgmelding_vanaf: '2021-04-01',
      cbs_vt_regio: { code: 'VT06', naam: 'Gelderland-Zuid' },
    });
    expect(gz.scenarios).toMatchObject({ gekozen: 'midden', groei: { laag: 2, midden: 5, hoog: 10 } });
    // the hand-made figures (six of them estimates) are replaced by CBS's: Tiel was 42159 'CBS 2021-01-01'
    expect(gz.gemeenten.find((g) => g.code === 'GM0281')).toEqual({ code: 'GM0281', naam: 'Tiel', inwonersPerJaar: expect.any(Object) });
    expect(laadRegio(join(MAP, 'gelderland-zuid.json')).perCode.get('GM0281')).toMatchObject({
      inwoners: 42370,
      inwonersBron: 'CBS 85755NED',
      inwonersPeildatum: '2024-01-01',
      indicatief: false,
    });
    // Groesbeek was renamed Berg en Dal on 1 January 2016 (the hand-made file said 2015)
    expect((gz.herindelingen as { code: string; per: string; soort: string }[]).find((h) => h.code === 'GM0241')).toMatchObject({
      per: '2016-01-01',
      soort: 'naamswijziging',
    });
  });

  it('Haaren (split in 2021 over two regions) is a herindeling of both, a former gemeente of neither', () => {
    const haaren = (f: string) => (json(f).herindelingen as { code: string; opgegaanIn: string[] }[]).find((h) => h.code === 'GM0788');
    expect(haaren('oost-brabant.json')?.opgegaanIn).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    expect(haaren('midden-brabant.json')?.opgegaanIn).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    for (const f of bestanden)
      expect(
        (json(f).voormaligeGemeenten as { code: string }[]).map((v) => v.code),
        f,
      ).not.toContain('GM0788');
  });
});

// A hand-made country: A and B (2015) merge into AB in 2019; C splits in 2021 over D (region 1)
// and E (region 2); F ended on 1 January 2015 into D (no label point of its own).
const LAND: GemeentenBestand = {
  toelichting: '',
  bron: '',
  naamregel: '',
  jaren: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022],
  gemeenten: [
    { code: 'GM9001', naam: 'A', provincie: 'P', vanaf: '1970-01-01', tot: '2019-01-01' },
    { code: 'GM9002', naam: 'B', provincie: 'P', vanaf: '1970-01-01', tot: '2019-01-01' },
    { code: 'GM9003', naam: 'AB', provincie: 'P', vanaf: '2019-01-01', tot: null },
    { code: 'GM9004', naam: 'C', provincie: 'P', vanaf: '1970-01-01', tot: '2021-01-01' },
    { code: 'GM9005', naam: 'D', provincie: 'P', vanaf: '1970-01-01', tot: null },
    { code: 'GM9006', naam: 'E', provincie: 'Q', vanaf: '1970-01-01', tot: null },
    { code: 'GM9007', naam: 'F', provincie: 'P', vanaf: '1970-01-01', tot: '2015-01-01' },
  ],
  herindelingen: [
    { code: 'GM9001', naam: 'A', per: '2019-01-01', opgegaanIn: ['GM9003'], soort: 'samenvoeging', bron: 'b' },
    { code: 'GM9002', naam: 'B', per: '2019-01-01', opgegaanIn: ['GM9003'], soort: 'samenvoeging', bron: 'b' },
    { code: 'GM9004', naam: 'C', per: '2021-01-01', opgegaanIn: ['GM9005', 'GM9006'], soort: 'splitsing', bron: 'b' },
    { code: 'GM9007', naam: 'F', per: '2015-01-01', opgegaanIn: ['GM9005'], soort: 'samenvoeging', bron: 'b' },
  ],
  codes: ['GM9001', 'GM9002', 'GM9003', 'GM9004', 'GM9005', 'GM9006', 'GM9007'],
};
const punten = (vt: Record<string, string | null>): VtLidmaatschap => ({
  indelingsjaar: 2025,
  bronnen: [
    { wat: 'vlakken', herkomst: 'test', sha256: '0'.repeat(64) },
    { wat: 'punten', herkomst: 'test', sha256: '1'.repeat(64) },
  ],
  regios: [
    { code: 'VT01', naam: 'Een' },
    { code: 'VT02', naam: 'Twee-Regio' },
  ],
  gemeenten: Object.entries(vt).map(([code, v]) => ({ code, naam: code, vt: v, randKm: 1 })),
});
const GOED = { GM9001: 'VT01', GM9002: 'VT01', GM9004: 'VT01', GM9005: 'VT01', GM9006: 'VT02' };
const geen: CbsInwoners = { cijfers: [] };

describe('genereerRegios on a hand-made country', () => {
  const [een, twee] = genereerRegios(LAND, punten(GOED), geen, new Map());

  it('merged gemeenten go with their parts, a gemeente without a label point with its successor, a split one where its point lies', () => {
    expect(een!.slug).toBe('een');
    expect(twee!.slug).toBe('twee-regio');
    expect((een!.bestand.gemeenten as { code: string }[]).map((g) => g.code)).toEqual(['GM9003', 'GM9005']);
    expect((twee!.bestand.gemeenten as { code: string }[]).map((g) => g.code)).toEqual(['GM9006']);
    expect(een!.bestand.voormaligeGemeenten).toEqual([
      { code: 'GM9007', naam: 'F', opgegaanIn: 'GM9005', per: '2015-01-01' },
      { code: 'GM9001', naam: 'A', opgegaanIn: 'GM9003', per: '2019-01-01' },
      { code: 'GM9002', naam: 'B', opgegaanIn: 'GM9003', per: '2019-01-01' },
    ]);
    expect(een!.bestand.gemeentenPerJaar).toEqual({
      2019: ['GM9003', 'GM9004', 'GM9005'],
      2020: ['GM9003', 'GM9004', 'GM9005'],
      2021: ['GM9003', 'GM9005'],
      2022: ['GM9003', 'GM9005'],
    });
    // the split: a herindeling of both regions, a former gemeente of neither
    expect((twee!.bestand.herindelingen as { code: string }[]).map((h) => h.code)).toEqual(['GM9004']);
    expect(twee!.bestand.voormaligeGemeenten).toEqual([]);
  });

  it('merger partners in two regions, or a gemeente in none, stop the generator naming each one', () => {
    expect(() => genereerRegios(LAND, punten({ ...GOED, GM9002: 'VT02' }), geen, new Map())).toThrow(/GM9003 AB: in VT01 en VT02/);
    expect(() => bepaalRegioPerGemeente(LAND, punten({ ...GOED, GM9006: null }))).toThrow(/GM9006 E: in geen enkele VT-regio/);
  });

  it('populations only from the CBS figures given, each with its table; a year without one is missing', () => {
    const bron = 'https://opendata.cbs.nl/#/CBS/nl/dataset/03759ned/table';
    const [r] = genereerRegios(LAND, punten(GOED), { cijfers: [{ code: 'GM9003', jaar: 2022, aantal: 5000, tabel: '03759ned', bron }] }, new Map());
    const regio = bouwRegio(r!.bestand, bouwGemeentenNederland(LAND));
    expect(regio.inwonersCijferOp('GM9003', 2022)).toEqual({ aantal: 5000, peildatum: '2022-01-01', tabel: '03759ned', bron });
    expect(regio.inwonersOp('GM9003', 2021)).toBeNull();
    expect(regio.perCode.get('GM9003')).toMatchObject({ inwoners: 5000, inwonersBron: 'CBS 03759ned', inwonersPeildatum: '2022-01-01', indicatief: false });
    expect(regio.perCode.get('GM9005')?.inwoners).toBeNull();
    expect(regio.inwonersRegioOp(2022)).toBeNull(); // D has no figure
    expect(regio.inwonersTotaal).toBeNull();
  });

  it('keeps what it does not make from an existing file: organisation, scenarios, legacy figures, the order of gemeenten', () => {
    const oud = {
      organisatie: 'VT Een',
      overige_zorgmelding_vanaf: '2021-04-01',
      scenarios: { x: 1 },
      gemeenten: [{ code: 'GM9005', inwoners: 7, inwonersBron: 'eigen' }, { code: 'GM9003' }],
    };
    const [r] = genereerRegios(LAND, punten(GOED), geen, new Map([['een', oud]]));
    expect(r!.bestand).toMatchObject({ organisatie: 'VT Een', overige_zorgmelding_vanaf: '2021-04-01', scenarios: { x: 1 } });
    expect(r!.bestand.gemeenten).toEqual([
      { code: 'GM9005', naam: 'D', inwoners: 7, inwonersBron: 'eigen', inwonersPerJaar: {} },
      { code: 'GM9003', naam: 'AB', inwonersPerJaar: {} },
    ]);
  });

  it('a CBS figure replaces the legacy (hand-made) figure of that gemeente; another keeps its own', () => {
    const oud = {
      gemeenten: [
        { code: 'GM9005', inwoners: 7, inwonersBron: 'schatting', inwonersPeildatum: null, indicatief: true },
        { code: 'GM9003', inwoners: 9, inwonersBron: 'eigen' },
      ],
    };
    const bron = 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table';
    const [r] = genereerRegios(
      LAND,
      punten(GOED),
      { cijfers: [{ code: 'GM9005', jaar: 2021, aantal: 6000, tabel: '37259eng', bron }] },
      new Map([['een', oud]]),
    );
    expect(r!.bestand.gemeenten).toEqual([
      { code: 'GM9005', naam: 'D', inwonersPerJaar: { 2021: { aantal: 6000, tabel: '37259eng', bron } } },
      { code: 'GM9003', naam: 'AB', inwoners: 9, inwonersBron: 'eigen', inwonersPerJaar: {} },
    ]);
  });
});

describe('the VT-region polygons (TopoJSON) and the label points', () => {
  // one square region VT01 (0..10) with a hole (4..6), and VT02 (10..20) sharing the edge x = 10
  const topo = (vierkant: number[][]) =>
    JSON.stringify({
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      arcs: [
        [
          [10, 0],
          [0, 10],
        ], // shared edge, upwards
        [
          [10, 10],
          [-10, 0],
          [0, -10],
          [10, 0],
        ], // rest of VT01
        vierkant, // the hole
        [
          [10, 0],
          [10, 0],
          [0, 10],
          [-10, 0],
        ], // rest of VT02, from (10,0) round to (10,10)
      ],
      objects: {
        vt: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1], [2]], properties: { statcode: 'VT01', statnaam: 'Een' } },
            { type: 'Polygon', arcs: [[-1, 3]], properties: { statcode: 'VT02', statnaam: 'Twee' } },
          ],
        },
      },
    });
  const gat = [
    [4, 4],
    [2, 0],
    [0, 2],
    [-2, 0],
    [0, -2],
  ];

  it('a point lies in the region around it, not in its hole; each point in exactly one region or none', () => {
    const vlakken = leesVtVlakken(topo(gat));
    const uit = bepaalLidmaatschap(vlakken, [
      { code: 'GM0001', naam: 'a', punt: [1, 1] },
      { code: 'GM0002', naam: 'b', punt: [5, 5] },
      { code: 'GM0003', naam: 'c', punt: [15, 9] },
      { code: 'GM0004', naam: 'd', punt: [25, 5] },
    ]);
    expect(uit.map((l) => [l.code, l.vt])).toEqual([
      ['GM0001', 'VT01'],
      ['GM0002', null],
      ['GM0003', 'VT02'],
      ['GM0004', null],
    ]);
    expect(uit[0]!.randKm).toBeGreaterThan(0);
  });

  it('a corrupted coordinate (a ring that no longer closes) is refused, not silently drawn', () => {
    expect(() =>
      leesVtVlakken(
        topo([
          [4, 4],
          [2, 0],
          [0, 3],
          [-2, 0],
          [0, -2],
        ]),
      ),
    ).toThrow(/VT01: de ring sluit niet/);
    const kapot = JSON.parse(topo(gat)) as { arcs: number[][][] };
    kapot.arcs[1]![2] = [0, -9];
    expect(() => leesVtVlakken(JSON.stringify(kapot))).toThrow(/de ring sluit niet/);
  });

  it('the committed table: 393 gemeenten of 2015, each in one of the 25 regions', () => {
    expect(lidmaatschap.gemeenten).toHaveLength(393);
    expect(lidmaatschap.gemeenten.filter((g) => g.vt === null)).toEqual([]);
    expect(lidmaatschap.regios).toHaveLength(25);
    expect(lidmaatschap.bronnen.map((b) => b.sha256)).toEqual([
      '581c1cec3e1c8093afedb65b50a5d5de25a991253662f7d6a87f4311791c667e',
      '40506b340c353fb9add336a3e2712c11454347049a15420fd931693c9dcfdb7d',
    ]);
  });
});
