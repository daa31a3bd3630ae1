import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../server/config/paths.js';
import { bouwRegio } from '../../../server/config/regio.js';
import { stukBestand, stukNaam } from '../../../server/rapportage/rapporten.js';
import { bestandsdeel } from '../../../server/shared/tekst.js';

const REGIOS = readdirSync(projectPath('config', 'regio'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ bestand: f, regio: bouwRegio(JSON.parse(readFileSync(projectPath('config', 'regio', f), 'utf8'))) }));
const gelderlandZuid = REGIOS.find((r) => r.bestand === 'gelderland-zuid.json')!.regio;

describe('the one name of every report and factsheet file', () => {
  it("the board's reports by their period, a factsheet by the gemeente's name and code", () => {
    expect(stukBestand({ rapport: 'kwartaal', periode: '2026-Q3' }, gelderlandZuid)).toBe('kwartaalrapportage-2026-Q3.pdf');
    expect(stukBestand({ rapport: 'halfjaar', periode: '2026-H1' }, gelderlandZuid)).toBe('halfjaarrapportage-2026-H1.pdf');
    expect(stukBestand({ rapport: 'jaar', periode: '2025' }, gelderlandZuid)).toBe('jaarrapportage-2025.pdf');
    expect(stukBestand({ rapport: 'factsheet', periode: '2026-Q3', gemeente: 'GM0281' }, gelderlandZuid)).toBe('factsheet-tiel-GM0281-2026-Q3.pdf');
    expect(stukBestand({ rapport: 'factsheet', periode: '2026-Q3', gemeente: 'GM1945' }, gelderlandZuid)).toBe('factsheet-berg-en-dal-GM1945-2026-Q3.pdf');
    // an archived copy, as the archive hands it out
    expect(stukBestand({ rapport: 'halfjaar', periode: '2026-H1', gemeente: '' }, gelderlandZuid, '-zoals-verzonden')).toBe(
      'halfjaarrapportage-2026-H1-zoals-verzonden.pdf',
    );
    // an archived factsheet of a gemeente that has since left the region keeps its code alone
    expect(stukBestand({ rapport: 'factsheet', periode: '2018-Q4', gemeente: 'GM0241' }, gelderlandZuid)).toBe('factsheet-GM0241-2018-Q4.pdf');
    expect(() => stukBestand({ rapport: 'factsheet', periode: '2026-Q3' }, gelderlandZuid)).toThrow('Een factsheet hoort bij een gemeente');
  });

  it('the same piece is named alike in lists, subjects and mails', () => {
    expect(stukNaam({ rapport: 'factsheet', periode: '2026-Q3', gemeente: 'GM0281' }, gelderlandZuid)).toBe('Factsheet Tiel Q3 2026');
    expect(stukNaam({ rapport: 'kwartaal', periode: '2026-Q3' }, gelderlandZuid)).toBe('Kwartaalrapportage Q3 2026');
    expect(stukNaam({ rapport: 'jaar', periode: '2025' }, gelderlandZuid)).toBe('Jaarrapportage 2025');
  });

  it('a name as a file name part: no accents, no capitals, one hyphen for every other run', () => {
    expect(bestandsdeel("'s-Hertogenbosch")).toBe('s-hertogenbosch');
    expect(bestandsdeel('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(bestandsdeel('Nuenen, Gerwen en Nederwetten')).toBe('nuenen-gerwen-en-nederwetten');
    expect(bestandsdeel('Bergen (NH.)')).toBe('bergen-nh');
  });

  it.each(REGIOS.map((r) => [r.bestand, r.regio] as const))('%s: every factsheet name is a plain, unique file name with the code', (_bestand, regio) => {
    const namen = regio.gemeenten.map((g) => stukBestand({ rapport: 'factsheet', periode: '2026-Q3', gemeente: g.code }, regio));
    for (const [i, naam] of namen.entries()) {
      expect(naam).toMatch(/^factsheet-[a-z0-9]+(-[a-z0-9]+)*-GM\d{4}-2026-Q3\.pdf$/);
      expect(naam).toContain(`-${regio.gemeenten[i]!.code}-`);
    }
    expect(new Set(namen).size).toBe(namen.length);
  });
});
