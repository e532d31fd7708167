import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aLedgerKey } from '../../../test/support/ledger-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { anAgreementFinalized } from '../../core/metrics/fixtures/process-evidence.js';
import { dayOf } from '../../core/metrics/metrics-day.js';
import { openDatabase, type Database } from '../../store/database.js';
import { LedgerStore } from '../../store/ledger/ledger-store.js';
import { MetricsProjectionStore } from '../../store/metrics/metrics-projection-store.js';
import { MetricsQueryStore } from '../../store/metrics/metrics-query-store.js';
import { CheckpointSigner } from '../ledger/checkpoint-signer.js';
import { LedgerSequencer } from '../ledger/ledger-sequencer.js';
import { LedgerProjection, PROJECTION_BATCH } from './ledger-projection.js';

const at = new Date().toISOString();
const today = { from: dayOf(at), to: dayOf(at) };
const projectionOf = (database: Database) => new LedgerProjection(new LedgerStore(database), new MetricsProjectionStore(database));

describe.each(databaseKinds)('the ledger projection on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let sequencer: LedgerSequencer;
  let second: Database | undefined;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    sequencer = new LedgerSequencer(new LedgerStore(database), new CheckpointSigner('tds.test/space', aLedgerKey()), { pollMs: 20 });
    await sequencer.start('sha256');
  });
  afterEach(async () => {
    await sequencer.stop();
    await second?.close();
    second = undefined;
    await database.close();
    await testDb.drop();
  });

  /** Appends `count` agreements, each finalized by both sides (two entries). */
  const appendAgreements = async (count: number) => {
    const inputs = Array.from({ length: count }, (_, i) => anAgreementFinalized(`urn:uuid:a-${i}`, at)).flat();
    await sequencer.append(inputs.map(({ type, subject, actor, payload }) => ({ type, subject, actor, at, payload })));
  };
  const agreements = async () => (await new MetricsQueryStore(database).agreementsPerDay(today)).reduce((t, d) => t + d.count, 0);
  const finalizedEntries = async () => (await new MetricsQueryStore(database).entriesByType(today)).find((t) => t.type === 'agreement.finalized')?.entries;

  it('catches up over several batches to the ledger’s size and counts each agreement once', async () => {
    await appendAgreements(PROJECTION_BATCH); // twice a batch of entries
    const projection = projectionOf(database);
    expect(await projection.catchUp()).toBe(2 * PROJECTION_BATCH);
    expect(await agreements()).toBe(PROJECTION_BATCH);
    // Nothing new: a second catch-up reads nothing and changes nothing.
    expect(await projection.catchUp()).toBe(2 * PROJECTION_BATCH);
    expect(await finalizedEntries()).toBe(2 * PROJECTION_BATCH);
  }, 60_000);

  it('counts every entry once when two replicas catch up at the same time', async () => {
    await appendAgreements(1500);
    // Two operator replicas: separate connection pools on PostgreSQL; on SQLite one process's connection.
    second = kind === 'postgres' ? await openDatabase(testDb.url) : undefined;
    const [a, b] = await Promise.all([projectionOf(database).catchUp(), projectionOf(second ?? database).catchUp()]);
    expect([a, b]).toEqual([3000, 3000]);
    expect(await agreements()).toBe(1500);
    expect(await finalizedEntries()).toBe(3000);
  }, 60_000);
});
