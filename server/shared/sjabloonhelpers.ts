import type { HelperDelegate } from 'handlebars';
import { kwartaalKort } from '../calendar/kwartaal.js';
import { formatteerDatum, formatteerGetal, formatteerGroei, formatteerPercentage } from './formaat.js';

/**
 * Every handlebars helper, registered in one place; each is a pure formatting function. Shared by
 * the web views and the printed reports, so neither layer imports the other.
 */
export const helpers: Record<string, HelperDelegate> = {
  getal: (value: number | null) => formatteerGetal(value),
  procent: (value: number | null) => formatteerPercentage(value),
  groei: (value: number | null) => formatteerGroei(value),
  datum: (iso: string | null) => formatteerDatum(iso),
  kwartaalKort: (k: string) => kwartaalKort(k),
  gelijk: (a: unknown, b: unknown) => a === b,
};
