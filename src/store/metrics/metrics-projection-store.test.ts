import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { anAgreementFinalized, anEntry, aSandboxJob, aTransfer, consumerDid, datasetId, providerDid } from '../../core/metrics/fixtures/process-evidence.js';
import { openDatabase, type Database } from '../database.js';
import { MetricsProjectionStore } from './metrics-projection-store.js';
import { MetricsQueryStore } from './metrics-query-store.js';

const at = '2026-03-10T00:00:00.000Z';
const march = { from: '2026-03-01', to: '2026-03-31' };

/** A day's worth of use: two agreements on one dataset, a transfer and two sandbox jobs (one still running). */
function aDayOfUse() {
  return [
    ...anAgreementFinalized('a1', '2026-03-10T01:00:00.000Z'),
    ...anAgreementFinalized('a2', '2026-03-11T01:00:00.000Z'),
    ...anAgreementFinalized('a3', '2026-03-11T02:00:00.000Z', { dataset: 'urn:tds:tds.test.space:p_provider:other' }),
    ...aTransfer('t1', 'a1', { requested: '2026-03-10T02:00:00.000Z', started: '2026-03-10T02:00:01.000Z', completed: '2026-03-10T02:00:03.000Z' }),
    ...aSandboxJob('j1', 'a2', { submitted: '2026-03-11T03:00:00.000Z', started: '2026-03-11T03:00:00.000Z', ended: '2026-03-11T03:00:45.000Z', outcome: 'sandbox.result.released' }),
    ...aSandboxJob('j2', 'a2', { submitted: '2026-03-11T04:00:00.000Z', started: '2026-03-11T04:00:00.000Z' }),
    anEntry('participant.approved', 'operator:admin-token', '2026-03-09T01:00:00.000Z'),
  ];
}

describe.each(databaseKinds)('the dashboard projection on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: MetricsProjectionStore;
  let queries: MetricsQueryStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new MetricsProjectionStore(database);
    queries = new MetricsQueryStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('starts at leaf 0 and counts each process once per day, whichever side recorded it', async () => {
    expect(await store.watermark()).toBe(0);
    const entries = aDayOfUse();
    expect(await store.apply(0, entries.length, entries, at)).toBe(true);
    expect(await store.watermark()).toBe(entries.length);
    expect(await queries.agreementsPerDay(march)).toEqual([{ day: '2026-03-10', count: 1 }, { day: '2026-03-11', count: 2 }]);
    expect(await queries.transfersPerDay(march)).toEqual([{ day: '2026-03-10', count: 1, started: 1, completed: 1 }]);
    expect(await queries.sandboxJobsPerDay(march)).toEqual([{ day: '2026-03-11', count: 2 }]);
    expect(await queries.sandboxJobsByState(march)).toEqual([{ state: 'running', count: 1 }, { state: 'succeeded', count: 1 }]);
    expect(await queries.sandboxRuntimePerDay(march)).toEqual([{ day: '2026-03-11', runMs: 45_000 }]);
    expect(await queries.agreementsPerDay({ from: '2026-03-11', to: '2026-03-11' })).toEqual([{ day: '2026-03-11', count: 2 }]);
  });

  it('ranks datasets by agreements, then transfers and sandbox jobs under them', async () => {
    const entries = aDayOfUse();
    await store.apply(0, entries.length, entries, at);
    expect(await queries.productUse(march, 10)).toEqual([
      { datasetId, agreements: 2, transfers: 1, sandboxJobs: 2 },
      { datasetId: 'urn:tds:tds.test.space:p_provider:other', agreements: 1, transfers: 0, sandboxJobs: 0 },
    ]);
    expect(await queries.productUse({ from: '2026-04-01', to: '2026-04-30' }, 10)).toEqual([]);
  });

  it('counts ledger entries per actor and per type in the period', async () => {
    const entries = aDayOfUse();
    await store.apply(0, entries.length, entries, at);
    const byActor = await queries.entriesByActor(march);
    expect(byActor.map((a) => a.actor)).toEqual([providerDid, consumerDid, 'operator:admin-token']);
    expect(byActor.reduce((t, a) => t + a.entries, 0)).toBe(entries.length);
    expect((await queries.entriesByType(march)).find((t) => t.type === 'agreement.finalized')).toEqual({ type: 'agreement.finalized', entries: 6 });
    expect(await queries.entriesByType({ from: '2026-03-10', to: '2026-03-31' })).not.toContainEqual(expect.objectContaining({ type: 'participant.approved' }));
  });

  it('continues a process across batches and finishes a run begun in an earlier one', async () => {
    const [submitted, requested, started, released] = aSandboxJob('j1', 'a1', { submitted: '2026-03-10T01:00:00.000Z', started: '2026-03-10T01:00:00.000Z', ended: '2026-03-10T01:00:20.000Z', outcome: 'sandbox.result.released' });
    await store.apply(0, 3, [submitted!, requested!, started!], at);
    expect(await queries.sandboxJobsByState(march)).toEqual([{ state: 'running', count: 1 }]);
    await store.apply(3, 4, [released!], at);
    expect(await queries.sandboxJobsByState(march)).toEqual([{ state: 'succeeded', count: 1 }]);
    expect(await queries.sandboxRuntimePerDay(march)).toEqual([{ day: '2026-03-10', runMs: 20_000 }]);
  });

  it('ignores a batch from a watermark that has moved on, as after a restart, writing nothing', async () => {
    const entries = aDayOfUse();
    await store.apply(0, entries.length, entries, at);
    expect(await store.apply(0, entries.length, entries, at)).toBe(false);
    expect(await store.watermark()).toBe(entries.length);
    expect(await queries.agreementsPerDay(march)).toEqual([{ day: '2026-03-10', count: 1 }, { day: '2026-03-11', count: 2 }]);
    expect((await queries.entriesByType(march)).find((t) => t.type === 'agreement.finalized')?.entries).toBe(6);
  });

  it('lets exactly one of two connections project the same batch when they race', async () => {
    // Two PostgreSQL pools race for real. Two SQLite connections in one thread would only block
    // each other (the driver is synchronous); there one connection serializes the transactions,
    // which is what two processes get from SQLite's write lock.
    const other = kind === 'postgres' ? await openDatabase(testDb.url) : database;
    try {
      const entries = aDayOfUse();
      const results = await Promise.all([store.apply(0, entries.length, entries, at), new MetricsProjectionStore(other).apply(0, entries.length, entries, at)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await queries.entriesByActor(march)).reduce((t, a) => t + a.entries, 0)).toBe(entries.length);
      expect(await queries.sandboxRuntimePerDay(march)).toEqual([{ day: '2026-03-11', runMs: 45_000 }]);
    } finally {
      if (other !== database) await other.close();
    }
  });
});
