import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { aDocumentAuthorization, anEd25519Authorization } from '../../core/sandbox/entity-authorization-fixtures.js';
import { authorizationDigest } from '../../core/sandbox/entity-authorization.js';
import { openDatabase, type Database } from '../database.js';
import { EntityAuthorizationStore } from './entity-authorization-store.js';
import { aSandboxJob } from './sandbox-fixtures.js';
import { SandboxJobStore } from './sandbox-job-store.js';
import { SandboxQueueStore } from './sandbox-queue-store.js';

const A = '91410100MA0000001X';
const B = '91410100MA0000002Y';
const record = (r: ReturnType<typeof anEd25519Authorization>) => ({ record: r, sha256: authorizationDigest(r) });

describe.each(databaseKinds)('entity authorizations and the fair queue on %s', (kind) => {
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

  it('stores a job’s authorizations with it and finds them by job and by entity', async () => {
    const store = new EntityAuthorizationStore(database);
    const first = aSandboxJob();
    const second = aSandboxJob();
    await database.transaction(async (tx) => {
      await jobs.insert(tx, first);
      await store.insert(tx, first.id, [record(anEd25519Authorization(A)), record(aDocumentAuthorization(B))], '2026-12-07T10:00:00.000Z');
    });
    await database.transaction((tx) => store.insert(tx, second.id, [record(anEd25519Authorization(A.toLowerCase()))], '2026-12-07T10:00:01.000Z'));
    const stored = await store.forJob(first.id);
    expect(stored.map((s) => s.record)).toEqual([anEd25519Authorization(A), aDocumentAuthorization(B)]);
    expect(stored[0]!.recordSha256).toBe(authorizationDigest(anEd25519Authorization(A)));
    expect((await store.forEntity(A)).map((s) => s.jobId)).toEqual([first.id, second.id]);
    expect(await store.forJob('no-such-job')).toEqual([]);
  });

  it('writes nothing of the authorizations when the job’s transaction fails', async () => {
    const store = new EntityAuthorizationStore(database);
    const job = aSandboxJob();
    await expect(
      database.transaction(async (tx) => {
        await store.insert(tx, job.id, [record(anEd25519Authorization(A))], '2026-12-07T10:00:00.000Z');
        throw new Error('the ledger entry failed');
      }),
    ).rejects.toThrow('the ledger entry failed');
    expect(await store.forEntity(A)).toEqual([]);
  });

  it('lists queued provider jobs by consumer and age, and keeps each consumer’s last turn', async () => {
    const queue = new SandboxQueueStore(database);
    const a = aSandboxJob({ peerDid: 'did:web:a.example' });
    const b = aSandboxJob({ peerDid: 'did:web:b.example' });
    const done = aSandboxJob({ state: 'succeeded' });
    const mirror = aSandboxJob({ role: 'consumer' });
    await database.transaction(async (tx) => {
      for (const j of [b, a, done, mirror]) await jobs.insert(tx, j);
    });
    expect(await queue.queued()).toEqual([
      { id: a.id, consumer: 'did:web:a.example', createdAt: a.createdAt },
      { id: b.id, consumer: 'did:web:b.example', createdAt: b.createdAt },
    ]);
    expect(await database.transaction((tx) => queue.take(tx, 'did:web:a.example'))).toBe(1);
    expect(await database.transaction((tx) => queue.take(tx, 'did:web:b.example'))).toBe(2);
    expect(await database.transaction((tx) => queue.take(tx, 'did:web:a.example'))).toBe(3);
    expect(await queue.turns()).toEqual(new Map([['did:web:a.example', 3], ['did:web:b.example', 2]]));
  });
});
