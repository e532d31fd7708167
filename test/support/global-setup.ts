// Vitest globalSetup: makes sure every test worker knows a PostgreSQL server.
//
// `npm test` (scripts/test.mjs) provisions PostgreSQL itself and passes TDS_TEST_PG_URL; here we
// only provision when someone runs `npx vitest` directly. Workers learn the URL two ways, both
// checked to reach forks, threads and vmForks workers in Vitest 4.1: process.env (set before the
// workers start, so it also reaches processes the tests spawn) and project.provide('pgUrl'),
// read with inject('pgUrl').
import type { TestProject } from 'vitest/node';
import { provisionPostgres } from '../../scripts/test-postgres.mjs';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server (and database) the tests create their databases on; see test-databases.ts. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Cross-process tests run the built CLI (dist/), as users do; rebuild it if src is newer.
  // `npm test` has built already; a direct vitest run of unit tests should not need a clean build,
  // so a failure here only warns: the cross-process tests then fail on their own, loudly.
  if (buildIfStale() !== 0) console.warn('warning: the build failed (see above); cross-process tests will use a stale or missing dist/');
  const postgres = await provisionPostgres({ log: (line) => console.log(line) });
  process.env.TDS_TEST_PG_URL = postgres.url;
  project.provide('pgUrl', postgres.url);
  return () => postgres.stop();
}
