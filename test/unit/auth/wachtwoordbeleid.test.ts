/**
 * The password policy (issue 26 §5, OWASP ASVS 4 2.1.1/2.1.7/2.1.9): what an attacker tries
 * first — the breached lists, a common word with digits, a keyboard row, the user's own address —
 * is refused with a Dutch reason; a long phrase of ordinary words is not.
 */
import { describe, expect, it } from 'vitest';
import { eigenWoorden, wachtwoordProbleem } from '../../../server/auth/wachtwoordbeleid.js';

const EMAIL = 'Jan.de-Vries@veiligthuis-gz.nl';
const LIJST = 'Dit wachtwoord staat op een lijst van veelgebruikte en gelekte wachtwoorden. Kies een ander wachtwoord.';
const RADEN =
  'Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt of gelekt wachtwoord, ' +
  'een gewoon woord met cijfers, een toetsenbordrij of een datum. Kies bijvoorbeeld een zin van vier of meer woorden.';
const EIGEN = 'Het wachtwoord mag uw e-mailadres of het deel vóór de @ niet bevatten.';

describe('wachtwoordProbleem', () => {
  it.each([
    ['wachtwoord12345', RADEN],
    ['Wachtwoord2026!', RADEN],
    ['qwertyuiop123', RADEN],
    ['1234567890123', RADEN],
    ['iloveyou123456', RADEN],
    ['passwordpassword', RADEN],
    ['Welkom01012026', RADEN],
    ['123456789012', LIJST],
    [EMAIL, EIGEN],
    [EMAIL.toUpperCase(), EIGEN],
    ['jan.de-vries2026!!', EIGEN],
    ['mijn vries wachtwoord', EIGEN],
    ['kort', 'Het wachtwoord moet minstens 12 tekens hebben.'],
    ['x'.repeat(201), 'Het wachtwoord mag hoogstens 200 tekens hebben.'],
  ])('%s is refused', (wachtwoord, reden) => {
    expect(wachtwoordProbleem(wachtwoord, EMAIL)).toBe(reden);
  });

  it.each(['een lang eigen wachtwoord', 'paard batterij nietje correct', 'k8#Vq2!mZp9xLw', 'het juiste wachtwoord'])('%s is accepted', (wachtwoord) => {
    expect(wachtwoordProbleem(wachtwoord, EMAIL)).toBeNull();
  });

  it('the words of the address are the address, its local part and its words of four letters or more', () => {
    expect(eigenWoorden(EMAIL)).toEqual(['jan.de-vries@veiligthuis-gz.nl', 'jan.de-vries', 'vries']);
  });
});
