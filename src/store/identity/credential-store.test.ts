import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { aParticipantRecord } from '../../../test/support/participant-fixtures.js';
import { openDatabase, type Database } from '../database.js';
import { ParticipantStore } from '../participants/participant-store.js';
import { CredentialStore } from './credential-store.js';
import { IdentityRegistryStore } from './identity-registry-store.js';

describe.each(databaseKinds)('identity stores on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let credentials: CredentialStore;
  let registry: IdentityRegistryStore;
  const participant = aParticipantRecord({ status: 'approved' });

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    credentials = new CredentialStore(database);
    registry = new IdentityRegistryStore(database);
    await database.transaction((tx) => new ParticipantStore(database).insert(tx, participant, 'h'));
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('draws counter values 0, 1, 2… atomically, also from concurrent transactions', async () => {
    const values = await Promise.all(Array.from({ length: 8 }, () => database.transaction((tx) => credentials.nextCounter(tx, 'status-list-index'))));
    expect(values.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps issued credentials per participant and one status list per purpose', async () => {
    const issued = { id: 'urn:uuid:1', participantId: participant.id, type: 'MembershipCredential', jwt: 'a.b.c', statusIndex: 0, issuedAt: '2026-11-23T00:00:00.000Z', validUntil: '2027-11-23T00:00:00.000Z' };
    await database.transaction((tx) => credentials.insertCredential(tx, issued));
    expect(await credentials.credentialsOf(participant.id)).toEqual([issued]);
    const list = { purpose: 'revocation', bits: new Uint8Array([0x80, 0]), jwt: 'x.y.z', updatedAt: '2026-11-23T00:00:00.000Z' };
    await database.transaction((tx) => credentials.writeStatusList(tx, list));
    await database.transaction((tx) => credentials.writeStatusList(tx, { ...list, bits: new Uint8Array([0xc0, 0]), jwt: 'x.y.2' }));
    expect(await credentials.readStatusList('revocation')).toEqual({ ...list, bits: new Uint8Array([0xc0, 0]), jwt: 'x.y.2' });
  });

  it('uses an enrollment secret once, only for its participant, kind and time', async () => {
    await registry.insertSecret(undefined, 'secret', 'token', participant.id, '2026-11-24T00:00:00.000Z');
    const now = '2026-11-23T00:00:00.000Z';
    expect(await registry.secretValid('secret', 'challenge', participant.id, now)).toBe(false);
    expect(await registry.secretValid('secret', 'token', participant.id, '2026-11-24T00:00:00.000Z')).toBe(false);
    expect(await database.transaction((tx) => registry.consumeSecret(tx, 'secret', 'token', 'p_other', now))).toBe(false);
    expect(await database.transaction((tx) => registry.consumeSecret(tx, 'secret', 'token', participant.id, now))).toBe(true);
    expect(await database.transaction((tx) => registry.consumeSecret(tx, 'secret', 'token', participant.id, now))).toBe(false);
  });

  it('lists trusted issuers, renames on re-add and removes', async () => {
    const issuer = { did: 'did:web:other.example', name: 'Other space', addedAt: '2026-11-23T00:00:00.000Z' };
    expect(await database.transaction((tx) => registry.addTrustedIssuer(tx, issuer))).toBe(true);
    expect(await database.transaction((tx) => registry.addTrustedIssuer(tx, { ...issuer, name: 'Renamed' }))).toBe(false);
    expect(await registry.trustedIssuers()).toEqual([{ ...issuer, name: 'Renamed' }]);
    expect(await database.transaction((tx) => registry.removeTrustedIssuer(tx, issuer.did))).toBe(true);
    expect(await registry.trustedIssuers()).toEqual([]);
  });
});
