import type { HelperDelegate } from 'handlebars';
import { formatDatum, formatGetal, formatGroei, formatPercentage } from '../../shared/formaat.js';
import { kwartaalKort } from '../../calendar/kwartaal.js';

/** Every handlebars helper, registered in one place; each is a pure formatting function. */
export const helpers: Record<string, HelperDelegate> = {
  getal: (value: number | null) => formatGetal(value),
  procent: (value: number | null) => formatPercentage(value),
  groei: (value: number | null) => formatGroei(value),
  datum: (iso: string | null) => formatDatum(iso),
  kwartaalKort: (k: string) => kwartaalKort(k),
  gelijk: (a: unknown, b: unknown) => a === b,
};
