import { describe, expect, it } from 'vitest';
import { bouwRegio } from '../../../server/config/regio.js';
import { COLUMN_NAMES, kolomObject } from '../../../server/registraties/schema.js';
import { controleerRij, type RijFout } from '../../../server/import/validate-row.js';
import regioJson from '../../../config/regio/gelderland-zuid.json' with { type: 'json' };

const regio = bouwRegio(regioJson);
const ctx = { bestand: 'export.csv', regel: 7, regio, vandaag: '2024-06-30' };
const basis = { registratie_id: 'R1', soort: 'melding', datum_binnenkomst: '2024-03-01', gemeente_code: 'GM0268', melder_categorie: 'politie' };

function fouten(extra: Record<string, string>): RijFout[] {
  const result = controleerRij({ ...basis, ...extra }, ctx);
  return result.ok ? [] : result.fouten;
}

const fout = (kolom: string, waarde: string, melding: string): RijFout => ({ bestand: 'export.csv', regel: 7, kolom, waarde, melding });

describe('controleerRij', () => {
  it('accepts a valid melding and normalises codes, dates and booleans', () => {
    const result = controleerRij(
      { ...basis, soort: 'Melding', datum_binnenkomst: '1-3-2024', spoed: 'J', melder_categorie: ' POLITIE ', gemeente_code: 'gm0281' },
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      registratie: { soort: 'melding', datum_binnenkomst: '2024-03-01', spoed: 1, melder_categorie: 'politie', gemeente_code: 'GM0281' },
    });
  });

  it('maps a gemeente name (case and diacritics insensitive) to its code', () => {
    const result = controleerRij({ ...basis, gemeente_code: '', gemeente: 'west maas EN waal' }, ctx);
    expect(result).toMatchObject({ ok: true, registratie: { gemeente_code: 'GM0668' } });
  });

  it('required fields', () => {
    expect(fouten({ registratie_id: '', melder_categorie: '' })).toEqual([
      fout('registratie_id', '', 'registratie_id is verplicht en ontbreekt'),
      fout('melder_categorie', '', 'melder_categorie is verplicht en ontbreekt'),
    ]);
  });

  it('unknown codes, malformed dates, unknown municipalities', () => {
    expect(fouten({ soort: 'klacht' })).toEqual([fout('soort', 'klacht', 'klacht is geen geldige code; toegestaan: advies, melding')]);
    expect(fouten({ datum_binnenkomst: '2024/03/01' })).toEqual(
      [
        fout('datum_binnenkomst', '2024/03/01', '2024/03/01 is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ'),
        fout('datum_binnenkomst', '', 'datum_binnenkomst is verplicht en ontbreekt'),
      ].slice(0, 1),
    );
    expect(fouten({ datum_binnenkomst: '31-02-2024' })).toEqual([fout('datum_binnenkomst', '31-02-2024', '31-02-2024 is geen bestaande datum')]);
    expect(fouten({ gemeente_code: 'G268' })).toEqual([
      fout('gemeente_code', 'G268', 'G268 is geen CBS-gemeentecode (GM gevolgd door 4 cijfers, zoals GM0268)'),
    ]);
    expect(fouten({ gemeente_code: '', gemeente: 'Atlantis' })).toEqual([
      fout('gemeente', 'Atlantis', 'onbekende gemeente "Atlantis"; geef voor een gemeente buiten de regio de gemeente_code'),
    ]);
    expect(fouten({ spoed: 'misschien' })).toEqual([fout('spoed', 'misschien', 'misschien is geen ja/nee-waarde; gebruik ja of nee')]);
  });

  it('a date never lies before datum_binnenkomst nor after the ingest day', () => {
    expect(fouten({ datum_veiligheidsbeoordeling: '2024-02-28', besluit_veiligheidsbeoordeling: 'regionaal_maatwerk' })).toEqual([
      fout('datum_veiligheidsbeoordeling', '2024-02-28', 'datum 2024-02-28 ligt vóór datum_binnenkomst (2024-03-01)'),
    ]);
    expect(fouten({ datum_afgesloten: '2024-07-01' })).toEqual([
      fout('datum_afgesloten', '2024-07-01', 'datum 2024-07-01 ligt in de toekomst (na 2024-06-30)'),
    ]);
  });

  it('an advies has none of the melding-only fields', () => {
    expect(
      fouten({ soort: 'advies', datum_veiligheidsbeoordeling: '2024-03-02', besluit_veiligheidsbeoordeling: 'regionaal_maatwerk', monitoring: 'ja' }),
    ).toEqual([
      fout('datum_veiligheidsbeoordeling', '2024-03-02', 'een advies heeft geen datum_veiligheidsbeoordeling; dit veld hoort alleen bij een melding'),
      fout(
        'besluit_veiligheidsbeoordeling',
        'regionaal_maatwerk',
        'een advies heeft geen besluit_veiligheidsbeoordeling; dit veld hoort alleen bij een melding',
      ),
      fout('monitoring', 'ja', 'een advies heeft geen monitoring; dit veld hoort alleen bij een melding'),
    ]);
    expect(fouten({ soort: 'advies', monitoring: 'nee' })).toEqual([]);
  });

  it('besluit and datum veiligheidsbeoordeling go together', () => {
    expect(fouten({ besluit_veiligheidsbeoordeling: 'regionaal_maatwerk' })).toEqual([
      fout('datum_veiligheidsbeoordeling', '', 'datum_veiligheidsbeoordeling ontbreekt terwijl besluit_veiligheidsbeoordeling is ingevuld'),
    ]);
    expect(fouten({ datum_veiligheidsbeoordeling: '2024-03-04' })).toEqual([
      fout('besluit_veiligheidsbeoordeling', '', 'besluit_veiligheidsbeoordeling ontbreekt terwijl datum_veiligheidsbeoordeling is ingevuld'),
    ]);
  });

  it('vervolg requires besluit vervolg_veilig_thuis', () => {
    expect(
      fouten({
        datum_veiligheidsbeoordeling: '2024-03-04',
        besluit_veiligheidsbeoordeling: 'overdracht_melder',
        datum_besluit_vervolg: '2024-03-10',
        vervolg: 'onderzoek',
      }),
    ).toEqual([fout('vervolg', 'onderzoek', 'vervolg vraagt besluit_veiligheidsbeoordeling vervolg_veilig_thuis (nu: overdracht_melder)')]);
  });

  it('an end requires its start and is not before it; uitkomst requires the end', () => {
    expect(fouten({ datum_einde_vv: '2024-04-01' })).toEqual([fout('datum_start_vv', '', 'datum_start_vv ontbreekt terwijl datum_einde_vv is ingevuld')]);
    expect(fouten({ datum_start_onderzoek: '2024-04-10', datum_einde_onderzoek: '2024-04-01', uitkomst_onderzoek: 'bevestigd' })).toEqual([
      fout('datum_einde_onderzoek', '2024-04-01', 'datum_einde_onderzoek (2024-04-01) ligt vóór datum_start_onderzoek (2024-04-10)'),
    ]);
    expect(fouten({ uitkomst_onderzoek: 'weerlegd' })).toEqual([
      fout('datum_einde_onderzoek', '', 'datum_einde_onderzoek ontbreekt terwijl uitkomst_onderzoek is ingevuld'),
    ]);
  });
});

describe('kolomObject', () => {
  it('has exactly the columns of the export format, in their order', () => {
    expect(Object.keys(kolomObject(null))).toEqual(COLUMN_NAMES);
  });
});
