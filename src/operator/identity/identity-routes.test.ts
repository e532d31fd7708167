import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { generateSigningKey, type SigningKey } from '../../core/crypto/signing-key.js';
import { StatusList } from '../../core/credentials/status-list.js';
import { decodeCredentialJwt } from '../../core/credentials/vc-jose.js';

describe.each(databaseKinds)('identity API on %s', (kind) => {
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;
  const operatorDid = 'did:web:operator.test';

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
  });
  afterAll(() => operator.close());

  async function enrollmentToken(id: string): Promise<string> {
    return (await api.request('POST', `/api/v1/participants/${id}/enrollment-tokens`, { headers: admin })).body.token;
  }

  async function proofFor(key: SigningKey, id: string, token: string, overrides: Record<string, unknown> = {}) {
    const { nonce } = (await api.request('POST', `/api/v1/participants/${id}/enrollment/challenge`, { headers: bearer(token), body: {} })).body;
    return key.signJws({ typ: 'JWT' }, { nonce, sub: `${operatorDid}:participants:${id}`, aud: operatorDid, ...overrides });
  }

  const enroll = (id: string, token: string, key: SigningKey, proof: string) =>
    api.request('POST', `/api/v1/participants/${id}/enrollment`, { headers: bearer(token), body: { publicKeyJwk: key.publicJwk(), proof } });

  it('serves the operator DID document with its issuer key', async () => {
    const doc = (await api.request('GET', '/.well-known/did.json')).body;
    expect(doc.id).toBe(operatorDid);
    expect(doc.assertionMethod).toEqual([`${operatorDid}#issuer-key`]);
  });

  it('issues credentials that name the holder DID, the space and its roles, signed by the issuer key', async () => {
    const { id, session } = await api.admitted({ roles: ['serviceProvider'], serviceKinds: ['custody'] });
    const items = (await api.request('GET', `/api/v1/participants/${id}/credentials`, { headers: bearer(session) })).body.items;
    const membership = decodeCredentialJwt(items.find((c: { type: string }) => c.type === 'MembershipCredential').jwt);
    expect(membership.header).toMatchObject({ typ: 'vc+jwt', kid: `${operatorDid}#issuer-key` });
    expect(membership.payload).toMatchObject({
      issuer: operatorDid,
      credentialSubject: { id: `${operatorDid}:participants:${id}`, space: 'tds.test/space', roles: ['serviceProvider'], serviceKinds: ['custody'] },
    });
    expect(await operator.node.identity.issuerKey.verifies(items[0].jwt)).toBe(true);
  });

  it('enrolls a key only with a valid token and a proof of possession over a fresh challenge', async () => {
    const { id } = await api.admitted();
    const key = generateSigningKey('ES256');
    const token = await enrollmentToken(id);
    const wrongAudience = await enroll(id, token, key, await proofFor(key, id, token, { aud: 'did:web:elsewhere' }));
    expect(wrongAudience.body.code).toBe('enrollment.proof-invalid');
    const otherKey = generateSigningKey('EdDSA');
    const notTheirs = await api.request('POST', `/api/v1/participants/${id}/enrollment`, { headers: bearer(token), body: { publicKeyJwk: key.publicJwk(), proof: await proofFor(otherKey, id, token) } });
    expect(notTheirs.body.code).toBe('enrollment.proof-invalid');
    const forgedNonce = await enroll(id, token, key, await key.signJws({ typ: 'JWT' }, { nonce: 'made-up', sub: `${operatorDid}:participants:${id}`, aud: operatorDid }));
    expect(forgedNonce.body.code).toBe('enrollment.token-invalid');
    const ok = await enroll(id, token, key, await proofFor(key, id, token));
    expect(ok.status).toBe(200);
    expect(ok.body.credentials).toHaveLength(2);
    const doc = (await api.request('GET', `/participants/${id}/did.json`)).body;
    expect(doc.verificationMethod[0]).toMatchObject({ id: `${operatorDid}:participants:${id}#${ok.body.kid}`, publicKeyJwk: key.publicJwk() });
    expect((await api.request('POST', `/api/v1/participants/${id}/enrollment/challenge`, { headers: bearer(token), body: {} })).body.code).toBe('enrollment.token-invalid');
    // A connector that enrolls its same key again (e.g. after losing its database) just succeeds.
    const again = await enrollmentToken(id);
    expect((await enroll(id, again, key, await proofFor(key, id, again))).status).toBe(200);
    expect((await api.request('GET', `/participants/${id}/did.json`)).body.verificationMethod).toHaveLength(1);
  });

  it('refuses enrollment tokens for participants that are not approved', async () => {
    const pending = await api.apply();
    const response = await api.request('POST', `/api/v1/participants/${pending.body.id}/enrollment-tokens`, { headers: admin });
    expect(response.body.code).toBe('participant.transition-invalid');
  });

  it('sets the revocation bit of every credential of a revoked participant in the signed status list', async () => {
    const { id } = await api.admitted();
    await api.act(id, 'revoke', '违规');
    const credentials = (await api.request('GET', `/api/v1/participants/${id}/credentials`, { headers: admin })).body.items;
    expect(credentials.map((c: { status: string }) => c.status)).toEqual(['revoked', 'revoked']);
    const list = (await api.request('GET', '/api/v1/credentials/status/revocation')).body as string;
    expect(await operator.node.identity.issuerKey.verifies(list)).toBe(true);
    const bits = StatusList.decode(String((decodeCredentialJwt(list).payload.credentialSubject as { encodedList: string }).encodedList));
    for (const c of credentials as Array<{ jwt: string }>) {
      const index = Number(decodeCredentialJwt(c.jwt).payload.credentialStatus![0]!.statusListIndex);
      expect(bits.get(index)).toBe(true);
    }
  });

  it('manages trusted issuers (identity mutual recognition) and always lists itself', async () => {
    expect((await api.request('POST', '/api/v1/trust/issuers', { headers: admin, body: { did: 'not-a-did', name: 'x' } })).status).toBe(400);
    expect((await api.request('POST', '/api/v1/trust/issuers', { headers: admin, body: { did: operatorDid, name: 'me' } })).body.code).toBe('trust.issuer-invalid');
    expect((await api.request('POST', '/api/v1/trust/issuers', { headers: admin, body: { did: 'did:web:space-b.example', name: 'Space B' } })).status).toBe(201);
    const list = (await api.request('GET', '/api/v1/trust/issuers')).body.items;
    expect(list.map((i: { did: string; self: boolean }) => [i.did, i.self])).toEqual([[operatorDid, true], ['did:web:space-b.example', false]]);
    expect((await api.request('DELETE', `/api/v1/trust/issuers/${encodeURIComponent('did:web:space-b.example')}`, { headers: admin })).status).toBe(204);
    expect((await api.request('DELETE', `/api/v1/trust/issuers/${encodeURIComponent('did:web:space-b.example')}`, { headers: admin })).body.code).toBe('trust.issuer-not-found');
  });
});
