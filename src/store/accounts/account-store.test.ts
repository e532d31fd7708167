import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { DomainError } from '../../core/errors/index.js';
import { openDatabase, type Database } from '../database.js';
import { AccountStore, type UserAccount } from './account-store.js';

let serial = 0;
function aUser(overrides: Partial<UserAccount> = {}): UserAccount {
  serial += 1;
  return {
    id: `u_${serial}`,
    username: `user${serial}`,
    displayName: `User ${serial}`,
    passwordHash: 'scrypt$…',
    kind: 'operator',
    participantId: null,
    roles: ['reviewer'],
    totpSecretCipher: null,
    totpEnabled: false,
    totpLastStep: null,
    disabled: false,
    createdAt: '2026-11-23T00:00:00.000Z',
    ...overrides,
  };
}

describe.each(databaseKinds)('AccountStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: AccountStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new AccountStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('stores users with unique usernames', async () => {
    const user = aUser();
    await store.insertUser(undefined, user);
    expect(await store.findUserByUsername(user.username)).toEqual(user);
    const error = await store.insertUser(undefined, aUser({ username: user.username })).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('account.username-taken');
  });

  it('finds a session user only before the session expires, and forgets deleted sessions', async () => {
    const user = aUser();
    await store.insertUser(undefined, user);
    await store.insertSession('h1', user.id, '2026-11-23T00:00:00.000Z', '2026-11-23T08:00:00.000Z');
    expect((await store.findSessionUser('h1', '2026-11-23T07:59:59.999Z'))?.id).toBe(user.id);
    expect(await store.findSessionUser('h1', '2026-11-23T08:00:00.000Z')).toBeUndefined();
    await store.deleteSession('h1');
    expect(await store.findSessionUser('h1', '2026-11-23T01:00:00.000Z')).toBeUndefined();
  });

  it('remembers the TOTP step of a successful login', async () => {
    const user = aUser();
    await store.insertUser(undefined, user);
    await store.recordTotpStep(user.id, 59_000_000);
    expect(await store.findUserById(user.id)).toMatchObject({ totpLastStep: 59_000_000 });
  });

  it('finds a username whatever its case, and refuses one that differs from a taken one only in case', async () => {
    const user = aUser({ username: 'Zhang.Wei' });
    await store.insertUser(undefined, user);
    expect((await store.findUserByUsername('zhang.wei'))?.id).toBe(user.id);
    expect((await store.findUserByUsername('ZHANG.WEI'))?.id).toBe(user.id);
    const error = await store.insertUser(undefined, aUser({ username: 'zhang.WEI' })).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('account.username-taken');
  });

  it('finds API keys by hash until revoked, and revokes only within the owner scope', async () => {
    const key = { id: 'k1', label: 'etl', participantId: null, roles: ['auditor'], createdBy: 'user:u1', createdAt: '2026-11-23T00:00:00.000Z', revokedAt: null };
    await store.insertApiKey(undefined, key, 'key-hash');
    expect(await store.findApiKeyByHash('key-hash')).toEqual(key);
    expect(await database.transaction((tx) => store.revokeApiKey(tx, 'k1', 'p_other', '2026-11-23T01:00:00.000Z'))).toBe(false);
    expect(await database.transaction((tx) => store.revokeApiKey(tx, 'k1', null, '2026-11-23T01:00:00.000Z'))).toBe(true);
    expect(await store.findApiKeyByHash('key-hash')).toBeUndefined();
    expect((await store.listApiKeys(null))[0]?.revokedAt).toBe('2026-11-23T01:00:00.000Z');
  });
});
