import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bouwGemeentenNederland, gemeentenNederland, normaliseerNaam } from '../../../server/config/gemeenten-nederland.js';
import { alsRegels, genereerGemeenten, leesIndeling, type Opvolgers } from '../../../server/config/genereer-gemeenten.js';
import { projectPath } from '../../../server/config/paths.js';

const nl = gemeentenNederland();
const opvolgers = JSON.parse(readFileSync(projectPath('config', 'cbs', 'herindelingen.json'), 'utf8')) as Opvolgers;

describe('config/cbs-gemeentecodes.json', () => {
  // the number of gemeenten on 1 January as CBS published it (sources in docs/regio.md):
  // 2015 cbs.nl/nl-nl/nieuws/2015/02; 2016, 2017, 2019, 2021, 2022 CBS as quoted in the press;
  // 2018 vng.nl; 2020-2022 StatLine 70072ned 'Gemeenten (aantal)' for Nederland
  it.each([
    [2015, 393],
    [2016, 390],
    [2017, 388],
    [2018, 380],
    [2019, 355],
    [2020, 355],
    [2021, 352],
    [2022, 345],
  ])('1 January %i: %i gemeenten, as CBS counts them', (jaar, aantal) => {
    expect(nl.gemeentenOp(jaar)).toHaveLength(aantal);
  });

  it('2023: 345 less Weesp (24 March 2022) less two for Voorne aan Zee = 342; a year not held is null', () => {
    expect(nl.gemeentenOp(2023)).toHaveLength(342);
    expect(nl.gemeentenOp(2014)).toBeNull();
    expect(nl.gemeentenOp(nl.laatsteJaar + 1)).toBeNull();
  });

  it('every herindeling ends the gemeente on its day and names successors that exist on that day', () => {
    for (const h of nl.bestand.herindelingen) {
      expect(nl.perCode.get(h.code)?.tot, h.naam).toBe(h.per);
      for (const c of h.opgegaanIn ?? []) {
        const opvolger = nl.perCode.get(c)!;
        expect(opvolger.vanaf <= h.per && (opvolger.tot === null || opvolger.tot > h.per), `${h.naam} → ${c}`).toBe(true);
      }
      // a successor is either confirmed with a source or null, never guessed
      expect(h.opgegaanIn === null, h.naam).toBe(h.bron === null);
    }
    const splitsingen = nl.bestand.herindelingen.filter((h) => h.soort === 'splitsing').map((h) => `${h.naam}→${h.opgegaanIn!.length}`);
    expect(splitsingen).toEqual(['Winsum→2', 'Littenseradiel→3', 'Haaren→4', 'Maasdonk→2']);
    expect(nl.bestand.herindelingen.filter((h) => h.opgegaanIn === null).map((h) => h.naam)).toEqual(['Zeevang']);
    expect(nl.bestand.herindelingen.find((h) => h.naam === 'Weesp')).toMatchObject({ per: '2022-03-24', opgegaanIn: ['GM0363'] });
  });

  it('equals what the generator makes of its committed inputs (the gemeenten and config/cbs/herindelingen.json)', () => {
    const herkomst = { invoer: '', sha256: '', oudeCodes: nl.bestand.codes };
    const opnieuw = genereerGemeenten(nl.bestand.gemeenten, opvolgers, herkomst, nl.laatsteJaar);
    expect(opnieuw.gemeenten).toEqual(nl.bestand.gemeenten);
    expect(opnieuw.herindelingen).toEqual(nl.bestand.herindelingen);
    expect(opnieuw.codes).toEqual(nl.bestand.codes);
    expect(alsRegels({ ...opnieuw, toelichting: nl.bestand.toelichting, bron: nl.bestand.bron })).toBe(
      readFileSync(projectPath('config', 'cbs-gemeentecodes.json'), 'utf8'),
    );
  });

  it('the generator refuses a successor it cannot find on that day, and an unreadable indeling', () => {
    const herkomst = { invoer: '', sha256: '', oudeCodes: [] };
    expect(() =>
      genereerGemeenten(nl.bestand.gemeenten, { herindelingen: [{ per: '2019-01-01', van: ['Weesp'], naar: ['Amsterdam'], bron: 'x' }] }, herkomst, 2025),
    ).toThrow('herindelingen.json: Weesp (opgeheven op 2019-01-01) staat 0 keer in de indeling');
    expect(() => leesIndeling('code;naam\n0363;Amsterdam')).toThrow('De indeling heeft niet de kolommen');
    expect(() =>
      leesIndeling('provinciecode;provincienaam;gemeentecode;gemeentenaam;begindatum;einddatum\n27;Noord-Holland;363;Amsterdam;1970-01-01;'),
    ).toThrow('Regel 2 van de indeling is onleesbaar');
  });
});

describe('names: one rule for case, accents and punctuation', () => {
  it.each([
    ['Arnhem', 'GM0202'],
    ['ARNHEM', 'GM0202'],
    ["'s-Hertogenbosch", 'GM0796'],
    ['S HERTOGENBOSCH', 'GM0796'],
    ['Súdwest-Fryslân', 'GM1900'],
    ['sudwest fryslan', 'GM1900'],
    ['Bergen (NH.)', 'GM0373'],
    ['Bergen (L.)', 'GM0893'],
    ['Hengelo', 'GM0164'],
    ['Weesp', 'GM0457'],
    ['Haaren', 'GM0788'],
    ['Haren', 'GM0017'],
    ['Groningen (gemeente)', 'GM0014'],
    ["'s-Gravenhage (gemeente)", 'GM0518'],
    ['Utrecht (gemeente)', 'GM0344'],
  ])('%s → %s', (naam, code) => {
    expect(nl.codeVoorNaam(naam)).toBe(code);
  });

  it('a short name two gemeenten share since 2015 is not guessed; an unknown name is null', () => {
    expect(nl.codeVoorNaam('Bergen')).toBeNull();
    expect(nl.codeVoorNaam('Atlantis')).toBeNull();
    expect(nl.codeVoorNaam('Atlantis (gemeente)')).toBeNull();
    expect(nl.codeVoorNaam('Hengelo (Gld.)')).toBeNull(); // merged before 2015: not the Hengelo of today
    expect(normaliseerNaam('  Nuenen, Gerwen en Nederwetten ')).toBe('nuenen gerwen en nederwetten');
  });

  it('a name two gemeenten carried belongs to the most recent one', () => {
    const twee = bouwGemeentenNederland({
      ...nl.bestand,
      gemeenten: [
        { code: 'GM0001', naam: 'Dorp', provincie: 'P', vanaf: '1970-01-01', tot: '2016-01-01' },
        { code: 'GM0002', naam: 'Dorp', provincie: 'P', vanaf: '2016-01-01', tot: null },
      ],
      herindelingen: [],
    });
    expect(twee.codeVoorNaam('dorp')).toBe('GM0002');
  });
});
