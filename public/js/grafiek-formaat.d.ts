export function formatWaarde(waarde: unknown, formaat: 'getal' | 'procent'): string;
export function pasFormaatToe<T extends Record<string, unknown>>(option: T, formaat: 'getal' | 'procent'): T;
