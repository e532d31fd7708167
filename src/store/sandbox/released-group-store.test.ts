import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import type { AuditedQuery } from '../../core/sandbox/query-set-audit.js';
import { openDatabase, type Database } from '../database.js';
import { ReleasedGroupStore } from './released-group-store.js';

const aQuery = (jobId: string, view = '企业用电数据', groups = 3, size = 4): AuditedQuery => ({
  jobId,
  view,
  groups: Array.from({ length: groups }, (_, g) => ({
    rows: Uint32Array.from({ length: size }, (_, i) => g * size + i),
    subjects: Uint32Array.from({ length: size }, (_, i) => 4_000_000_000 + g * 10 + (i % 2)),
  })),
});

describe.each(databaseKinds)('the query-set audit memory on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: ReleasedGroupStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new ReleasedGroupStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('reads back every released group’s rows and fingerprints, per agreement and view, oldest job first', async () => {
    const first = aQuery('job-1');
    const second = aQuery('job-2', '企业用电数据', 2, 3);
    await database.transaction((tx) => store.record(tx, 'agreement-1', first, '2026-12-07T00:00:00.000Z'));
    await database.transaction((tx) => store.record(tx, 'agreement-1', second, '2026-12-07T00:00:01.000Z'));
    await database.transaction((tx) => store.record(tx, 'agreement-2', aQuery('job-3'), '2026-12-07T00:00:02.000Z'));
    await database.transaction((tx) => store.record(tx, 'agreement-1', aQuery('job-4', '其他视图'), '2026-12-07T00:00:03.000Z'));
    expect(await store.released('agreement-1', '企业用电数据')).toEqual([first, second]);
    expect(await store.released('agreement-3', '企业用电数据')).toEqual([]);
  });

  it('writes a job’s groups in its transaction only: a rolled-back release leaves nothing', async () => {
    await expect(
      database.transaction(async (tx) => {
        await store.record(tx, 'agreement-1', aQuery('job-1'), '2026-12-07T00:00:00.000Z');
        throw new Error('the release failed');
      }),
    ).rejects.toThrow('the release failed');
    expect(await store.released('agreement-1', '企业用电数据')).toEqual([]);
  });

  it('stores a query of thousands of groups (more than one INSERT) and keeps it once when recorded twice', async () => {
    const big = aQuery('job-big', '企业用电数据', 2_500, 2);
    await database.transaction((tx) => store.record(tx, 'agreement-1', big, '2026-12-07T00:00:00.000Z'));
    await database.transaction((tx) => store.record(tx, 'agreement-1', big, '2026-12-07T00:00:00.000Z'));
    const [read] = await store.released('agreement-1', '企业用电数据');
    expect(read?.groups.length).toBe(2_500);
    expect(read).toEqual(big);
  });
});
