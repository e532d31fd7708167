import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import type { AgreementRecord, AgreementStatus } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import { openDatabase, type Database } from '../database.js';
import { AgreementStore } from './agreement-store.js';
import { anAgreementPolicy, anAgreementRecord, at, CONSUMER_DID } from './contract-fixtures.js';

/** Resolves for everyone once `n` callers have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) release();
    return all;
  };
}

describe.each(databaseKinds)('AgreementStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: AgreementStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new AgreementStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  const insert = (...records: AgreementRecord[]) =>
    database.transaction(async (tx) => {
      for (const r of records) await store.insert(tx, r);
    });
  const usesOf = async (id: string) => (await store.find(id))?.uses;

  it('reads back a pending agreement with its optional fields absent', async () => {
    const a = anAgreementRecord({ status: 'pending' });
    await insert(a);
    const found = await store.find(a.id);
    expect(found).toStrictEqual(a);
    for (const key of ['consumerParticipant', 'assetId', 'providerSignature', 'consumerSignature', 'purpose', 'statusReason', 'finalizedAt']) {
      expect(found).not.toHaveProperty(key);
    }
  });

  it('reads back every field of a finalized agreement, the policy JSON included', async () => {
    const id = 'urn:uuid:agreement-full';
    const a = anAgreementRecord({
      id,
      role: 'consumer',
      consumerParticipant: 'p_bank',
      assetId: 'asset-load-curves',
      policy: anAgreementPolicy(id, { prohibition: [{ action: 'distribute' }], obligation: [{ action: 'delete', constraint: [{ leftOperand: 'elapsedTime', operator: 'eq', rightOperand: { '@value': 'P30D', '@type': 'xsd:duration' } }] }] }),
      providerSignature: 'eyJ.provider.sig',
      consumerSignature: 'eyJ.consumer.sig',
      purpose: '信贷风控',
      status: 'revoked',
      statusReason: 'the provider revoked it',
      uses: 7,
      finalizedAt: at(10),
      version: 5,
      createdAt: at(0),
      updatedAt: at(20),
    });
    await insert(a);
    expect(await store.find(a.id)).toStrictEqual(a);
    expect(await store.find('urn:uuid:unknown')).toBeUndefined();
  });

  it('refuses a second agreement for the same negotiation', async () => {
    const a = anAgreementRecord();
    await insert(a);
    await expect(insert(anAgreementRecord({ negotiationId: a.negotiationId }))).rejects.toThrow();
  });

  it('updates from the version it read and refuses a stale version with contract.conflict, writing nothing', async () => {
    const a = anAgreementRecord({ status: 'pending' });
    await insert(a);
    const active = { ...a, status: 'active' as const, consumerSignature: 'sig', finalizedAt: at(5), version: 2, updatedAt: at(5) };
    await database.transaction((tx) => store.update(tx, active));
    expect(await store.find(a.id)).toStrictEqual(active);

    const stale = { ...a, status: 'terminated' as const, statusReason: 'late', version: 2 };
    const error = await database.transaction((tx) => store.update(tx, stale)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('contract.conflict');
    expect(await store.find(a.id)).toStrictEqual(active);
  });

  it('leaves the use count alone on update, so a state change cannot undo counted uses', async () => {
    const a = anAgreementRecord();
    await insert(a);
    await database.transaction((tx) => store.countUse(tx, a.id, undefined));
    await database.transaction((tx) => store.update(tx, { ...a, statusReason: 'noted', uses: 0, version: 2 }));
    expect(await store.find(a.id)).toMatchObject({ statusReason: 'noted', uses: 1, version: 2 });
  });

  it('lists by role and status, most recently changed first, with the total of the filter and paging', async () => {
    const a = anAgreementRecord({ role: 'provider', status: 'active', updatedAt: at(1) });
    const b = anAgreementRecord({ role: 'consumer', status: 'active', updatedAt: at(2) });
    const c = anAgreementRecord({ role: 'provider', status: 'revoked', updatedAt: at(3) });
    await insert(a, b, c);
    const page = async (query: { role?: 'provider' | 'consumer'; status?: AgreementStatus; limit?: number; offset?: number }) => {
      const { items, total } = await store.list({ limit: 10, offset: 0, ...query });
      return { ids: items.map((r) => r.id), total };
    };
    expect(await page({})).toEqual({ ids: [c.id, b.id, a.id], total: 3 });
    expect(await page({ role: 'provider' })).toEqual({ ids: [c.id, a.id], total: 2 });
    expect(await page({ status: 'active' })).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await page({ role: 'consumer', status: 'revoked' })).toEqual({ ids: [], total: 0 });
    expect(await page({ limit: 1, offset: 1 })).toEqual({ ids: [b.id], total: 3 });
    expect((await store.list({ limit: 10, offset: 0, status: 'revoked' })).items[0]).toStrictEqual(c);
  });

  it('finds the active agreements with a consumer, not its revoked ones nor other consumers', async () => {
    const active = anAgreementRecord();
    const alsoActive = anAgreementRecord();
    const revoked = anAgreementRecord({ status: 'revoked' });
    const pending = anAgreementRecord({ status: 'pending' });
    const someoneElse = anAgreementRecord({ consumerDid: 'did:web:other.example.cn' });
    await insert(active, alsoActive, revoked, pending, someoneElse);
    const found = await store.activeWith(CONSUMER_DID);
    expect(found.map((r) => r.id).sort()).toEqual([active.id, alsoActive.id].sort());
    expect(found.find((r) => r.id === active.id)).toStrictEqual(active);
    expect(await store.activeWith('did:web:nobody.example.cn')).toEqual([]);
  });

  describe('countUse', () => {
    it('counts each use and answers the uses so far, without a limit', async () => {
      const a = anAgreementRecord();
      await insert(a);
      expect(await database.transaction((tx) => store.countUse(tx, a.id, undefined))).toBe(1);
      expect(await database.transaction((tx) => store.countUse(tx, a.id, undefined))).toBe(2);
      expect(await usesOf(a.id)).toBe(2);
    });

    it('counts up to the limit and then answers undefined without counting', async () => {
      const a = anAgreementRecord();
      await insert(a);
      const count = () => database.transaction((tx) => store.countUse(tx, a.id, 2));
      expect(await count()).toBe(1);
      expect(await count()).toBe(2);
      expect(await count()).toBeUndefined();
      expect(await usesOf(a.id)).toBe(2);
    });

    it('answers undefined for an unknown agreement', async () => {
      expect(await database.transaction((tx) => store.countUse(tx, 'urn:uuid:unknown', undefined))).toBeUndefined();
    });

    it('gives exactly two of three concurrent uses under a limit of 2', async () => {
      const a = anAgreementRecord();
      await insert(a);
      // On PostgreSQL all three transactions are open before any counts; SQLite serializes them
      // (one connection), so waiting there for the others would never end.
      const allOpen = kind === 'postgres' ? barrier(3) : () => Promise.resolve();
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          database.transaction(async (tx) => {
            await allOpen();
            const uses = await store.countUse(tx, a.id, 2);
            // Hold the transaction open a little, so that on PostgreSQL the others really overlap it.
            await new Promise((resolve) => setTimeout(resolve, 20));
            return uses;
          }),
        ),
      );
      expect(results.filter((u) => u !== undefined).sort()).toEqual([1, 2]);
      expect(results.filter((u) => u === undefined)).toHaveLength(1);
      expect(await usesOf(a.id)).toBe(2);
    });

    it('gives back the use when its transaction rolls back', async () => {
      const a = anAgreementRecord({ uses: 1 });
      await insert(a);
      await expect(
        database.transaction(async (tx) => {
          expect(await store.countUse(tx, a.id, 2)).toBe(2);
          throw new Error('the download failed before it started');
        }),
      ).rejects.toThrow('the download failed');
      expect(await usesOf(a.id)).toBe(1);
      expect(await database.transaction((tx) => store.countUse(tx, a.id, 2))).toBe(2);
    });
  });
});
