/** Typed errors with a Dutch message for the user; one error handler turns them into answers. */
export class AppFout extends Error {
  constructor(
    readonly code: 'ongeldige_invoer' | 'niet_gevonden' | 'geen_toegang' | 'intern',
    readonly melding: string,
    readonly status: number,
    readonly context?: Record<string, unknown>,
  ) {
    super(melding);
  }
}

export const ongeldigeInvoer = (melding: string, context?: Record<string, unknown>) => new AppFout('ongeldige_invoer', melding, 400, context);
export const nietGevonden = (melding: string, context?: Record<string, unknown>) => new AppFout('niet_gevonden', melding, 404, context);
export const geenToegang = (melding = 'U hebt geen toegang tot deze pagina.', context?: Record<string, unknown>) =>
  new AppFout('geen_toegang', melding, 403, context);
