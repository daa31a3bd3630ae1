/**
 * Test-only crash points. With `VT_TEST_STERF_BIJ=<stap>` in its environment the process kills
 * itself with SIGKILL when it reaches that step, exactly as a power cut or the OOM killer would:
 * no `finally`, no exit handler, no flushed buffer. test/integration/verzending-crash.test.ts runs
 * the real server with each step in turn and checks what a restart makes of it. Never set in
 * production (docs/deploy.md); unset, a crash point costs one comparison.
 */
export const STERFPUNTEN = ['na_claim', 'na_factsheet', 'na_archief', 'na_wachtrij', 'na_bezig', 'tijdens_smtp', 'na_smtp', 'na_verzonden'] as const;
export type Sterfpunt = (typeof STERFPUNTEN)[number];

export const sterftBij = (stap: Sterfpunt): boolean => process.env.VT_TEST_STERF_BIJ === stap;

export function sterfBij(stap: Sterfpunt): void {
  if (sterftBij(stap)) process.kill(process.pid, 'SIGKILL');
}
