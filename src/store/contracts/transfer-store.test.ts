import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import type { TransferRecord } from '../../core/contracts/contract-records.js';
import type { TransferState } from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import { openDatabase, type Database } from '../database.js';
import { aDeliveryTask, aTransferRecord, at, CONSUMER_DID } from './contract-fixtures.js';
import { TransferStore } from './transfer-store.js';

describe.each(databaseKinds)('TransferStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: TransferStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new TransferStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  const insert = (...records: TransferRecord[]) =>
    database.transaction(async (tx) => {
      for (const r of records) await store.insert(tx, r);
    });

  it('reads back a new transfer with its optional fields absent', async () => {
    const t = aTransferRecord();
    await insert(t);
    const found = await store.find(t.id);
    expect(found).toStrictEqual(t);
    for (const key of ['peerPid', 'state', 'lastFingerprint', 'outbox', 'nextAttemptAt', 'reason', 'dataAddressCipher', 'tokenDigest', 'tokenExpiresAt', 'content', 'peerIdentity']) {
      expect(found).not.toHaveProperty(key);
    }
    expect(await store.find('urn:uuid:unknown')).toBeUndefined();
  });

  it('reads back every field of a started transfer, JSON columns included', async () => {
    const t = aTransferRecord({
      peerPid: 'urn:uuid:consumer-pid',
      state: 'STARTED',
      lastFingerprint: 'fp-start',
      outbox: aDeliveryTask({ kind: 'TransferStartMessage', message: {}, sealed: 'sm4gcm:edr', next: 'STARTED' }),
      attempts: 2,
      nextAttemptAt: at(4),
      reason: { status: 503 },
      dataAddressCipher: 'sm4gcm:address',
      tokenDigest: 'a'.repeat(64),
      tokenExpiresAt: at(600),
      content: { sha256: 'b'.repeat(64), sm3: 'c'.repeat(64), bytes: 5_000_000_000, mediaType: 'text/csv', watermarked: true },
      peerIdentity: {
        party: { did: CONSUMER_DID, participantId: 'p_bank', roles: ['consumer'], legalEntity: { region: '410105', industry: 'J66' } },
        credentials: ['eyJ.membership.jwt', 'eyJ.industry.jwt'],
      },
      version: 3,
      updatedAt: at(3),
    });
    await insert(t);
    expect(await store.find(t.id)).toStrictEqual(t);
  });

  it('updates from the version it read and refuses a stale version with contract.conflict, writing nothing', async () => {
    const t = aTransferRecord({ state: 'REQUESTED' });
    await insert(t);
    const started = { ...t, state: 'STARTED' as const, tokenDigest: 'd1', version: 2, updatedAt: at(1) };
    await database.transaction((tx) => store.update(tx, started));
    expect(await store.find(t.id)).toStrictEqual(started);

    const stale = { ...t, state: 'TERMINATED' as const, version: 2 };
    const error = await database.transaction((tx) => store.update(tx, stale)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('contract.conflict');
    expect(await store.find(t.id)).toStrictEqual(started);
  });

  it('finds a transfer by the digest of its current EDR token only', async () => {
    const t = aTransferRecord({ state: 'STARTED', tokenDigest: 'digest-1', tokenExpiresAt: at(600) });
    await insert(t, aTransferRecord({ tokenDigest: 'digest-2' }), aTransferRecord());
    expect(await store.findByTokenDigest('digest-1')).toStrictEqual(t);
    expect(await store.findByTokenDigest('digest-unknown')).toBeUndefined();

    // A new token replaces the old one: the old digest no longer finds the transfer.
    await database.transaction((tx) => store.update(tx, { ...t, tokenDigest: 'digest-3', version: 2 }));
    expect(await store.findByTokenDigest('digest-1')).toBeUndefined();
    expect((await store.findByTokenDigest('digest-3'))?.id).toBe(t.id);
  });

  it('refuses two transfers with the same token digest', async () => {
    await insert(aTransferRecord({ tokenDigest: 'same' }));
    await expect(insert(aTransferRecord({ tokenDigest: 'same' }))).rejects.toThrow();
  });

  it('records the delivered content without a version check or a version change', async () => {
    const t = aTransferRecord({ state: 'STARTED', version: 4 });
    await insert(t);
    await store.setContent(t.id, { sha256: 'e'.repeat(64), bytes: 12, mediaType: 'application/json' });
    expect(await store.find(t.id)).toStrictEqual({ ...t, content: { sha256: 'e'.repeat(64), bytes: 12, mediaType: 'application/json' } });
    await store.setContent(t.id, { sha256: 'f'.repeat(64), sm3: '0'.repeat(64), bytes: 13, mediaType: 'text/csv', watermarked: true });
    expect((await store.find(t.id))?.content).toEqual({ sha256: 'f'.repeat(64), sm3: '0'.repeat(64), bytes: 13, mediaType: 'text/csv', watermarked: true });
    expect((await store.find(t.id))?.version).toBe(4);
    await store.setContent('urn:uuid:unknown', { sha256: 'x', bytes: 0, mediaType: 'text/plain' });
    expect(await store.find('urn:uuid:unknown')).toBeUndefined();
  });

  it('lists the open transfers of an agreement: requested, started and suspended ones', async () => {
    const agreementId = 'urn:uuid:agreement-open';
    const of = (state: TransferState | undefined) => aTransferRecord({ agreementId, ...(state ? { state } : {}) });
    const open = [of('REQUESTED'), of('STARTED'), of('SUSPENDED')];
    const closed = [of('COMPLETED'), of('TERMINATED'), of(undefined)];
    await insert(...open, ...closed, aTransferRecord({ state: 'STARTED' }));
    expect((await store.openFor(agreementId)).map((t) => t.id).sort()).toEqual(open.map((t) => t.id).sort());
    expect(await store.openFor('urn:uuid:no-transfers')).toEqual([]);

    const late = of('STARTED');
    await database.transaction(async (tx) => {
      await store.insert(tx, late);
      expect((await store.openFor(agreementId, tx)).map((t) => t.id)).toContain(late.id);
    });
  });

  it('hands out as due only transfers with a message whose next attempt has come, soonest first, up to the limit', async () => {
    const later = aTransferRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(20) });
    const soonest = aTransferRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(10) });
    const future = aTransferRecord({ outbox: aDeliveryTask(), nextAttemptAt: at(31) });
    const nothingToSend = aTransferRecord({ nextAttemptAt: at(0) });
    await insert(later, soonest, future, nothingToSend);
    expect((await store.due(at(30), 10)).map((t) => t.id)).toEqual([soonest.id, later.id]);
    expect(await store.due(at(30), 1)).toStrictEqual([soonest]);
  });

  it('lists by role, state and agreement, most recently changed first, with the total of the filter and paging', async () => {
    const a = aTransferRecord({ role: 'provider', state: 'STARTED', agreementId: 'ag-1', updatedAt: at(1) });
    const b = aTransferRecord({ role: 'consumer', state: 'STARTED', agreementId: 'ag-1', updatedAt: at(2) });
    const c = aTransferRecord({ role: 'provider', state: 'COMPLETED', agreementId: 'ag-2', updatedAt: at(3) });
    await insert(a, b, c);
    const page = async (query: { role?: 'provider' | 'consumer'; state?: string; agreementId?: string; limit?: number; offset?: number }) => {
      const { items, total } = await store.list({ limit: 10, offset: 0, ...query });
      return { ids: items.map((r) => r.id), total };
    };
    expect(await page({})).toEqual({ ids: [c.id, b.id, a.id], total: 3 });
    expect(await page({ role: 'provider' })).toEqual({ ids: [c.id, a.id], total: 2 });
    expect(await page({ state: 'STARTED' })).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await page({ agreementId: 'ag-1' })).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await page({ agreementId: 'ag-1', role: 'provider', state: 'STARTED' })).toEqual({ ids: [a.id], total: 1 });
    expect(await page({ agreementId: 'ag-1', limit: 1, offset: 1 })).toEqual({ ids: [a.id], total: 2 });
  });
});
