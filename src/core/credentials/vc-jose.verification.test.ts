import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingAlgorithms, type PublicJwk } from '../crypto/signing-key.js';
import { CredentialJwtError, decodeCredentialJwt, issueCredentialJwt, issuePresentationJwt, unenvelope, verifiablePresentation, verifyCredentialJwt, type IssuerKeyResolver } from './vc-jose.js';
import { membershipCredential } from './verifiable-credential.js';

const ISSUER = 'did:web:space-a.example';
const KID = `${ISSUER}#issuer-key`;
const HOLDER = `${ISSUER}:participants:p1`;

const aMembership = (issuer = ISSUER) =>
  membershipCredential({
    id: 'urn:uuid:1b2c3d4e-0000-4000-8000-000000000001',
    issuer,
    subject: HOLDER,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    status: { index: 1, revocationList: 'https://space-a.example/status/revocation', suspensionList: 'https://space-a.example/status/suspension' },
    space: issuer,
    participantId: 'p1',
    roles: ['consumer'],
    serviceKinds: [],
  });

/** A resolver over a fixed table of keys by kid, recording what it was asked. */
function keysOf(table: Record<string, PublicJwk>) {
  const asked: string[] = [];
  const resolve: IssuerKeyResolver = async (issuer, kid) => (asked.push(`${issuer} ${kid}`), table[kid]);
  return { resolve, asked };
}

const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'verified', (e: unknown) => (e instanceof CredentialJwtError ? e.reason : `threw ${String(e)}`));

describe.each(signingAlgorithms)('verifying a %s credential JWT', (algorithm) => {
  const key = generateSigningKey(algorithm);

  it('returns the credential when the issuer’s own key named by kid signed it', async () => {
    const { resolve, asked } = keysOf({ [KID]: key.publicJwk() });
    const jwt = await issueCredentialJwt(key, KID, aMembership());
    expect(await verifyCredentialJwt(jwt, resolve)).toEqual(aMembership());
    expect(asked).toEqual([`${ISSUER} ${KID}`]);
  });

  it('refuses it when another key signed it, or when its algorithm is not allowed', async () => {
    const jwt = await issueCredentialJwt(generateSigningKey(algorithm), KID, aMembership());
    expect(await reasonOf(verifyCredentialJwt(jwt, keysOf({ [KID]: key.publicJwk() }).resolve))).toBe('signature');
    const good = await issueCredentialJwt(key, KID, aMembership());
    const others = signingAlgorithms.filter((a) => a !== algorithm);
    expect(await reasonOf(verifyCredentialJwt(good, keysOf({ [KID]: key.publicJwk() }).resolve, { algorithms: others }))).toBe('signature');
  });

  it('refuses a credential whose claims were changed after signing', async () => {
    const [h, , s] = (await issueCredentialJwt(key, KID, aMembership())).split('.') as [string, string, string];
    const changed = { ...aMembership(), credentialSubject: { ...aMembership().credentialSubject, roles: ['regulator'] } };
    const tampered = `${h}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${s}`;
    expect(await reasonOf(verifyCredentialJwt(tampered, keysOf({ [KID]: key.publicJwk() }).resolve))).toBe('signature');
  });
});

describe('credential JWTs that do not verify', () => {
  const key = generateSigningKey('EdDSA');
  const { resolve } = keysOf({ [KID]: key.publicJwk(), 'did:web:space-b.example#issuer-key': key.publicJwk() });

  it('refuses a kid outside the issuer’s DID, even one that resolves: nobody speaks for the issuer', async () => {
    expect(await reasonOf(verifyCredentialJwt(await issueCredentialJwt(key, 'did:web:space-b.example#issuer-key', aMembership()), resolve))).toBe('key');
    expect(await reasonOf(verifyCredentialJwt(await issueCredentialJwt(key, '#issuer-key', aMembership()), resolve))).toBe('key');
  });

  it('refuses a kid the issuer does not list', async () => {
    expect(await reasonOf(verifyCredentialJwt(await issueCredentialJwt(key, `${ISSUER}#old-key`, aMembership()), resolve))).toBe('key');
  });

  it('refuses a JWT of another kind (an identity token or a presentation) as malformed, and accepts one without typ', async () => {
    for (const typ of ['JWT', 'vp+jwt']) {
      expect(await reasonOf(verifyCredentialJwt(await key.signJws({ kid: KID, typ }, aMembership()), resolve)), typ).toBe('malformed');
    }
    expect(await reasonOf(verifyCredentialJwt(await key.signJws({ kid: KID }, aMembership()), resolve))).toBe('verified');
  });

  it('refuses what is not a JWT, or whose claims are not a credential of an issuer', async () => {
    for (const jwt of ['', 'a.b', '<html>502</html>', await key.signJws({ kid: KID, typ: 'vc+jwt' }, ['x'])]) {
      expect(await reasonOf(verifyCredentialJwt(jwt, resolve)), jwt).toBe('malformed');
    }
    expect(await reasonOf(verifyCredentialJwt(await key.signJws({ kid: KID, typ: 'vc+jwt' }, { id: 'no issuer' }), resolve))).toBe('key');
  });

  it('lets a resolver’s own failure through, so the caller can tell an outage from a forgery', async () => {
    const jwt = await issueCredentialJwt(key, KID, aMembership());
    await expect(verifyCredentialJwt(jwt, () => Promise.reject(new Error('HTTP 503')))).rejects.toThrow('HTTP 503');
  });
});

describe('VC-JOSE presentations', () => {
  it('envelope each credential JWT under the holder, in the VC 2.0 context', async () => {
    const jwt = await issueCredentialJwt(generateSigningKey('ES256'), KID, aMembership());
    const vp = verifiablePresentation(HOLDER, [jwt]);
    expect(vp).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: HOLDER,
      verifiableCredential: [{ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` }],
    });
    expect(vp.verifiableCredential.map(unenvelope)).toEqual([jwt]);
  });

  it('are secured as vp+jwt with cty vp, the presentation being the claims set', async () => {
    const holderKey = generateSigningKey('SM2');
    const vp = verifiablePresentation(HOLDER, []);
    const jwt = await issuePresentationJwt(holderKey, `${HOLDER}#key-1`, vp);
    expect(decodeCredentialJwt(jwt)).toEqual({ header: { kid: `${HOLDER}#key-1`, typ: 'vp+jwt', cty: 'vp', alg: 'SM2' }, payload: vp });
    expect(await holderKey.verifies(jwt)).toBe(true);
  });
});
