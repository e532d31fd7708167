import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import type { NegotiationRecord } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import { openDatabase, type Database } from '../database.js';
import { aDeliveryTask, aNegotiationRecord, at } from './contract-fixtures.js';
import { NegotiationStore } from './negotiation-store.js';

describe.each(databaseKinds)('NegotiationStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: NegotiationStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new NegotiationStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  const insert = (...records: NegotiationRecord[]) =>
    database.transaction(async (tx) => {
      for (const r of records) await store.insert(tx, r);
    });

  it('reads back a new negotiation with its optional fields absent, not undefined or null', async () => {
    const n = aNegotiationRecord();
    await insert(n);
    const found = await store.find(n.id);
    expect(found).toStrictEqual(n);
    for (const key of ['peerPid', 'peerParticipant', 'state', 'lastFingerprint', 'outbox', 'nextAttemptAt', 'reason', 'purpose', 'agreementId']) {
      expect(found).not.toHaveProperty(key);
    }
  });

  it('reads back every field of a negotiation in flight, JSON columns included', async () => {
    const n = aNegotiationRecord({
      role: 'provider',
      peerPid: 'urn:uuid:consumer-pid',
      peerParticipant: 'p_bank',
      state: 'AGREED',
      lastFingerprint: 'fp-agreed',
      outbox: aDeliveryTask({ kind: 'ContractAgreementMessage', message: {}, sealed: 'sm4gcm:cipher', next: 'AGREED' }),
      attempts: 3,
      nextAttemptAt: at(30),
      reason: ['对方无响应', { code: 'timeout', detail: 'no answer' }],
      purpose: 'credit-risk',
      agreementId: 'urn:uuid:agreement-1',
      offer: { '@id': 'urn:uuid:offer-x', '@type': 'Offer', target: 'urn:x', permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: '风控' }] }] },
      version: 4,
      createdAt: at(0),
      updatedAt: at(20),
    });
    await insert(n);
    expect(await store.find(n.id)).toStrictEqual(n);
  });

  it('finds inside a transaction what that transaction wrote, and nothing for an unknown id', async () => {
    const n = aNegotiationRecord();
    await database.transaction(async (tx) => {
      await store.insert(tx, n);
      expect((await store.find(n.id, tx))?.id).toBe(n.id);
    });
    expect(await store.find('urn:uuid:unknown')).toBeUndefined();
  });

  it('updates from the version it read and refuses a stale version with contract.conflict, writing nothing', async () => {
    const n = aNegotiationRecord();
    await insert(n);
    const requested = { ...n, state: 'REQUESTED' as const, peerPid: 'urn:uuid:p-1', version: 2, updatedAt: at(1) };
    await database.transaction((tx) => store.update(tx, requested));
    expect(await store.find(n.id)).toStrictEqual(requested);

    const stale = { ...n, state: 'TERMINATED' as const, reason: ['late'], version: 2, updatedAt: at(2) };
    const error = await database.transaction((tx) => store.update(tx, stale)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('contract.conflict');
    expect(await store.find(n.id)).toStrictEqual(requested);
  });

  it('refuses to update a negotiation that does not exist', async () => {
    const error = await database.transaction((tx) => store.update(tx, aNegotiationRecord({ version: 2 }))).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('contract.conflict');
  });

  it('clears optional fields on update when the next record leaves them out', async () => {
    const n = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(5), reason: ['x'], purpose: 'p' });
    await insert(n);
    const { outbox: _o, nextAttemptAt: _n, reason: _r, purpose: _p, ...rest } = n;
    const cleared = { ...rest, version: 2 };
    await database.transaction((tx) => store.update(tx, cleared));
    expect(await store.find(n.id)).toStrictEqual(cleared);
  });

  it('hands out as due only negotiations with a message whose next attempt has come, soonest first, up to the limit', async () => {
    const later = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(50) });
    const soonest = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(10) });
    const exactlyNow = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(60) });
    const future = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(61) });
    const nothingToSend = aNegotiationRecord({ nextAttemptAt: at(0) });
    const neverScheduled = aNegotiationRecord({ outbox: aDeliveryTask() });
    await insert(later, soonest, exactlyNow, future, nothingToSend, neverScheduled);

    const ids = async (limit: number) => (await store.due(at(60), limit)).map((r) => r.id);
    expect(await ids(10)).toEqual([soonest.id, later.id, exactlyNow.id]);
    expect(await ids(2)).toEqual([soonest.id, later.id]);
    expect((await store.due(at(60), 1))[0]).toStrictEqual(soonest);
  });

  it('no longer hands out a negotiation once its outbox is cleared', async () => {
    const n = aNegotiationRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(0) });
    await insert(n);
    expect(await store.due(at(1), 10)).toHaveLength(1);
    const { outbox: _o, nextAttemptAt: _n, ...delivered } = n;
    await database.transaction((tx) => store.update(tx, { ...delivered, state: 'REQUESTED', version: 2 }));
    expect(await store.due(at(1), 10)).toEqual([]);
  });

  it('lists by role and state, most recently changed first, with the total of the filter and paging', async () => {
    const a = aNegotiationRecord({ role: 'consumer', state: 'REQUESTED', updatedAt: at(1) });
    const b = aNegotiationRecord({ role: 'provider', state: 'REQUESTED', updatedAt: at(2) });
    const c = aNegotiationRecord({ role: 'consumer', state: 'FINALIZED', updatedAt: at(3) });
    const d = aNegotiationRecord({ role: 'consumer', updatedAt: at(4) });
    await insert(a, b, c, d);

    const page = async (query: { role?: 'provider' | 'consumer'; state?: string; limit?: number; offset?: number }) => {
      const { items, total } = await store.list({ limit: 10, offset: 0, ...query });
      return { ids: items.map((r) => r.id), total };
    };
    expect(await page({})).toEqual({ ids: [d.id, c.id, b.id, a.id], total: 4 });
    expect(await page({ role: 'consumer' })).toEqual({ ids: [d.id, c.id, a.id], total: 3 });
    expect(await page({ state: 'REQUESTED' })).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await page({ role: 'consumer', state: 'REQUESTED' })).toEqual({ ids: [a.id], total: 1 });
    expect(await page({ limit: 2, offset: 1 })).toEqual({ ids: [c.id, b.id], total: 4 });
    expect(await page({ role: 'provider', offset: 5 })).toEqual({ ids: [], total: 1 });
    expect((await store.list({ limit: 10, offset: 0, role: 'provider' })).items[0]).toStrictEqual(b);
  });

  it('breaks ties of the same change time by id', async () => {
    const second = aNegotiationRecord({ id: 'urn:uuid:b', updatedAt: at(1) });
    const first = aNegotiationRecord({ id: 'urn:uuid:a', updatedAt: at(1) });
    await insert(second, first);
    expect((await store.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['urn:uuid:a', 'urn:uuid:b']);
  });
});
