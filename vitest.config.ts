import { defineConfig, type TestProjectConfiguration } from 'vitest/config';

/**
 * One suite, two databases: every test on SQLite; the integration tests (indicator exactness,
 * import, API, roles, financien) once more on PostgreSQL when VT_TEST_POSTGRES_URL names an
 * admin connection (.ci/run starts a cluster and sets it). Each test context gets its own database.
 */
const postgres = process.env.VT_TEST_POSTGRES_URL;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true as const, test: { name: 'sqlite', include: ['test/**/*.test.ts'], env: { TZ: 'Europe/Amsterdam', VT_TEST_DB: 'sqlite' } } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: ['test/integration/**/*.test.ts'], env: { TZ: 'Europe/Amsterdam', VT_TEST_DB: 'postgres' } },
            },
          ]
        : []),
    ] satisfies TestProjectConfiguration[],
  },
});
