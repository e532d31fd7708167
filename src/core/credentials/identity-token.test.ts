import { describe, expect, it } from 'vitest';
import { generateSigningKey, verifyCompactJws } from '../crypto/signing-key.js';
import { MAX_IDENTITY_TOKEN_SECONDS, mintIdentityToken, type IdentityTokenInput } from './identity-token.js';
import { unenvelope } from './vc-jose.js';

const HOLDER = 'did:web:space-a.example:participants:p1';
const NOW = new Date('2026-11-23T08:00:00.500Z');
const key = generateSigningKey('EdDSA');

const anInput = (overrides: Partial<IdentityTokenInput> = {}): IdentityTokenInput => ({
  key,
  kid: `${HOLDER}#key-1`,
  holderDid: HOLDER,
  audience: 'did:web:space-a.example:participants:p2',
  credentials: ['h.m.s', 'h.l.s'],
  now: NOW,
  ttlSeconds: 120,
  jti: 'urn:uuid:5d6a1f0e-7d2b-4f6f-9b0e-2a1c3d4e5f60',
  ...overrides,
});

describe('identity tokens', () => {
  it('are a JWT self-signed by the holder’s key, with the contract’s claims in whole seconds', async () => {
    const { header, payload } = await verifyCompactJws(await mintIdentityToken(anInput()), key.publicJwk(), { algorithms: ['EdDSA'] });
    expect(header).toEqual({ kid: `${HOLDER}#key-1`, typ: 'JWT', alg: 'EdDSA' });
    expect(payload).toMatchObject({ iss: HOLDER, sub: HOLDER, aud: 'did:web:space-a.example:participants:p2', iat: 1_795_420_800, exp: 1_795_420_920, jti: anInput().jti });
  });

  it('carry the credentials, in order, as enveloped credentials of a presentation held by the holder', async () => {
    const { payload } = await verifyCompactJws(await mintIdentityToken(anInput()), key.publicJwk(), { algorithms: ['EdDSA'] });
    const vp = (payload as { vp: { holder: string; type: string[]; verifiableCredential: unknown[] } }).vp;
    expect(vp.holder).toBe(HOLDER);
    expect(vp.type).toEqual(['VerifiablePresentation']);
    expect(vp.verifiableCredential.map(unenvelope)).toEqual(['h.m.s', 'h.l.s']);
  });

  it('live 1 to 300 seconds; any other lifetime is refused before signing', async () => {
    await expect(mintIdentityToken(anInput({ ttlSeconds: MAX_IDENTITY_TOKEN_SECONDS }))).resolves.toMatch(/\./);
    for (const ttlSeconds of [0, -1, MAX_IDENTITY_TOKEN_SECONDS + 1, 1.5, Number.NaN]) {
      await expect(mintIdentityToken(anInput({ ttlSeconds })), String(ttlSeconds)).rejects.toThrow(RangeError);
    }
  });
});
