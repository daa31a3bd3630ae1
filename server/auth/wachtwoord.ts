import { randomInt } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export const hashWachtwoord = (wachtwoord: string) => argon2.hash(wachtwoord, { type: argon2.argon2id });

export async function controleerWachtwoord(hash: string, wachtwoord: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, wachtwoord);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified when an e-mail address is unknown, so both cases take as long. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hashWachtwoord('geen-gebruiker'));

const TEKENS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 16 characters without look-alikes (0/O, 1/l/I). */
export function eenmaligWachtwoord(lengte = 16): string {
  return Array.from({ length: lengte }, () => TEKENS[randomInt(TEKENS.length)]).join('');
}

/** The policy a new password meets (length, common and breached passwords, the user's e-mail). */
export { MIN_LENGTE, wachtwoordProbleem } from './wachtwoordbeleid.js';
