// Types for test-postgres.mjs (plain JS so `npm test` runs it before anything is compiled).

export interface ProvisionedPostgres {
  /** Connection URL of a database the tests may use and create other databases from. */
  url: string;
  /** Releases what was provisioned (drops the database or stops the private server); idempotent. */
  stop(): Promise<void>;
}

/**
 * Provides PostgreSQL for a test run: TDS_TEST_PG_URL as is, else a throwaway database on the
 * server at localhost:5432, else a private server started from the system's binaries.
 * Rejects when none of these works.
 */
export function provisionPostgres(options?: { log?: (line: string) => void }): Promise<ProvisionedPostgres>;

/** `url` with its database name replaced; other parts, including query parameters, kept. */
export function withDatabase(url: string, database: string): string;

/** Comment marking a database created by a test, so stop() of its parent run can drop leftovers. */
export function testDatabaseComment(parentDatabase: string): string;
