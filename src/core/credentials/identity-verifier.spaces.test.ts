import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingAlgorithms, type SigningAlgorithm, type SigningKey } from '../crypto/signing-key.js';
import { buildDidDocument, type DidDocument } from './did-web.js';
import { MAX_IDENTITY_TOKEN_SECONDS, mintIdentityToken } from './identity-token.js';
import { verifyIdentityToken, type IdentityVerification, type IdentityVerifierDeps } from './identity-verifier.js';
import { StatusList, statusListCredential } from './status-list.js';
import { envelope, issueCredentialJwt } from './vc-jose.js';
import { legalEntityCredential, membershipCredential, type VerifiableCredential } from './verifiable-credential.js';

// Two data spaces, A and B, each with an operator (the credential issuer) and connectors (holders),
// living in memory: DID documents and signed status list credentials are what the network would
// serve; each receiver has its own trusted-issuer list and replay memory.

const NOW = new Date('2026-11-23T08:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

/** What the network serves: DID documents by DID, status list credential JWTs by URL. */
function aNetwork() {
  return { dids: new Map<string, DidDocument>(), lists: new Map<string, string | Error>() };
}
type Network = ReturnType<typeof aNetwork>;
type Purpose = 'revocation' | 'suspension';

/** A space operator: its did:web, issuer key and two status lists, published signed. */
async function anIssuer(network: Network, host: string, algorithm: SigningAlgorithm = 'EdDSA') {
  const did = `did:web:${host}`;
  const kid = `${did}#issuer-key`;
  const key = generateSigningKey(algorithm);
  network.dids.set(did, buildDidDocument({ did, keys: [{ id: 'issuer-key', publicJwk: key.publicJwk() }] }));
  const bits: Record<Purpose, StatusList> = { revocation: new StatusList(), suspension: new StatusList() };
  const listUrl = (purpose: Purpose) => `https://${host}/api/v1/status/${purpose}`;
  /** Signs a status list credential (by default, the current list as this issuer publishes it). */
  const listJwt = (purpose: Purpose, options: { signer?: SigningKey; kid?: string; issuer?: string; list?: StatusList; encodedList?: string } = {}) =>
    issueCredentialJwt(
      options.signer ?? key,
      options.kid ?? kid,
      statusListCredential({ id: listUrl(purpose), issuer: options.issuer ?? did, purpose, encodedList: options.encodedList ?? (options.list ?? bits[purpose]).encode(), validFrom: NOW.toISOString() }),
    );
  const publish = async () => {
    for (const purpose of ['revocation', 'suspension'] as const) network.lists.set(listUrl(purpose), await listJwt(purpose));
  };
  const setBit = async (purpose: Purpose, index: number, value: boolean) => {
    bits[purpose].set(index, value);
    await publish();
  };
  let nextIndex = 0;
  const status = () => ({ index: nextIndex++, revocationList: listUrl('revocation'), suspensionList: listUrl('suspension') });
  const common = (subject: string, overrides: Partial<VerifiableCredential> = {}) => ({
    id: `urn:uuid:${host}-${nextIndex}`,
    issuer: did,
    subject,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    status: status(),
    ...(overrides.validFrom ? { validFrom: overrides.validFrom } : {}),
    ...(overrides.validUntil ? { validUntil: overrides.validUntil } : {}),
  });
  /** A MembershipCredential for `subject`, as this operator issues on approval. */
  const membership = (subject: string, participantId: string, overrides: Partial<VerifiableCredential> = {}) => ({
    ...membershipCredential({ ...common(subject, overrides), space: did, participantId, roles: ['provider', 'consumer'], serviceKinds: ['dataset'] }),
    ...overrides,
  });
  const legalEntity = (subject: string, overrides: Partial<VerifiableCredential> = {}) => ({
    ...legalEntityCredential({ ...common(subject, overrides), name: `${host} 成员单位`, uscc: '91350200776049653A', region: '350200', industry: 'J66' }),
    ...overrides,
  });
  const sign = (vc: VerifiableCredential, options: { signer?: SigningKey; kid?: string } = {}) => issueCredentialJwt(options.signer ?? key, options.kid ?? kid, vc);
  await publish();
  return { did, kid, key, host, bits, listUrl, listJwt, publish, setBit, membership, legalEntity, sign };
}
type Issuer = Awaited<ReturnType<typeof anIssuer>>;

let holderSerial = 0;

/** A connector enrolled under `issuer`: a participant DID with its own key, and its two credentials. */
async function aHolder(network: Network, issuer: Issuer, options: { algorithm?: SigningAlgorithm; id?: string } = {}) {
  const participantId = options.id ?? `p${++holderSerial}`;
  const did = `${issuer.did}:participants:${participantId}`;
  const kid = `${did}#key-1`;
  const key = generateSigningKey(options.algorithm ?? 'EdDSA');
  network.dids.set(did, buildDidDocument({ did, keys: [{ id: 'key-1', publicJwk: key.publicJwk() }] }));
  const membershipVc = issuer.membership(did, participantId);
  const legalEntityVc = issuer.legalEntity(did);
  const credentials = { membership: await issuer.sign(membershipVc), legalEntity: await issuer.sign(legalEntityVc) };
  const indexes = { membership: Number(membershipVc.credentialStatus![0]!.statusListIndex), legalEntity: Number(legalEntityVc.credentialStatus![0]!.statusListIndex) };
  let serial = 0;
  /** An identity token as mintIdentityToken makes it. */
  const token = (audience: string, overrides: { now?: Date; ttlSeconds?: number; credentials?: string[]; jti?: string } = {}) =>
    mintIdentityToken({
      key,
      kid,
      holderDid: did,
      audience,
      credentials: overrides.credentials ?? [credentials.membership, credentials.legalEntity],
      now: overrides.now ?? NOW,
      ttlSeconds: overrides.ttlSeconds ?? 60,
      jti: overrides.jti ?? `${did}/${serial++}`,
    });
  /** A token with hand-set claims and header, signed by `signer` (default: the holder's key). */
  const rawToken = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, signer: SigningKey = key) =>
    signer.signJws(
      { kid, typ: 'JWT', ...header },
      {
        iss: did,
        sub: did,
        aud: RECEIVER,
        iat: NOW_S,
        exp: NOW_S + 60,
        jti: `${did}/raw-${serial++}`,
        vp: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: did, verifiableCredential: [credentials.membership, credentials.legalEntity].map(envelope) },
        ...claims,
      },
    );
  return { did, kid, key, participantId, credentials, indexes, membershipVc, legalEntityVc, token, rawToken };
}

const RECEIVER = 'did:web:space-a.example:participants:receiver';

/** A receiving node: its audience, the issuers it trusts, its replay memory, and the network it reads. */
function aReceiver(network: Network, trusted: string[], audience = RECEIVER) {
  const issuers = new Set(trusted);
  const seen = new Set<string>();
  const deps = (overrides: Partial<IdentityVerifierDeps> = {}): IdentityVerifierDeps => ({
    audience,
    now: NOW,
    resolveDidDocument: async (did) => {
      const doc = network.dids.get(did);
      if (!doc) throw new Error(`GET ${did}: HTTP 404`);
      return structuredClone(doc);
    },
    trustedIssuers: async () => [...issuers],
    fetchStatusList: async (url) => {
      const jwt = network.lists.get(url);
      if (jwt === undefined) throw new Error(`GET ${url}: HTTP 404`);
      if (jwt instanceof Error) throw jwt;
      return jwt;
    },
    seenJti: (jti) => (seen.has(jti) ? true : (seen.add(jti), false)),
    ...overrides,
  });
  const verify = async (token: string | Promise<string>, overrides: Partial<IdentityVerifierDeps> = {}): Promise<IdentityVerification> => verifyIdentityToken(await token, deps(overrides));
  const reasonOf = async (token: string | Promise<string>, overrides: Partial<IdentityVerifierDeps> = {}) => {
    const result = await verify(token, overrides);
    return result.ok ? 'ok' : result.reason;
  };
  return { issuers, seen, verify, reasonOf };
}

/** Space A (EdDSA operator) and space B (ES256 operator); the receiver sits in A and trusts only A. */
async function twoSpaces() {
  const network = aNetwork();
  const spaceA = await anIssuer(network, 'space-a.example', 'EdDSA');
  const spaceB = await anIssuer(network, 'space-b.example', 'ES256');
  const receiver = aReceiver(network, [spaceA.did]);
  return { network, spaceA, spaceB, receiver };
}

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
