import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';

/**
 * One suite, two databases: every test on SQLite (`unit` and `sqlite`); the integration tests (indicator exactness,
 * import, API, roles, financien) once more on PostgreSQL when VT_TEST_POSTGRES_URL names an
 * admin connection (.ci/run starts a cluster and sets it). Each test context gets its own database.
 */
const postgres = process.env.VT_TEST_POSTGRES_URL;

// The main process answers the workers' reports: say so when its own loop stalls.
let vorige = performance.now();
setInterval(() => {
  const nu = performance.now();
  if (nu - vorige - 1_000 >= 15_000) process.stderr.write(`[wachthond] het hoofdproces van vitest stond ${((nu - vorige - 1_000) / 1000).toFixed(1)} s stil\n`);
  vorige = nu;
}, 1_000).unref();

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // both cores: a clean-clone CI run took 1.150 s with 2 workers against 1.676 s with vitest's
    // default of one (cores − 1) on a 2-core machine; most tests wait on PostgreSQL, Chromium or a child
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['test/helpers/wachthond.ts'],
    projects: [
      // every project shares one module graph per worker (isolate: false): loading the server modules
      // anew per file was a third of the unit tests' CPU time, and on 8 integration files 74 s of
      // import against 33 s shared. That is safe because no test mocks or spies, the two files that
      // set process.env restore it, and server modules read the environment when called, never at
      // import; their module caches hold constant files or are keyed by the database object.
      {
        extends: true as const,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false, env: { TZ: 'Europe/Amsterdam', VT_TEST_DB: 'sqlite' } },
      },
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/helpers/sjabloon.ts'],
          env: { TZ: 'Europe/Amsterdam', VT_TEST_DB: 'sqlite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/integration/**/*.test.ts'],
                isolate: false,
                globalSetup: ['test/helpers/sjabloon.ts'],
                env: { TZ: 'Europe/Amsterdam', VT_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ] satisfies TestProjectConfiguration[],
  },
});
