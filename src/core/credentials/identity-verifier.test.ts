import { describe, expect, it } from 'vitest';
import { generateSigningKey, type SigningAlgorithm, type SigningKey } from '../crypto/signing-key.js';
import { buildDidDocument, type DidDocument } from './did-web.js';
import { mintIdentityToken } from './identity-token.js';
import { verifyIdentityToken, type IdentityVerifierDeps } from './identity-verifier.js';
import { StatusList, statusListCredential } from './status-list.js';
import { issueCredentialJwt } from './vc-jose.js';
import { legalEntityCredential, membershipCredential } from './verifiable-credential.js';

const NOW = new Date('2026-11-23T08:00:00.000Z');

/** An in-memory world of DID documents and status lists, as the network would serve them. */
function aWorld() {
  const dids = new Map<string, DidDocument>();
  const lists = new Map<string, string>();
  const trusted = new Set<string>();
  const seen = new Set<string>();
  const deps = (audience: string, overrides: Partial<IdentityVerifierDeps> = {}): IdentityVerifierDeps => ({
    audience,
    now: NOW,
    resolveDidDocument: async (did) => {
      const doc = dids.get(did);
      if (!doc) throw new Error('404');
      return doc;
    },
    trustedIssuers: async () => [...trusted],
    fetchStatusList: async (url) => {
      const jwt = lists.get(url);
      if (!jwt) throw new Error('404');
      return jwt;
    },
    seenJti: (jti) => (seen.has(jti) ? true : (seen.add(jti), false)),
    ...overrides,
  });
  return { dids, lists, trusted, deps };
}

type World = ReturnType<typeof aWorld>;

/** An operator: a did:web, an issuer key, and its two status lists. */
async function anIssuer(world: World, name: string, algorithm: SigningAlgorithm = 'EdDSA', trusted = true) {
  const did = `did:web:${name}`;
  const key = generateSigningKey(algorithm);
  world.dids.set(did, buildDidDocument({ did, keys: [{ id: 'issuer-key', publicJwk: key.publicJwk() }] }));
  const bits = { revocation: new StatusList(), suspension: new StatusList() };
  const url = (purpose: string) => `https://${name}/status/${purpose}`;
  const publish = async (signer: SigningKey = key) => {
    for (const purpose of ['revocation', 'suspension'] as const) {
      const vc = statusListCredential({ id: url(purpose), issuer: did, purpose, encodedList: bits[purpose].encode(), validFrom: NOW.toISOString() });
      world.lists.set(url(purpose), await issueCredentialJwt(signer, `${did}#issuer-key`, vc));
    }
  };
  await publish();
  if (trusted) world.trusted.add(did);
  let index = 0;
  return { did, key, bits, publish, url, nextIndex: () => index++ };
}

/** A connector enrolled under `issuer`, holding a membership and a legal-entity credential. */
async function aHolder(world: World, issuer: Awaited<ReturnType<typeof anIssuer>>, options: { algorithm?: SigningAlgorithm; validUntil?: string; subject?: string; signer?: SigningKey } = {}) {
  const did = `${issuer.did}:participants:p${issuer.nextIndex()}`;
  const key = generateSigningKey(options.algorithm ?? 'EdDSA');
  world.dids.set(did, buildDidDocument({ did, keys: [{ id: 'key-1', publicJwk: key.publicJwk() }] }));
  const index = issuer.nextIndex();
  const common = {
    issuer: issuer.did,
    subject: options.subject ?? did,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: options.validUntil ?? '2027-01-01T00:00:00.000Z',
    status: { index, revocationList: issuer.url('revocation'), suspensionList: issuer.url('suspension') },
  };
  const signer = options.signer ?? issuer.key;
  const credentials = [
    await issueCredentialJwt(signer, `${issuer.did}#issuer-key`, membershipCredential({ ...common, id: `urn:uuid:m${index}`, space: issuer.did, participantId: `p${index}`, roles: ['consumer'], serviceKinds: [] })),
    await issueCredentialJwt(signer, `${issuer.did}#issuer-key`, legalEntityCredential({ ...common, id: `urn:uuid:l${index}`, name: '城商银行', uscc: '91350200776049653A', region: '350200', industry: 'J66' })),
  ];
  let serial = 0;
  const token = (audience: string, overrides: { now?: Date; ttlSeconds?: number; credentials?: string[]; kid?: string } = {}) =>
    mintIdentityToken({ key, kid: overrides.kid ?? `${did}#key-1`, holderDid: did, audience, credentials: overrides.credentials ?? credentials, now: overrides.now ?? NOW, ttlSeconds: overrides.ttlSeconds ?? 120, jti: `${did}-${serial++}` });
  return { did, key, index, credentials, token };
}

const AUDIENCE = 'did:web:receiver.example:participants:r1';

async function setup(holderAlgorithm: SigningAlgorithm = 'EdDSA') {
  const world = aWorld();
  const issuer = await anIssuer(world, 'space-a.example');
  const holder = await aHolder(world, issuer, { algorithm: holderAlgorithm });
  const verify = async (token: string | Promise<string>, overrides: Partial<IdentityVerifierDeps> = {}) => verifyIdentityToken(await token, world.deps(AUDIENCE, overrides));
  const reasonOf = async (token: string | Promise<string>, overrides: Partial<IdentityVerifierDeps> = {}) => {
    const result = await verify(token, overrides);
    return result.ok ? 'ok' : result.reason;
  };
  return { world, issuer, holder, verify, reasonOf };
}

describe('identity token verification', () => {
  it.each(['EdDSA', 'ES256', 'SM2'] as const)('accepts a %s holder presenting valid credentials, and says who it is', async (algorithm) => {
    const { holder, issuer, verify } = await setup(algorithm);
    const result = await verify(holder.token(AUDIENCE));
    expect(result).toEqual({
      ok: true,
      holder: { did: holder.did, participantId: `p${holder.index}`, roles: ['consumer'], serviceKinds: [], space: issuer.did, issuer: issuer.did, legalEntity: { name: '城商银行', uscc: '91350200776049653A', region: '350200', industry: 'J66' }, credentialJwts: [expect.stringMatching(/^ey/), expect.stringMatching(/^ey/)] },
    });
  });

  it('refuses a token for another audience', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token('did:web:someone-else'))).toBe('token.audience');
  });

  it('refuses expired tokens, tokens from the future and tokens that live too long', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token(AUDIENCE, { now: new Date(NOW.getTime() - 10 * 60_000) }))).toBe('token.expired');
    expect(await reasonOf(holder.token(AUDIENCE, { now: new Date(NOW.getTime() + 10 * 60_000) }))).toBe('token.expired');
    const longLived = await holder.key.signJws({ kid: `${holder.did}#key-1` }, { iss: holder.did, sub: holder.did, aud: AUDIENCE, iat: NOW.getTime() / 1000, exp: NOW.getTime() / 1000 + 3600, jti: 'long' });
    expect(await reasonOf(longLived)).toBe('token.expired');
  });

  it('refuses a replayed token, but a forged copy does not use up the real one', async () => {
    const { holder, reasonOf } = await setup();
    const token = await holder.token(AUDIENCE);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from(new Uint8Array(64)).toString('base64url')}`;
    expect(await reasonOf(forged)).toBe('token.signature');
    expect(await reasonOf(token)).toBe('ok');
    expect(await reasonOf(token)).toBe('token.replayed');
  });

  it('refuses a token signed by a key that is not in the holder’s DID document', async () => {
    const { holder, world, reasonOf } = await setup();
    world.dids.set(holder.did, buildDidDocument({ did: holder.did, keys: [{ id: 'key-1', publicJwk: generateSigningKey('EdDSA').publicJwk() }] }));
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('token.signature');
    expect(await reasonOf(holder.token(AUDIENCE, { kid: 'did:web:other#key-1' }))).toBe('token.signature');
  });

  it('reports an unresolvable holder DID', async () => {
    const { holder, world, reasonOf } = await setup();
    world.dids.delete(holder.did);
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('did.unresolvable');
  });

  it('refuses credentials of an untrusted issuer until that issuer is trusted (identity mutual recognition)', async () => {
    const { world, reasonOf } = await setup();
    const other = await anIssuer(world, 'space-b.example', 'ES256', false);
    const stranger = await aHolder(world, other);
    expect(await reasonOf(stranger.token(AUDIENCE))).toBe('credential.untrusted-issuer');
    world.trusted.add(other.did);
    expect(await reasonOf(stranger.token(AUDIENCE))).toBe('ok');
  });

  it('refuses credentials not signed by the issuer’s key, about someone else, or out of their validity', async () => {
    const { world, issuer, reasonOf } = await setup();
    expect(await reasonOf((await aHolder(world, issuer, { signer: generateSigningKey('EdDSA') })).token(AUDIENCE))).toBe('credential.signature');
    expect(await reasonOf((await aHolder(world, issuer, { subject: 'did:web:victim' })).token(AUDIENCE))).toBe('credential.subject-mismatch');
    expect(await reasonOf((await aHolder(world, issuer, { validUntil: '2026-06-01T00:00:00.000Z' })).token(AUDIENCE))).toBe('credential.expired');
  });

  it('refuses revoked and suspended credentials, and accepts them again once the suspension is lifted', async () => {
    const { issuer, holder, reasonOf } = await setup();
    issuer.bits.suspension.set(holder.index, true);
    await issuer.publish();
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.suspended');
    issuer.bits.suspension.set(holder.index, false);
    await issuer.publish();
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('ok');
    issuer.bits.revocation.set(holder.index, true);
    await issuer.publish();
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.revoked');
  });

  it('refuses a status list signed by someone else, and says so when a list cannot be fetched', async () => {
    const { world, issuer, holder, reasonOf } = await setup();
    await issuer.publish(generateSigningKey('EdDSA'));
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.signature');
    world.lists.clear();
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.status-unavailable');
  });

  it('requires a membership credential', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: [holder.credentials[1]!] }))).toBe('credential.missing-membership');
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: [] }))).toBe('credential.missing-membership');
  });

  it('answers garbage with token.malformed and never throws', async () => {
    const { reasonOf } = await setup();
    for (const garbage of ['a.b.c', '', 'x', 'e30.e30.e30']) expect(await reasonOf(garbage)).toBe('token.malformed');
  });
});

describe('identity token verification limits', () => {
  const S = NOW.getTime() / 1000;
  /** A hand-made token of `holder`, its claims overridden. */
  const rawToken = (holder: Awaited<ReturnType<typeof aHolder>>, claims: Record<string, unknown>) =>
    holder.key.signJws(
      { kid: `${holder.did}#key-1`, typ: 'JWT' },
      { iss: holder.did, sub: holder.did, aud: AUDIENCE, iat: S, exp: S + 60, jti: `raw-${Math.random()}`, vp: { verifiableCredential: holder.credentials.map((jwt) => ({ id: `data:application/vc+jwt,${jwt}` })) }, ...claims },
    );

  it('refuses a token whose claims were changed after signing', async () => {
    const { holder, reasonOf } = await setup('ES256');
    const [h, p, s] = (await holder.token(AUDIENCE)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(await reasonOf(`${h}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 100 })).toString('base64url')}.${s}`)).toBe('token.signature');
  });

  it('applies a shorter maximum lifetime when configured, and never a longer one than five minutes', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token(AUDIENCE, { ttlSeconds: 120 }), { maxTokenAgeSeconds: 60 })).toBe('token.expired');
    expect(await reasonOf(holder.token(AUDIENCE, { ttlSeconds: 60 }), { maxTokenAgeSeconds: 60 })).toBe('ok');
    expect(await reasonOf(rawToken(holder, { exp: S + 600 }), { maxTokenAgeSeconds: 3600 })).toBe('token.expired');
  });

  it('refuses times that are not numbers, and an exp not after iat', async () => {
    const { holder, reasonOf } = await setup();
    for (const claims of [{ iat: String(S) }, { exp: String(S + 60) }, { iat: S, exp: S }, { iat: null }]) {
      expect(await reasonOf(rawToken(holder, claims)), JSON.stringify(claims)).toBe('token.expired');
    }
  });

  it('accepts a credential issued moments ago by an issuer whose clock is a little ahead, but not one valid only later', async () => {
    const { issuer, holder, reasonOf } = await setup();
    const credential = (validFrom: string) =>
      issueCredentialJwt(
        issuer.key,
        `${issuer.did}#issuer-key`,
        membershipCredential({ id: 'urn:uuid:x', issuer: issuer.did, subject: holder.did, validFrom, validUntil: '2027-01-01T00:00:00.000Z', status: { index: 900, revocationList: issuer.url('revocation'), suspensionList: issuer.url('suspension') }, space: issuer.did, participantId: 'p', roles: [], serviceKinds: [] }),
      );
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: [await credential('2026-11-23T08:00:30.000Z')] }))).toBe('ok');
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: [await credential('2026-11-23T08:02:00.000Z')] }))).toBe('credential.expired');
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: [await credential('not a date')] }))).toBe('credential.expired');
  });

  it('refuses a presentation of more credentials than a node holds, before fetching anything', async () => {
    const { holder, reasonOf } = await setup();
    let fetched = 0;
    const many = Array.from({ length: 17 }, () => holder.credentials[0]!);
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: many }), { fetchStatusList: async () => (fetched++, '') })).toBe('token.malformed');
    expect(fetched).toBe(0);
  });

  it('treats an unavailable trusted-issuer list as no trust, and an answer that is no document as unresolvable', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token(AUDIENCE), { trustedIssuers: () => Promise.reject(new Error('operator down')) })).toBe('credential.untrusted-issuer');
    expect(await reasonOf(holder.token(AUDIENCE), { resolveDidDocument: async () => null as unknown as DidDocument })).toBe('did.unresolvable');
    expect(await reasonOf(holder.token(AUDIENCE), { resolveDidDocument: () => Promise.reject('not even an Error') })).toBe('did.unresolvable');
    expect(await reasonOf(holder.token(AUDIENCE), { resolveDidDocument: async (did) => ({ id: did, verificationMethod: 'none' }) as unknown as DidDocument })).toBe('token.signature');
  });

  it('refuses an enveloped credential that is not a JWT', async () => {
    const { holder, reasonOf } = await setup();
    expect(await reasonOf(holder.token(AUDIENCE, { credentials: ['not-a-jwt', ...holder.credentials] }))).toBe('credential.signature');
  });

  it('refuses a revoked credential when its revocation list is served in place of the suspension list, and vice versa', async () => {
    const { world, issuer, holder, reasonOf } = await setup();
    issuer.bits.revocation.set(holder.index, true);
    await issuer.publish();
    world.lists.set(issuer.url('revocation'), world.lists.get(issuer.url('suspension'))!);
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.status-unavailable');
  });

  it('says the status is unavailable when a list URL answers an error page', async () => {
    const { world, issuer, holder, reasonOf } = await setup();
    world.lists.set(issuer.url('revocation'), '<html><body>502 Bad Gateway</body></html>');
    expect(await reasonOf(holder.token(AUDIENCE))).toBe('credential.status-unavailable');
  });
});
