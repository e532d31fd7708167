import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../crypto/signing-key.js';
import { StatusList } from './status-list.js';
import { NOW, at, aHolder, RECEIVER, aReceiver, twoSpaces } from './fixtures/identity-spaces.js';

// The credentials, status lists and presentations an identity token carries, across two in-memory spaces.

describe('credentials a token presents', () => {
  it('refuses credentials of an untrusted space until its operator is trusted (identity mutual recognition), and again once it is not', async () => {
    const { network, spaceA, spaceB, receiver } = await twoSpaces();
    const visitor = await aHolder(network, spaceB, { algorithm: 'SM2' });
    expect([...receiver.issuers]).toEqual([spaceA.did]);
    expect(await receiver.reasonOf(visitor.token(RECEIVER))).toBe('credential.untrusted-issuer');
    receiver.issuers.add(spaceB.did);
    const result = await receiver.verify(visitor.token(RECEIVER));
    expect(result.ok && result.holder.issuer).toBe(spaceB.did);
    receiver.issuers.delete(spaceB.did);
    expect(await receiver.reasonOf(visitor.token(RECEIVER))).toBe('credential.untrusted-issuer');
  });

  it('recognises across spaces in both directions: a node of B trusting A accepts A’s connectors', async () => {
    const { network, spaceA, spaceB } = await twoSpaces();
    const inB = aReceiver(network, [spaceB.did], `${spaceB.did}:participants:receiver`);
    const member = await aHolder(network, spaceA, { algorithm: 'ES256' });
    expect(await inB.reasonOf(member.token(`${spaceB.did}:participants:receiver`))).toBe('credential.untrusted-issuer');
    inB.issuers.add(spaceA.did);
    expect(await inB.reasonOf(member.token(`${spaceB.did}:participants:receiver`))).toBe('ok');
  });

  it('refuses a credential signed by a key that is not in its issuer’s DID document', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const forged = await spaceA.sign(spaceA.membership(holder.did, holder.participantId), { signer: generateSigningKey('EdDSA') });
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [forged] }))).toBe('credential.signature');
  });

  it('refuses a membership a holder issued to itself in its operator’s name', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const claim = spaceA.membership(holder.did, holder.participantId, { credentialSubject: { id: holder.did, type: 'SpaceMember', participantId: holder.participantId, roles: ['operator-admin'] } });
    for (const kid of [holder.kid, spaceA.kid]) {
      expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [await spaceA.sign(claim, { signer: holder.key, kid })] }))).toBe('credential.signature');
    }
  });

  it('refuses a credential in which one trusted operator speaks for another', async () => {
    const { network, spaceA, spaceB, receiver } = await twoSpaces();
    receiver.issuers.add(spaceB.did);
    const holder = await aHolder(network, spaceA);
    const inAsName = spaceA.membership(holder.did, holder.participantId);
    for (const kid of [spaceB.kid, spaceA.kid]) {
      expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [await spaceA.sign(inAsName, { signer: spaceB.key, kid })] }))).toBe('credential.signature');
    }
  });

  it('refuses another holder’s credentials', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const other = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [other.credentials.membership] }))).toBe('credential.subject-mismatch');
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [holder.credentials.membership, other.credentials.legalEntity] }))).toBe('credential.subject-mismatch');
  });

  it('refuses credentials outside their validity period: expired, just expired, or not yet valid', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    for (const period of [{ validUntil: '2026-06-01T00:00:00.000Z' }, { validUntil: NOW.toISOString() }, { validFrom: at(3600).toISOString() }]) {
      const jwt = await spaceA.sign(spaceA.membership(holder.did, holder.participantId, period));
      expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [jwt] })), JSON.stringify(period)).toBe('credential.expired');
    }
  });

  it('refuses a revoked credential, whichever of the two it is, and leaves other holders alone', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const bystander = await aHolder(network, spaceA);
    await spaceA.setBit('revocation', holder.indexes.legalEntity, true);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.revoked');
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [holder.credentials.membership] }))).toBe('ok');
    await spaceA.setBit('revocation', holder.indexes.membership, true);
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [holder.credentials.membership] }))).toBe('credential.revoked');
    expect(await receiver.reasonOf(bystander.token(RECEIVER))).toBe('ok');
  });

  it('refuses a suspended credential, and accepts it again once the suspension is lifted', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA, { algorithm: 'SM2' });
    await spaceA.setBit('suspension', holder.indexes.membership, true);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.suspended');
    await spaceA.setBit('suspension', holder.indexes.membership, false);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('ok');
  });

  it('reports revocation over suspension when both bits are set', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    await spaceA.setBit('suspension', holder.indexes.membership, true);
    await spaceA.setBit('revocation', holder.indexes.membership, true);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.revoked');
  });
});

describe('status lists', () => {
  it('refuses a status list that is not signed by the credential’s issuer', async () => {
    const { network, spaceA, spaceB, receiver } = await twoSpaces();
    receiver.issuers.add(spaceB.did);
    const holder = await aHolder(network, spaceA);
    const url = spaceA.listUrl('revocation');
    const cases = [
      // A stranger's key under A's kid: the signature does not verify.
      await spaceA.listJwt('revocation', { signer: generateSigningKey('EdDSA') }),
      // Another trusted operator signing a list in A's name.
      await spaceA.listJwt('revocation', { signer: spaceB.key, kid: spaceB.kid }),
      // A's own key, but the list says it is B's.
      await spaceA.listJwt('revocation', { issuer: spaceB.did }),
    ];
    for (const jwt of cases) {
      network.lists.set(url, jwt);
      expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.signature');
    }
  });

  it('says the status is unavailable when a list cannot be fetched or decoded', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const url = spaceA.listUrl('suspension');
    const good = network.lists.get(url)!;
    network.lists.set(url, new Error('GET: HTTP 503'));
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.status-unavailable');
    network.lists.delete(url);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.status-unavailable');
    network.lists.set(url, await spaceA.listJwt('suspension', { encodedList: 'not-a-list' }));
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.status-unavailable');
    network.lists.set(url, await spaceA.listJwt('suspension', { list: new StatusList(1024) }));
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.status-unavailable');
    network.lists.set(url, good);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('ok');
  });

  it('says the status is unavailable when the list URL answers something that is not a JWT (an error page)', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    network.lists.set(spaceA.listUrl('revocation'), '<html><body>502 Bad Gateway</body></html>');
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.status-unavailable');
  });

  it('refuses a status list published for another purpose: the suspension list served in place of the revocation list', async () => {
    // Bitstring Status List v1.0 §3.2 (validate algorithm): the entry's statusPurpose must equal the
    // list credential's, else STATUS_VERIFICATION_ERROR. Otherwise whoever can answer for the
    // revocation URL (a cache, a proxy, plain HTTP) hides a revocation behind the empty suspension list.
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    await spaceA.setBit('revocation', holder.indexes.membership, true);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('credential.revoked');
    network.lists.set(spaceA.listUrl('revocation'), network.lists.get(spaceA.listUrl('suspension'))!);
    const result = await receiver.verify(holder.token(RECEIVER));
    expect(result.ok).toBe(false);
  });
});

describe('presentations', () => {
  it('requires a valid membership credential', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [holder.credentials.legalEntity] }))).toBe('credential.missing-membership');
    expect(await receiver.reasonOf(holder.token(RECEIVER, { credentials: [] }))).toBe('credential.missing-membership');
    expect(await receiver.reasonOf(holder.rawToken({ vp: undefined }))).toBe('credential.missing-membership');
  });

  it('ignores entries that are not enveloped VC-JOSE credentials, so a bare credential object proves nothing', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const vp = { type: ['VerifiablePresentation'], verifiableCredential: [holder.membershipVc, holder.credentials.membership, { id: `data:application/vc+sd-jwt,${holder.credentials.membership}` }] };
    expect(await receiver.reasonOf(holder.rawToken({ vp }))).toBe('credential.missing-membership');
  });
});
