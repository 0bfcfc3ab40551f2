import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

/**
 * The databases the store's tests run against: SQLite always, PostgreSQL 15
 * when `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` names a server
 * (`.ci/postgres.sh start` prints one). Without it the PostgreSQL cases are
 * skipped with a notice, unless `ARCHITECTURE_DOCS_REQUIRE_POSTGRES=1`, which
 * makes `assertRequiredDatabases` fail.
 */
const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** Whether a PostgreSQL server is configured for the tests. */
export const postgresConfigured = Boolean(process.env[POSTGRES_ENV]);

/** Whether the run must include PostgreSQL. */
export const postgresRequired =
  process.env.ARCHITECTURE_DOCS_REQUIRE_POSTGRES === '1';

/** Creates the test databases of this run (call at a file's top level). */
export function createTestDatabases(): {
  databases: TestDatabases;
  ids: TestDatabaseId[];
} {
  const ids: TestDatabaseId[] = postgresConfigured
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
  if (!postgresConfigured) {
    // eslint-disable-next-line no-console
    console.warn(
      `PostgreSQL cases skipped: ${POSTGRES_ENV} is not set (set it, e.g. from .ci/postgres.sh start, to run them)`,
    );
  }
  return { databases: TestDatabases.create({ ids, disableDocker: true }), ids };
}

/** Fails when the run must include PostgreSQL and none is configured. */
export function assertRequiredDatabases(): void {
  if (postgresRequired && !postgresConfigured) {
    throw new Error(
      `ARCHITECTURE_DOCS_REQUIRE_POSTGRES=1 but ${POSTGRES_ENV} is not set`,
    );
  }
}
