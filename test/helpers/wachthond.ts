import { afterAll, expect } from 'vitest';

/**
 * Watches this test worker's event loop. A test that holds the loop (a synchronous child process, a
 * long synchronous loop) stops its own timeout and the worker's reports; under vitest 3 it failed the
 * whole run with "Timeout calling onTaskUpdate" without naming the test. This names it: any stall of
 * 15 s or more is written to stderr with the file and the test that was running.
 */
const STAP_MS = 1_000;
const MELDEN_VANAF_MS = 15_000;
const { setInterval, clearInterval } = globalThis;

let vorige = performance.now();
const klok = setInterval(() => {
  const nu = performance.now();
  const stil = nu - vorige - STAP_MS;
  vorige = nu;
  if (stil >= MELDEN_VANAF_MS) {
    const { testPath, currentTestName } = expect.getState();
    process.stderr.write(
      `[wachthond] ${testPath ?? '?'}: de event loop van de worker stond ${(stil / 1000).toFixed(1)} s stil (test: ${currentTestName ?? 'buiten een test'})\n`,
    );
  }
}, STAP_MS);
klok.unref();
afterAll(() => clearInterval(klok));
