import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../crypto/signing-key.js';
import { agreementSignatureKid, agreementSignatureType, checkAgreementSignature, signAgreement, type AgreementSignatureClaims } from './agreement-signature.js';

const NOW = new Date('2026-03-01T08:00:00Z');
const KID = 'did:web:grid.example.cn#key-1';

function claims(overrides: Partial<AgreementSignatureClaims> = {}): AgreementSignatureClaims {
  return {
    agreementId: 'urn:uuid:agreement-1',
    hash: `sha256:${'a'.repeat(64)}`,
    role: 'provider',
    signer: 'did:web:grid.example.cn',
    ...overrides,
  };
}

describe('agreement signatures', () => {
  const key = generateSigningKey('EdDSA');
  const jwk = key.publicJwk();

  it('holds for the agreement, hash, role and signer it was made for', async () => {
    const jws = await signAgreement(key, KID, claims(), NOW);
    expect(await checkAgreementSignature(jws, jwk, claims())).toBeUndefined();
  });

  it('is a compact JWS of its own type, naming the key and the time of signing', async () => {
    const jws = await signAgreement(key, KID, claims(), NOW);
    const [header, payload] = jws.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ kid: KID, typ: agreementSignatureType, alg: 'EdDSA' });
    expect(payload).toEqual({ agreement: 'urn:uuid:agreement-1', hash: claims().hash, role: 'provider', iss: 'did:web:grid.example.cn', iat: NOW.getTime() / 1000 });
  });

  it('says why it does not hold for another agreement text, role, signer or agreement', async () => {
    const jws = await signAgreement(key, KID, claims(), NOW);
    expect(await checkAgreementSignature(jws, jwk, claims({ hash: `sha256:${'b'.repeat(64)}` }))).toBe('signed over another agreement text');
    expect(await checkAgreementSignature(jws, jwk, claims({ role: 'consumer' }))).toBe('signed as provider, not as consumer');
    expect(await checkAgreementSignature(jws, jwk, claims({ signer: 'did:web:bank.example.cn' }))).toBe('signed by another party');
    expect(await checkAgreementSignature(jws, jwk, claims({ agreementId: 'urn:uuid:agreement-2' }))).toBe('signed for another agreement');
  });

  it('refuses a token of another type signed over the same claims', async () => {
    const c = claims();
    const identityToken = await key.signJws({ kid: KID, typ: 'JWT' }, { agreement: c.agreementId, hash: c.hash, role: c.role, iss: c.signer, iat: 1 });
    expect(await checkAgreementSignature(identityToken, jwk, c)).toBe(`typ must be ${agreementSignatureType}`);
  });

  it('refuses a signature by another key, or a tampered one', async () => {
    const jws = await signAgreement(key, KID, claims(), NOW);
    expect(await checkAgreementSignature(jws, generateSigningKey('EdDSA').publicJwk(), claims())).toMatch(/^signature does not verify: /);
    expect(await checkAgreementSignature('not.a.jws', jwk, claims())).toMatch(/^signature does not verify: /);
    const [h, , s] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ agreement: 'urn:uuid:agreement-1', hash: claims().hash, role: 'consumer', iss: 'did:web:grid.example.cn', iat: 1 })).toString('base64url');
    expect(await checkAgreementSignature(`${h}.${forged}.${s}`, jwk, claims({ role: 'consumer' }))).toMatch(/^signature does not verify: /);
  });

  it('tells the kid a signature names, and undefined when there is none or the token is malformed', async () => {
    expect(agreementSignatureKid(await signAgreement(key, KID, claims(), NOW))).toBe(KID);
    expect(agreementSignatureKid(await key.signJws({ typ: agreementSignatureType }, {}))).toBeUndefined();
    expect(agreementSignatureKid(await key.signJws({ kid: 7 }, {}))).toBeUndefined();
    expect(agreementSignatureKid('garbage')).toBeUndefined();
    expect(agreementSignatureKid('')).toBeUndefined();
  });
});
