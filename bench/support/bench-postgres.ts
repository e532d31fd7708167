import { provisionPostgres } from '../../scripts/test-postgres.mjs';
import { createTestDatabase } from '../../test/support/test-databases.js';

/**
 * A throwaway PostgreSQL database for a benchmark: from --pg, else provisioned the way
 * `npm test` does (local server or a private one). Undefined when none can be had.
 */
export async function benchPostgresUrl(given?: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  let stopServer: (() => Promise<void>) | undefined;
  try {
    if (!given) {
      const pg = await provisionPostgres({ log: (line: string) => process.stderr.write(`${line}\n`) });
      process.env.TDS_TEST_PG_URL = pg.url;
      stopServer = pg.stop;
    } else {
      process.env.TDS_TEST_PG_URL = given;
    }
    const db = await createTestDatabase('postgres');
    return {
      url: db.url,
      drop: async () => {
        await db.drop();
        await stopServer?.();
      },
    };
  } catch (error) {
    process.stderr.write(`PostgreSQL not available for the benchmark: ${(error as Error).message}\n`);
    await stopServer?.();
    return undefined;
  }
}
