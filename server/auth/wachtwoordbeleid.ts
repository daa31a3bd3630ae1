import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as gemeen from '@zxcvbn-ts/language-common';
import * as engels from '@zxcvbn-ts/language-en';
import * as nederlands from '@zxcvbn-ts/language-nl-be';

/**
 * The password policy of OWASP ASVS 4 (2.1.1, 2.1.7, 2.1.9): at least 12 characters, no
 * composition rules, and no password that is common, known from breaches, or built from the
 * user's own e-mail address. The lists ship with the zxcvbn-ts packages (no network at run time):
 * the 30,000 most common breached passwords, the diceware words, and common Dutch and English
 * words; zxcvbn also sees through `wachtwoord12345`, keyboard rows and dates.
 */
export const MIN_LENGTE = 12;
export const MAX_LENGTE = 200;
/**
 * zxcvbn's score from 0 to 4; 4 is "very unguessable" (at least 10^10 guesses). 3 would let
 * `Wachtwoord2026!` through (10^8): a common word, a year and a sign is what an attacker tries first.
 */
export const MIN_SCORE = 4;

let factory: ZxcvbnFactory | null = null;
/** Built on first use (it ranks the lists once, about a second). */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: {
      'passwords-common': gemeen.dictionary['passwords-common'],
      'diceware-common': gemeen.dictionary['diceware-common'],
      'nl-commonWords': nederlands.dictionary.commonWords,
      'en-commonWords': engels.dictionary['commonWords-en'],
    },
    graphs: gemeen.adjacencyGraphs,
  });
  return factory;
}

/** The parts of an address a user might build a password from: the address, its local part and the words in it. */
export function eigenWoorden(email: string): string[] {
  const adres = email.trim().toLowerCase();
  const lokaal = adres.split('@')[0] ?? '';
  const woorden = lokaal.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
  return [...new Set([adres, lokaal, ...woorden].filter((w) => w.length > 0))];
}

const normaal = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** Dutch reason why a new password is not acceptable, or null. */
export function wachtwoordProbleem(nieuw: string, email: string): string | null {
  if (nieuw.length < MIN_LENGTE) return `Het wachtwoord moet minstens ${MIN_LENGTE} tekens hebben.`;
  if (nieuw.length > MAX_LENGTE) return `Het wachtwoord mag hoogstens ${MAX_LENGTE} tekens hebben.`;
  const eigen = eigenWoorden(email);
  const w = normaal(nieuw);
  if (eigen.some((deel) => w.includes(normaal(deel)))) return 'Het wachtwoord mag uw e-mailadres of het deel vóór de @ niet bevatten.';
  const uitslag: ZxcvbnResult = zxcvbn().check(nieuw, eigen);
  if (uitslag.sequence.some((s) => s.pattern === 'dictionary' && s.dictionaryName === 'passwords-common' && s.token.length === nieuw.length)) {
    return 'Dit wachtwoord staat op een lijst van veelgebruikte en gelekte wachtwoorden. Kies een ander wachtwoord.';
  }
  if (uitslag.score < MIN_SCORE) {
    return (
      'Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt of gelekt wachtwoord, ' +
      'een gewoon woord met cijfers, een toetsenbordrij of een datum. Kies bijvoorbeeld een zin van vier of meer woorden.'
    );
  }
  return null;
}
