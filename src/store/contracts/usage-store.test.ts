import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import type { AccessRecord, ReceivedRecord } from '../../core/contracts/contract-records.js';
import { openDatabase, type Database } from '../database.js';
import { anAccessRecord, aReceivedRecord, at } from './contract-fixtures.js';
import { UsageStore } from './usage-store.js';

describe.each(databaseKinds)('UsageStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: UsageStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new UsageStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  const recordAccesses = (...records: AccessRecord[]) =>
    database.transaction(async (tx) => {
      for (const r of records) await store.recordAccess(tx, r);
    });
  const recordReceived = (...records: ReceivedRecord[]) =>
    database.transaction(async (tx) => {
      for (const r of records) await store.recordReceived(tx, r);
    });

  describe('accesses (provider side)', () => {
    it('reads back an access with and without a detail, byte counts beyond 32 bits included', async () => {
      const plain = anAccessRecord({ at: at(1) });
      const detailed = anAccessRecord({ kind: 'api-call', outcome: 'refused', bytes: 6_000_000_000, detail: '超出调用次数', at: at(2) });
      await recordAccesses(plain, detailed);
      const found = await store.accesses(plain.agreementId);
      expect(found).toStrictEqual([detailed, plain]);
      expect(found[1]).not.toHaveProperty('detail');
    });

    it('lists only the agreement asked for, newest first, up to the limit', async () => {
      const old = anAccessRecord({ at: at(1) });
      const newer = anAccessRecord({ at: at(3) });
      const middle = anAccessRecord({ at: at(2) });
      const other = anAccessRecord({ agreementId: 'urn:uuid:other', at: at(4) });
      await recordAccesses(old, newer, middle, other);
      expect((await store.accesses(old.agreementId)).map((a) => a.id)).toEqual([newer.id, middle.id, old.id]);
      expect((await store.accesses(old.agreementId, 2)).map((a) => a.id)).toEqual([newer.id, middle.id]);
      expect(await store.accesses('urn:uuid:none')).toEqual([]);
    });

    it('counts the allowed accesses of an agreement since a time, that time included', async () => {
      await recordAccesses(
        anAccessRecord({ at: at(9) }),
        anAccessRecord({ at: at(10) }),
        anAccessRecord({ at: at(11) }),
        anAccessRecord({ at: at(12), outcome: 'refused' }),
        anAccessRecord({ at: at(12), outcome: 'completed' }),
        anAccessRecord({ at: at(12), agreementId: 'urn:uuid:other' }),
      );
      expect(await store.allowedSince(anAccessRecord().agreementId, at(10))).toBe(2);
      expect(await store.allowedSince(anAccessRecord().agreementId, at(13))).toBe(0);
      expect(await store.allowedSince('urn:uuid:other', at(0))).toBe(1);
    });

    it('records nothing when the transaction of the access rolls back', async () => {
      const a = anAccessRecord();
      await expect(
        database.transaction(async (tx) => {
          await store.recordAccess(tx, a);
          throw new Error('stream failed');
        }),
      ).rejects.toThrow('stream failed');
      expect(await store.accesses(a.agreementId)).toEqual([]);
    });
  });

  describe('received data (consumer side)', () => {
    it('reads back what arrived by id, by content hash and by agreement', async () => {
      const r = aReceivedRecord({ bytes: 7_000_000_000 });
      await recordReceived(r);
      expect(await store.receivedById(r.id)).toStrictEqual(r);
      expect(await store.receivedById('received-unknown')).toBeUndefined();
      expect(await store.receivedBySha256(r.sha256)).toStrictEqual([r]);
      expect(await store.receivedBySha256('0'.repeat(64))).toEqual([]);
      expect(await store.received(r.agreementId)).toStrictEqual([r]);
    });

    it('finds every arrival of the same content, under whichever agreement it came', async () => {
      const sha256 = '1'.repeat(64);
      const first = aReceivedRecord({ sha256, agreementId: 'urn:uuid:ag-1' });
      const again = aReceivedRecord({ sha256, agreementId: 'urn:uuid:ag-2' });
      await recordReceived(first, again, aReceivedRecord());
      expect((await store.receivedBySha256(sha256)).map((r) => r.id).sort()).toEqual([first.id, again.id].sort());
    });

    it('lists arrivals newest first, all of them or those of one agreement', async () => {
      const a = aReceivedRecord({ agreementId: 'urn:uuid:ag-1', receivedAt: at(1) });
      const b = aReceivedRecord({ agreementId: 'urn:uuid:ag-2', receivedAt: at(2) });
      const c = aReceivedRecord({ agreementId: 'urn:uuid:ag-1', receivedAt: at(3) });
      await recordReceived(a, b, c);
      expect((await store.received()).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
      expect((await store.received('urn:uuid:ag-1')).map((r) => r.id)).toEqual([c.id, a.id]);
      expect(await store.received('urn:uuid:none')).toEqual([]);
    });
  });
});
