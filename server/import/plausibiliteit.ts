import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { telKwartalenOp, type Kwartaal } from '../calendar/kwartaal.js';
import { projectPath } from '../config/paths.js';
import { BUITEN_REGIO, type Regio } from '../config/regio.js';
import { telBinnenkomst } from '../registraties/tellingen-repository.js';

/** A plausibility warning: the file loads, but someone should look at this. */
export interface Waarschuwing {
  bestand: string;
  soort: 'kwartaal_sprong' | 'onbekende_gemeentecode' | 'formule_id' | 'tellingen_herbouwd' | 'id_genormaliseerd' | 'datum_volgorde' | 'gemeente_tegenstrijdig';
  melding: string;
}

/** More than this many times the mean of the four quarters before is a jump worth a look. */
export const SPRONG_FACTOR = 3;
const VOORBEELDEN = 5;
/** Unknown codes named one by one; the rest in one warning. */
const MAX_CODES = 10;

let cbsCodes: Set<string> | null = null;
/** Every CBS gemeentecode known to have been used (config/cbs-gemeentecodes.json, with its source). */
export function bekendeCbsCodes(): Set<string> {
  cbsCodes ??= new Set((JSON.parse(readFileSync(projectPath('config', 'cbs-gemeentecodes.json'), 'utf8')) as { codes: string[] }).codes);
  return cbsCodes;
}

/** An id a spreadsheet would run as a formula (CSV injection): `=`, `+`, `-` or `@` first. */
export const lijktFormule = (id: string) => /^[=+\-@]/.test(id);

const nl = new Intl.NumberFormat('nl-NL');
const lijst = (items: string[], totaal: number) => `${items.join(', ')}${totaal > items.length ? ` en nog ${nl.format(totaal - items.length)}` : ''}`;

/** Collects, per file, what the warnings need from its accepted rows. */
export class Plausibiliteit {
  private readonly perGemeenteKwartaal = new Map<string, number>();
  private readonly onbekend = new Map<string, number[]>();
  private readonly formules: string[] = [];
  private formuleAantal = 0;
  private readonly volgorde = new Map<string, { aantal: number; voorbeelden: string[] }>();
  private readonly tegenstrijdig = new Map<string, { aantal: number; regels: number[] }>();
  private readonly genormaliseerd: string[] = [];
  private genormaliseerdAantal = 0;

  constructor(
    private readonly bestand: string,
    private readonly regio: Regio,
  ) {}

  rij(id: string, gemeenteCode: string | null, sleutel: string, kwartaal: Kwartaal, regel: number): void {
    if (this.regio.gemeenten.some((g) => g.code === sleutel)) {
      const k = `${sleutel}|${kwartaal}`;
      this.perGemeenteKwartaal.set(k, (this.perGemeenteKwartaal.get(k) ?? 0) + 1);
    }
    if (sleutel === BUITEN_REGIO && gemeenteCode !== null && !bekendeCbsCodes().has(gemeenteCode)) {
      const regels = this.onbekend.get(gemeenteCode) ?? [];
      if (regels.length < VOORBEELDEN) regels.push(regel);
      this.onbekend.set(gemeenteCode, regels);
    }
    if (lijktFormule(id)) {
      this.formuleAantal++;
      if (this.formules.length < VOORBEELDEN) this.formules.push(`regel ${regel} (${JSON.stringify(id.slice(0, 30))})`);
    }
  }

  /** A registratie_id loaded in its normal form (invisible characters removed, NFKC): the line and both forms. */
  idGenormaliseerd(regel: number, origineel: string, id: string): void {
    this.genormaliseerdAantal++;
    if (this.genormaliseerd.length < VOORBEELDEN)
      this.genormaliseerd.push(`regel ${regel} (${JSON.stringify(origineel.slice(0, 40))} werd ${JSON.stringify(id)})`);
  }

  /** A pair of dates in the wrong order that loads with a warning (validate-row VOLGORDE_WAARSCHUWING). */
  datumVolgorde(regel: number, afwijkingen: readonly { eerder: string; later: string; van: string; tot: string }[]): void {
    for (const a of afwijkingen) {
      const k = `${a.later}|${a.eerder}`;
      const v = this.volgorde.get(k) ?? { aantal: 0, voorbeelden: [] };
      v.aantal++;
      if (v.voorbeelden.length < VOORBEELDEN) v.voorbeelden.push(`regel ${regel} (${a.tot} vóór ${a.van})`);
      this.volgorde.set(k, v);
    }
  }

  /** gemeente_code and gemeente name different gemeenten: the code is counted. */
  gemeenteTegenstrijdig(regel: number, code: string, naam: string, codeVanNaam: string): void {
    const k = `${code}|${naam}|${codeVanNaam}`;
    const v = this.tegenstrijdig.get(k) ?? { aantal: 0, regels: [] };
    v.aantal++;
    if (v.regels.length < VOORBEELDEN) v.regels.push(regel);
    this.tegenstrijdig.set(k, v);
  }

  /** The warnings, once the file's rows are written (the quarters before are read inside the import's transaction). */
  async waarschuwingen(trx: Knex.Transaction): Promise<Waarschuwing[]> {
    const uit: Waarschuwing[] = [];
    const w = (soort: Waarschuwing['soort'], melding: string) => uit.push({ bestand: this.bestand, soort, melding });
    const onbekend = [...this.onbekend];
    for (const [code, regels] of onbekend.slice(0, MAX_CODES)) {
      w(
        'onbekende_gemeentecode',
        `gemeente_code ${code} ligt buiten de regio en is geen bekende CBS-gemeentecode (${regels.map((r) => `regel ${r}`).join(', ')}); controleer de code`,
      );
    }
    if (onbekend.length > MAX_CODES) {
      w(
        'onbekende_gemeentecode',
        `en nog ${nl.format(onbekend.length - MAX_CODES)} andere gemeentecodes buiten de regio die geen bekende CBS-gemeentecode zijn: ${onbekend
          .slice(MAX_CODES, MAX_CODES + 10)
          .map(([c]) => c)
          .join(', ')}${onbekend.length > MAX_CODES + 10 ? ', …' : ''}`,
      );
    }
    if (this.formuleAantal > 0) {
      w(
        'formule_id',
        `${nl.format(this.formuleAantal)} registratie_id('s) beginnen met =, +, - of @ en worden in ` +
          `Excel als formule gelezen: ${lijst(this.formules, this.formuleAantal)}`,
      );
    }
    for (const [k, v] of this.volgorde) {
      const [later, eerder] = k.split('|') as [string, string];
      w(
        'datum_volgorde',
        `${later} ligt vóór ${eerder} bij ${nl.format(v.aantal)} registratie(s): ${lijst(v.voorbeelden, v.aantal)}; ` +
          `geladen zoals aangeleverd, controleer de datums`,
      );
    }
    for (const [k, v] of [...this.tegenstrijdig].slice(0, MAX_CODES)) {
      const [code, naam, codeVanNaam] = k.split('|') as [string, string, string];
      w(
        'gemeente_tegenstrijdig',
        `gemeente_code ${code} en gemeente "${naam}" (${codeVanNaam}) zijn verschillende gemeenten ` +
          `bij ${nl.format(v.aantal)} registratie(s) (${v.regels.map((r) => `regel ${r}`).join(', ')}${v.aantal > v.regels.length ? ', …' : ''}); ` +
          `geteld voor de code ${code}`,
      );
    }
    if (this.genormaliseerdAantal > 0) {
      w(
        'id_genormaliseerd',
        `${nl.format(this.genormaliseerdAantal)} registratie_id('s) bevatten onzichtbare tekens (zoals ` +
          `een zero-width space) of bijzondere vormen van cijfers of letters (zoals fullwidth) en zijn ` +
          `in hun gewone vorm geladen: ${lijst(this.genormaliseerd, this.genormaliseerdAantal)}`,
      );
    }
    for (const sprong of await this.sprongen(trx)) w('kwartaal_sprong', sprong);
    return uit;
  }

  private async sprongen(trx: Knex.Transaction): Promise<string[]> {
    if (this.perGemeenteKwartaal.size === 0) return [];
    const gemeenten = new Set<string>();
    const kwartalen = new Set<string>();
    for (const k of this.perGemeenteKwartaal.keys()) {
      const [g, kw] = k.split('|') as [string, string];
      gemeenten.add(g);
      for (let i = 1; i <= 4; i++) kwartalen.add(telKwartalenOp(kw, -i));
    }
    // the kept counts already hold this file's rows (they are added at the end of each file)
    const opgeslagen = await telBinnenkomst(trx, [...kwartalen]);
    const meldingen: string[] = [];
    for (const [k, aantal] of [...this.perGemeenteKwartaal].sort(([a], [b]) => a.localeCompare(b))) {
      const [g, kw] = k.split('|') as [string, string];
      const ervoor = [1, 2, 3, 4].map((i) => opgeslagen.get(`${g}|${telKwartalenOp(kw, -i)}`) ?? 0);
      // only against a full history: at the start of the data every quarter would look like a jump
      if (ervoor.some((n) => n === 0)) continue;
      const gemiddeld = ervoor.reduce((a, b) => a + b, 0) / 4;
      if (aantal > SPRONG_FACTOR * gemiddeld) {
        const naam = this.regio.gemeenten.find((x) => x.code === g)?.naam ?? g;
        meldingen.push(
          `${naam} (${g}) heeft in ${kw} ${nl.format(aantal)} registraties in dit bestand, meer dan ` +
            `${SPRONG_FACTOR} keer het gemiddelde van de vier kwartalen ervoor (${nl.format(Math.round(gemiddeld * 10) / 10)}); ` +
            `controleer de gemeentecodes en de periode van de export`,
        );
      }
    }
    return meldingen;
  }
}
