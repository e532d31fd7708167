import { describe, expect, it } from 'vitest';
import { decodeJwt, summarizeCredential } from './jwt-parts';

const segment = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('credential JWTs', () => {
  it('decode header and payload (UTF-8, base64url) and summarize a VC 2.0 credential', () => {
    const header = { alg: 'EdDSA', typ: 'vc+jwt', kid: 'did:web:op.example#issuer-key' };
    const payload = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'MembershipCredential'],
      issuer: 'did:web:op.example',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      credentialSubject: { id: 'did:web:op.example:participants:p_1', name: '省电力公司' },
    };
    const decoded = decodeJwt(`${segment(header)}.${segment(payload)}.c2ln`);
    expect(decoded?.payload.credentialSubject).toMatchObject({ name: '省电力公司' });
    expect(summarizeCredential(decoded!)).toEqual({
      types: ['MembershipCredential'],
      issuer: 'did:web:op.example',
      subject: 'did:web:op.example:participants:p_1',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      algorithm: 'EdDSA',
      keyId: 'did:web:op.example#issuer-key',
    });
  });

  it('falls back to the JWT claims and rejects what is not a JWT', () => {
    const decoded = decodeJwt(`${segment({ alg: 'ES256' })}.${segment({ iss: 'did:web:x', sub: 'did:web:y', nbf: 0, exp: 60, vc: { type: 'LegalEntityCredential' } })}.x`);
    expect(summarizeCredential(decoded!)).toMatchObject({ types: ['LegalEntityCredential'], issuer: 'did:web:x', subject: 'did:web:y', validUntil: '1970-01-01T00:01:00.000Z' });
    expect(decodeJwt('not-a-jwt')).toBeUndefined();
    expect(decodeJwt('a.b.c')).toBeUndefined();
  });
});
