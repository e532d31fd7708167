import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingAlgorithms, verifyCompactJws } from '../crypto/signing-key.js';
import { StatusList, statusListCredential } from './status-list.js';
import { decodeCredentialJwt, envelope, issueCredentialJwt, unenvelope } from './vc-jose.js';
import { membershipCredential, type VerifiableCredential } from './verifiable-credential.js';

const ISSUER = 'did:web:space-a.example';
const KID = `${ISSUER}#issuer-key`;

function aMembership(overrides: Partial<VerifiableCredential> = {}): VerifiableCredential {
  return {
    ...membershipCredential({
      id: 'urn:uuid:7d3c7a55-2b1f-4a0e-9c57-3f0f2b8f1c11',
      issuer: ISSUER,
      subject: `${ISSUER}:participants:p1`,
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2027-01-01T00:00:00.000Z',
      status: { index: 9, revocationList: 'https://space-a.example/status/revocation', suspensionList: 'https://space-a.example/status/suspension' },
      space: ISSUER,
      participantId: 'p1',
      roles: ['consumer'],
      serviceKinds: [],
    }),
    ...overrides,
  };
}

describe.each(signingAlgorithms)('a VC-JOSE credential signed with %s', (algorithm) => {
  const key = generateSigningKey(algorithm);

  it('has a header with typ vc+jwt, cty vc, the issuer’s kid and the key’s alg', async () => {
    const { header } = decodeCredentialJwt(await issueCredentialJwt(key, KID, aMembership()));
    expect(header).toEqual({ kid: KID, typ: 'vc+jwt', cty: 'vc', alg: algorithm });
  });

  it('has the credential itself as its claims: no VC 1.1 vc wrapper, no iss/sub/nbf/exp copies', async () => {
    const vc = aMembership();
    const { payload } = decodeCredentialJwt(await issueCredentialJwt(key, KID, vc));
    expect(payload).toEqual(vc);
    for (const claim of ['vc', 'iss', 'sub', 'nbf', 'exp', 'jti']) expect(payload).not.toHaveProperty(claim);
  });

  it('verifies with the issuer key and returns the same credential', async () => {
    const vc = aMembership();
    const jwt = await issueCredentialJwt(key, KID, vc);
    expect((await verifyCompactJws(jwt, key.publicJwk(), { algorithms: [algorithm] })).payload).toEqual(vc);
    expect(await generateSigningKey(algorithm).verifies(jwt)).toBe(false);
  });

  it('secures a status list credential the same way', async () => {
    const vc = statusListCredential({ id: 'https://space-a.example/status/revocation', issuer: ISSUER, purpose: 'revocation', encodedList: new StatusList().encode(), validFrom: '2026-11-23T00:00:00.000Z' });
    const jwt = await issueCredentialJwt(key, KID, vc);
    expect(decodeCredentialJwt(jwt)).toEqual({ header: { kid: KID, typ: 'vc+jwt', cty: 'vc', alg: algorithm }, payload: vc });
    expect(await key.verifies(jwt)).toBe(true);
  });
});

describe('presentation envelopes', () => {
  it('wraps a credential JWT as an EnvelopedVerifiableCredential with a data: URL id', async () => {
    const jwt = await issueCredentialJwt(generateSigningKey('EdDSA'), KID, aMembership());
    expect(envelope(jwt)).toEqual({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` });
  });

  it('unwraps what it wraps, also after a JSON round trip', async () => {
    const jwt = await issueCredentialJwt(generateSigningKey('ES256'), KID, aMembership());
    expect(unenvelope(envelope(jwt))).toBe(jwt);
    expect(unenvelope(JSON.parse(JSON.stringify(envelope(jwt))))).toBe(jwt);
  });

  it.each([
    ['another media type', { id: 'data:application/vc+sd-jwt,eyJ.eyJ.sig' }],
    ['a base64 data URL', { id: 'data:application/vc+jwt;base64,ZXlK' }],
    ['an https URL', { id: 'https://space-a.example/credentials/1' }],
    ['a plain credential object', { id: 'urn:uuid:1', type: ['VerifiableCredential'] }],
    ['an object without id', { type: 'EnvelopedVerifiableCredential' }],
    ['a non-string id', { id: 42 }],
    ['a bare JWT string', 'eyJ.eyJ.sig'],
    ['null', null],
    ['undefined', undefined],
  ])('unwraps nothing from %s', (_what, entry) => {
    expect(unenvelope(entry)).toBeUndefined();
  });
});
