import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { aParticipantRecord } from '../../../test/support/participant-fixtures.js';
import { DomainError } from '../../core/errors/index.js';
import { openDatabase, type Database } from '../database.js';
import { ParticipantStore } from './participant-store.js';

describe.each(databaseKinds)('ParticipantStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: ParticipantStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new ParticipantStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('stores a participant and reads it back unchanged, and finds it by applicant token', async () => {
    const p = aParticipantRecord({ roles: ['provider', 'serviceProvider'], serviceKinds: ['custody'] });
    await database.transaction((tx) => store.insert(tx, p, 'token-hash'));
    expect(await store.findById(p.id)).toEqual(p);
    expect((await store.findByApplicantTokenHash('token-hash'))?.id).toBe(p.id);
    expect(await store.findById('p_missing')).toBeUndefined();
  });

  it('refuses a second participant with the same USCC and writes nothing', async () => {
    const p = aParticipantRecord();
    await database.transaction((tx) => store.insert(tx, p, 'h1'));
    const twin = aParticipantRecord({ uscc: p.uscc });
    const error = await database.transaction((tx) => store.insert(tx, twin, 'h2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('participant.duplicate-uscc');
    expect(await store.findById(twin.id)).toBeUndefined();
  });

  it('updates only from the version it read, so a concurrent change loses cleanly', async () => {
    const p = aParticipantRecord();
    await database.transaction((tx) => store.insert(tx, p, 'h'));
    await database.transaction((tx) => store.update(tx, { ...p, status: 'under_review', version: 2 }));
    const stale = await database.transaction((tx) => store.update(tx, { ...p, status: 'revoked', version: 2 })).catch((e: unknown) => e);
    expect((stale as DomainError).code).toBe('participant.transition-invalid');
    expect((await store.findById(p.id))?.status).toBe('under_review');
  });

  it('filters by status, role, region prefix and keyword, newest first, with a total', async () => {
    const a = aParticipantRecord({ name: '甲电力公司', roles: ['provider'], region: '410100' });
    const b = aParticipantRecord({ name: '乙银行', roles: ['consumer'], region: '410200', status: 'approved' });
    const c = aParticipantRecord({ name: 'Acme Data', roles: ['consumer', 'provider'], region: '110000' });
    for (const p of [a, b, c]) await database.transaction((tx) => store.insert(tx, p, `h-${p.id}`));
    const ids = async (filter: object) => (await store.list({ offset: 0, limit: 10, ...filter })).items.map((p) => p.id);
    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ status: 'approved' })).toEqual([b.id]);
    expect(await ids({ role: 'provider' })).toEqual([c.id, a.id]);
    expect(await ids({ region: '410000' })).toEqual([b.id, a.id]);
    expect(await ids({ q: 'acme' })).toEqual([c.id]);
    expect(await ids({ q: b.uscc.slice(0, 10).toLowerCase() })).toContain(b.id);
    expect(await store.list({ offset: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ id: b.id }] });
  });

  it('keeps the review history in order and documents by hash, stored once', async () => {
    const p = aParticipantRecord();
    const q = aParticipantRecord();
    const doc = { kind: 'business-licence', name: 'licence.pdf', mediaType: 'application/pdf', size: 3, sha256: 'ab'.repeat(32) };
    await database.transaction(async (tx) => {
      await store.insert(tx, p, 'h1');
      await store.insert(tx, q, 'h2');
      await store.addDocument(tx, p.id, doc, new Uint8Array([1, 2, 3]));
      await store.addDocument(tx, q.id, doc, new Uint8Array([1, 2, 3]));
      await store.addEvent(tx, p.id, { action: 'apply', from: null, to: 'submitted', actor: 'applicant', reason: null, evidenceHash: 'sha256:1', at: p.createdAt });
      await store.addEvent(tx, p.id, { action: 'start-review', from: 'submitted', to: 'under_review', actor: 'user:u1', reason: 'ok', evidenceHash: 'sha256:2', at: p.createdAt });
    });
    expect((await store.history(p.id)).map((e) => e.action)).toEqual(['apply', 'start-review']);
    expect(await store.documents(q.id)).toEqual([doc]);
    const blobs = await database.db.selectFrom('document_blob').selectAll().execute();
    expect(blobs).toHaveLength(1);
  });
});
