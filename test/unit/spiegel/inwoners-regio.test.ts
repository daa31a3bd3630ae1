import { describe, expect, it } from 'vitest';
import { bouwRegio } from '../../../server/config/regio.js';
import type { CbsCijfer } from '../../../server/spiegel/cbs-bestand.js';
import { berekenSpiegel, spiegelPeriode } from '../../../server/spiegel/compute.js';
import { metInwonersVanRegio } from '../../../server/spiegel/service.js';
import regioJson from '../../../config/regio/gelderland-zuid.json' with { type: 'json' };
import obJson from '../../../config/regio/oost-brabant.json' with { type: 'json' };

// hand-made populations (not CBS's): 1.000 per gemeente in 2023, Nijmegen missing in 2022
const bron = 'https://opendata.cbs.nl/#/CBS/nl/dataset/03759ned/table';
const json = structuredClone(regioJson) as { gemeenten: { code: string; inwonersPerJaar?: unknown }[] };
json.gemeenten = json.gemeenten.map((g) => ({
  ...g,
  inwonersPerJaar: { 2023: { aantal: 1000, tabel: '03759ned', bron }, ...(g.code === 'GM0268' ? {} : { 2022: { aantal: 900, tabel: '03759ned', bron } }) },
}));
const regio = bouwRegio(json);

const cel = (periode: string, code: string, maat: string, waarde: number): CbsCijfer => ({
  tabel: maat === 'bevolking' ? '70072ned' : '84852NED',
  periode,
  regio: code,
  regio_naam: code,
  maat,
  cbs_maat: maat,
  waarde,
  waarde_tekst: String(waarde),
  voorlopig: false,
  bron: 'https://www.cbs.nl/',
});
const spiegel = (cijfers: CbsCijfer[], jaar: string) =>
  berekenSpiegel({
    cijfers: metInwonersVanRegio(cijfers, regio, Number(jaar)),
    periode: spiegelPeriode(jaar)!,
    cbsRegio: { code: 'VT06', naam: 'Gelderland-Zuid' },
    eigen: [],
    grondtal: 5,
    gemeenten: regio.gemeenten,
  });

describe('spiegel: the VT-region population is the sum of its CBS-confirmed gemeenten', () => {
  it('15 gemeenten × 1.000 = 15.000 inwoners for VT06 in 2023, named by its table; the rate is no longer missing', () => {
    const s = spiegel([cel('2023JJ00', 'VT06', 'meldingen', 2695)], '2023');
    expect(s.regio.inwoners).toBe(15000);
    expect(s.regio.bronnen.inwoners).toEqual({ tabel: '03759ned (som van de 15 gemeenten)', url: bron });
    expect(s.regio.per_1000_inwoners.meldingen).not.toBeNull();
  });

  it('one gemeente without a CBS figure (2022): the region has no population, the rate stays missing', () => {
    const s = spiegel([cel('2022JJ00', 'VT06', 'meldingen', 2500)], '2022');
    expect(s.regio.inwoners).toBeNull();
    expect(s.regio.per_1000_inwoners.meldingen).toBeNull();
  });

  it("CBS's own population cell wins over the sum", () => {
    const s = spiegel([cel('2023JJ00', 'VT06', 'meldingen', 2695), cel('2023JJ00', 'VT06', 'bevolking', 580000)], '2023');
    expect(s.regio.inwoners).toBe(580000);
    expect(s.regio.bronnen.inwoners?.tabel).toBe('70072ned');
  });

  it('the shipped region file adds its 15 gemeenten and their sum for 2023, and nothing for 2025 (no CBS figure yet)', () => {
    const cijfers = [cel('2023JJ00', 'VT06', 'meldingen', 2695)];
    const erbij = metInwonersVanRegio(cijfers, bouwRegio(regioJson), 2023).slice(1);
    expect(erbij).toHaveLength(16);
    expect(erbij.find((c) => c.regio === 'GM0268')).toMatchObject({ maat: 'bevolking', waarde: 182480, tabel: '37259eng' });
    expect(erbij.find((c) => c.regio === 'VT06')).toMatchObject({ waarde: 585042, tabel: '37259eng (som van de 15 gemeenten)' });
    expect(erbij.filter((c) => c.regio !== 'VT06').reduce((n, c) => n + c.waarde!, 0)).toBe(585042);
    expect(metInwonersVanRegio(cijfers, bouwRegio(regioJson), 2025)).toBe(cijfers);
  });

  it('a region with a gemeente formed later (Oost-Brabant, Maashorst 2022) sums its gemeenten of that year', () => {
    const ob = bouwRegio(obJson);
    const erbij = metInwonersVanRegio([cel('2021JJ00', 'VT27', 'meldingen', 3000)], ob, 2021).slice(1);
    const codes = ob.gemeentenPerJaar!['2021']!;
    expect(erbij.find((c) => c.regio === 'VT27')).toMatchObject({ waarde: ob.inwonersRegioOp(2021), tabel: `37259eng (som van de ${codes.length} gemeenten)` });
    expect(ob.inwonersRegioOp(2021)).toBe(1398909); // 36 gemeenten, 37259eng
    expect(erbij.some((c) => c.regio === 'GM1991')).toBe(false); // Maashorst has no figure of its own for 2021
  });
});
