import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { openDatabase, type Database } from '../database.js';
import { aSandboxJob } from './sandbox-fixtures.js';
import { SandboxAlgorithmStore } from './sandbox-algorithm-store.js';
import { SandboxJobStore } from './sandbox-job-store.js';

describe.each(databaseKinds)('sandbox stores on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let jobs: SandboxJobStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    jobs = new SandboxJobStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('stores a job and reads back every member', async () => {
    const job = aSandboxJob({ request: { kind: 'sql', sql: 'SELECT 1', privacy: { epsilon: 0.5, bounds: { 用电量: [0, 1000] } } }, epsilon: 0.5 });
    await database.transaction((tx) => jobs.insert(tx, job));
    expect(await jobs.find(job.id)).toEqual(job);
  });

  it('writes a change only over the version it read', async () => {
    const job = aSandboxJob();
    await database.transaction((tx) => jobs.insert(tx, job));
    const running = { ...job, state: 'running' as const, version: 2 };
    await database.transaction((tx) => jobs.update(tx, running));
    await expect(database.transaction((tx) => jobs.update(tx, { ...job, state: 'cancelled', version: 2 }))).rejects.toMatchObject({ code: 'contract.conflict' });
    expect((await jobs.find(job.id))?.state).toBe('running');
  });

  it('queues provider jobs oldest first and lists each side apart', async () => {
    const first = aSandboxJob();
    const second = aSandboxJob();
    const mirror = aSandboxJob({ role: 'consumer' });
    await database.transaction(async (tx) => {
      for (const j of [second, mirror, first]) await jobs.insert(tx, j);
    });
    expect((await jobs.inState('queued', 10)).map((j) => j.id)).toEqual([first.id, second.id]);
    expect((await jobs.list({ role: 'consumer', limit: 10, offset: 0 })).items.map((j) => j.id)).toEqual([mirror.id]);
    expect((await jobs.list({ role: 'provider', state: 'queued', limit: 1, offset: 0 })).total).toBe(2);
    expect(await jobs.pendingOf('did:web:bank.example')).toBe(2);
    expect(await jobs.pendingOf('did:web:other.example')).toBe(0);
  });

  it('charges a budget atomically and never past it', async () => {
    const at = new Date().toISOString();
    expect(await database.transaction((tx) => jobs.charge(tx, 'agreement-1', 0.6, 1, at))).toBe(true);
    expect(await database.transaction((tx) => jobs.charge(tx, 'agreement-1', 0.5, 1, at))).toBe(false);
    expect(await database.transaction((tx) => jobs.charge(tx, 'agreement-1', 0.4, 1, at))).toBe(true);
    expect(await jobs.spent('agreement-1')).toBeCloseTo(1, 9);
    expect(await jobs.spent('agreement-2')).toBe(0);
  });

  it('keeps algorithm versions immutable', async () => {
    const algorithms = new SandboxAlgorithmStore(database);
    const definition = { name: 'credit-score', version: 1, title: { 'zh-CN': '评分', en: 'Score' }, sql: 'SELECT 1', parameters: [], release: 'auto' as const, quasiIdentifiers: [] };
    await database.transaction((tx) => algorithms.register(tx, definition, new Date().toISOString()));
    await database.transaction((tx) => algorithms.register(tx, { ...definition, version: 2 }, new Date().toISOString()));
    await expect(database.transaction((tx) => algorithms.register(tx, definition, new Date().toISOString()))).rejects.toMatchObject({ code: 'sandbox.algorithm-exists' });
    expect((await algorithms.find('credit-score'))?.definition.version).toBe(2);
    expect((await algorithms.find('credit-score', 1))?.definition.version).toBe(1);
    expect(await algorithms.find('nothing')).toBeUndefined();
  });
});
