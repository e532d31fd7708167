import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingAlgorithms } from '../crypto/signing-key.js';
import { buildDidDocument, type DidDocument } from './did-web.js';
import { MAX_IDENTITY_TOKEN_SECONDS } from './identity-token.js';
import { type IdentityVerifierDeps } from './identity-verifier.js';
import { NOW_S, at, aHolder, RECEIVER, twoSpaces } from './fixtures/identity-spaces.js';

// Identity tokens between nodes of two in-memory spaces (fixtures/identity-spaces.ts): what verifies, what is refused.

describe('identity tokens that verify', () => {
  const cases = signingAlgorithms.flatMap((holderAlgorithm) => (['A', 'B'] as const).map((space) => [holderAlgorithm, space] as const));

  it.each(cases)('accepts a %s connector of space %s and says who it is and who vouches for it', async (algorithm, space) => {
    const { network, spaceA, spaceB, receiver } = await twoSpaces();
    receiver.issuers.add(spaceB.did);
    const issuer = space === 'A' ? spaceA : spaceB;
    const holder = await aHolder(network, issuer, { algorithm, id: 'bank-7' });
    expect(await receiver.verify(holder.token(RECEIVER))).toEqual({
      ok: true,
      holder: {
        did: `${issuer.did}:participants:bank-7`,
        participantId: 'bank-7',
        roles: ['provider', 'consumer'],
        serviceKinds: ['dataset'],
        space: issuer.did,
        issuer: issuer.did,
        legalEntity: { name: `${issuer.host} 成员单位`, uscc: '91350200776049653A', region: '350200', industry: 'J66' },
        credentialJwts: expect.arrayContaining([expect.stringMatching(/^ey/)]),
      },
    });
  });

  it('accepts a holder that presents only its membership credential, without a legal entity', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const result = await receiver.verify(holder.token(RECEIVER, { credentials: [holder.credentials.membership] }));
    expect(result.ok && result.holder.legalEntity).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('accepts an audience list that names the receiver among others', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.rawToken({ aud: ['did:web:elsewhere', RECEIVER] }))).toBe('ok');
  });

  it('tolerates clocks apart by less than the skew, and a lifetime of exactly five minutes', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.token(RECEIVER, { now: at(50) }))).toBe('ok');
    expect(await receiver.reasonOf(holder.token(RECEIVER, { now: at(-100), ttlSeconds: 60 }))).toBe('ok');
    expect(await receiver.reasonOf(holder.rawToken({ iat: NOW_S, exp: NOW_S + MAX_IDENTITY_TOKEN_SECONDS }))).toBe('ok');
  });
});

describe('identity tokens that are refused', () => {
  it('refuses a token addressed to another node, or to nobody', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.token('did:web:space-a.example:participants:other'))).toBe('token.audience');
    expect(await receiver.reasonOf(holder.rawToken({ aud: undefined }))).toBe('token.audience');
    expect(await receiver.reasonOf(holder.rawToken({ aud: [] }))).toBe('token.audience');
  });

  it('refuses expired tokens, tokens issued in the future beyond the skew, and tokens living over five minutes', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.token(RECEIVER, { now: at(-200), ttlSeconds: 60 }))).toBe('token.expired');
    expect(await receiver.reasonOf(holder.token(RECEIVER, { now: at(120) }))).toBe('token.expired');
    expect(await receiver.reasonOf(holder.rawToken({ iat: NOW_S, exp: NOW_S + MAX_IDENTITY_TOKEN_SECONDS + 1 }))).toBe('token.expired');
    expect(await receiver.reasonOf(holder.rawToken({ iat: NOW_S - 3600, exp: NOW_S + 3600 }))).toBe('token.expired');
    expect(await receiver.reasonOf(holder.rawToken({ iat: undefined }))).toBe('token.expired');
    expect(await receiver.reasonOf(holder.rawToken({ exp: 'tomorrow' }))).toBe('token.expired');
  });

  it('applies the configured clock skew', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const expiredASecondAgo = holder.rawToken({ iat: NOW_S - 61, exp: NOW_S - 1 });
    expect(await receiver.reasonOf(expiredASecondAgo, { clockSkewSeconds: 0 })).toBe('token.expired');
    expect(await receiver.reasonOf(expiredASecondAgo)).toBe('ok');
  });

  it('refuses the same token twice; a forged copy does not use up the real one', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const token = await holder.token(RECEIVER);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const bytes = Buffer.from(signature, 'base64url');
    bytes[0]! ^= 0x80;
    expect(await receiver.reasonOf(`${header}.${payload}.${bytes.toString('base64url')}`)).toBe('token.signature');
    expect(await receiver.reasonOf(`${header}.${payload}.`)).toBe('token.signature');
    expect(await receiver.reasonOf(token)).toBe('ok');
    expect(await receiver.reasonOf(token)).toBe('token.replayed');
    // A fresh token with the same jti is a replay too.
    expect(await receiver.reasonOf(holder.token(RECEIVER, { jti: JSON.parse(Buffer.from(payload, 'base64url').toString()).jti }))).toBe('token.replayed');
  });

  it('refuses a token whose claims or header were changed after signing', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const [header, payload, signature] = (await holder.token(RECEIVER)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(await receiver.reasonOf(`${header}.${b64({ ...claims, exp: claims.exp + 10 })}.${signature}`)).toBe('token.signature');
    expect(await receiver.reasonOf(`${header}.${b64({ ...claims, jti: 'another' })}.${signature}`)).toBe('token.signature');
    const h = JSON.parse(Buffer.from(header, 'base64url').toString());
    expect(await receiver.reasonOf(`${b64({ ...h, typ: 'at+jwt' })}.${payload}.${signature}`)).toBe('token.signature');
  });

  it('refuses a token whose kid is not a key under the holder’s DID, even when that key signed it', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    // The operator controls its participants' DID documents, but its own key must not speak for them.
    expect(await receiver.reasonOf(holder.rawToken({}, { kid: spaceA.kid }, spaceA.key))).toBe('token.signature');
    expect(await receiver.reasonOf(holder.rawToken({}, { kid: '#key-1' }))).toBe('token.signature');
    expect(await receiver.reasonOf(holder.rawToken({}, { kid: undefined }))).toBe('token.signature');
    expect(await receiver.reasonOf(holder.rawToken({}, { kid: `${holder.did}#key-2` }))).toBe('token.signature');
  });

  it('refuses a token signed by a key the holder’s DID document no longer lists', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    network.dids.set(holder.did, buildDidDocument({ did: holder.did, keys: [{ id: 'key-1', publicJwk: generateSigningKey('EdDSA').publicJwk() }] }));
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('token.signature');
  });

  it('refuses a DID document that describes another DID', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const doc = network.dids.get(holder.did)!;
    network.dids.set(holder.did, { ...doc, id: `${holder.did}x` });
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('token.signature');
  });

  it('says when the holder’s DID cannot be resolved', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    network.dids.delete(holder.did);
    expect(await receiver.reasonOf(holder.token(RECEIVER))).toBe('did.unresolvable');
  });

  it('refuses tokens whose iss and sub are not the same DID, or that have no jti, as malformed', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    expect(await receiver.reasonOf(holder.rawToken({ sub: `${holder.did}x` }))).toBe('token.malformed');
    expect(await receiver.reasonOf(holder.rawToken({ iss: undefined, sub: undefined }))).toBe('token.malformed');
    expect(await receiver.reasonOf(holder.rawToken({ iss: 'bank-7', sub: 'bank-7' }))).toBe('token.malformed');
    expect(await receiver.reasonOf(holder.rawToken({ jti: undefined }))).toBe('token.malformed');
    expect(await receiver.reasonOf(holder.rawToken({ jti: '' }))).toBe('token.malformed');
  });

  it.each(['a.b.c', '', 'x', '..', 'e30.e30.e30', 'W10.W10.AA', `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.bnVsbA.AA`, 'Bearer x.y.z'])(
    'answers the garbage token %j with token.malformed, without throwing',
    async (garbage) => {
      const { receiver } = await twoSpaces();
      await expect(receiver.verify(garbage)).resolves.toMatchObject({ ok: false, reason: 'token.malformed' });
    },
  );

  it('never throws, even when its own look-ups fail or answer nonsense', async () => {
    const { network, spaceA, receiver } = await twoSpaces();
    const holder = await aHolder(network, spaceA);
    const failures: Array<Partial<IdentityVerifierDeps>> = [
      { trustedIssuers: () => Promise.reject(new Error('operator down')) },
      { resolveDidDocument: async () => null as unknown as DidDocument },
      { resolveDidDocument: () => Promise.reject('not even an Error') },
      { fetchStatusList: async () => 42 as unknown as string },
    ];
    for (const overrides of failures) {
      const result = await receiver.verify(holder.token(RECEIVER), overrides).catch((e: unknown) => ({ threw: e }));
      expect(result).toMatchObject({ ok: false });
    }
  });
});
