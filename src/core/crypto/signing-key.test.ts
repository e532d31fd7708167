import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCompactJws, generateSigningKey, importSigningKeyPem, JwsError, jwkThumbprint, signingAlgorithms, verifyCompactJws } from './signing-key.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const reason = (promise: Promise<unknown>) => promise.then(() => 'verified', (e: unknown) => (e instanceof JwsError ? e.reason : String(e)));

describe.each(signingAlgorithms)('%s signing keys', (algorithm) => {
  const key = generateSigningKey(algorithm);

  it('signs a compact JWS that verifies with the public JWK and carries the header and payload', async () => {
    const jws = await key.signJws({ kid: 'k1', typ: 'JWT' }, { hello: '世界' });
    const { header, payload } = await verifyCompactJws(jws, key.publicJwk(), { algorithms: signingAlgorithms });
    expect(header).toEqual({ kid: 'k1', typ: 'JWT', alg: algorithm });
    expect(payload).toEqual({ hello: '世界' });
    expect(await key.verifies(jws)).toBe(true);
  });

  it('keeps its public key through a PEM export and import, and still verifies old signatures', async () => {
    const jws = await key.signJws({}, { n: 1 });
    const again = importSigningKeyPem(key.exportPrivatePkcs8Pem());
    expect(again.algorithm).toBe(algorithm);
    expect(again.publicJwk()).toEqual(key.publicJwk());
    expect(await again.verifies(jws)).toBe(true);
  });

  it('refuses a tampered payload, header or signature', async () => {
    const [h, p, s] = (await key.signJws({ typ: 'JWT' }, { role: 'consumer' })).split('.') as [string, string, string];
    const jwk = key.publicJwk();
    expect(await reason(verifyCompactJws(`${h}.${b64({ role: 'provider' })}.${s}`, jwk, { algorithms: signingAlgorithms }))).toBe('signature');
    expect(await reason(verifyCompactJws(`${b64({ alg: algorithm, typ: 'X' })}.${p}.${s}`, jwk, { algorithms: signingAlgorithms }))).toBe('signature');
    const flipped = Buffer.from(s, 'base64url');
    flipped[5]! ^= 1;
    expect(await reason(verifyCompactJws(`${h}.${p}.${flipped.toString('base64url')}`, jwk, { algorithms: signingAlgorithms }))).toBe('signature');
  });

  it('refuses algorithm confusion: another alg in the header, alg none, or an alg the caller excludes', async () => {
    const [, p, s] = (await key.signJws({}, { a: 1 })).split('.') as [string, string, string];
    const jwk = key.publicJwk();
    for (const alg of ['none', 'HS256', ...signingAlgorithms.filter((a) => a !== algorithm)]) {
      expect(await reason(verifyCompactJws(`${b64({ alg })}.${p}.${s}`, jwk, { algorithms: signingAlgorithms }))).toBe('algorithm');
    }
    const jws = await key.signJws({}, { a: 1 });
    expect(await reason(verifyCompactJws(jws, jwk, { algorithms: signingAlgorithms.filter((a) => a !== algorithm) }))).toBe('algorithm');
  });

  it('never shows its private key in JSON or enumerable properties', () => {
    const pem = key.exportPrivatePkcs8Pem();
    const secret = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    expect(JSON.stringify(key)).not.toContain(secret.slice(0, 20));
    expect(Object.keys(key).join()).not.toMatch(/private|secret|#/i);
  });
});

describe('compact JWS parsing and key ids', () => {
  it('refuses malformed input as malformed', async () => {
    const jwk = generateSigningKey('EdDSA').publicJwk();
    for (const jws of ['a.b', 'a.b.c.d', '***.e30.AA', `${Buffer.from('not json').toString('base64url')}.e30.AA`]) {
      expect(await reason(verifyCompactJws(jws, jwk, { algorithms: signingAlgorithms }))).toBe('malformed');
    }
    expect(() => decodeCompactJws('x')).toThrow(JwsError);
  });

  it('refuses a signature by another key of the same type', async () => {
    const a = generateSigningKey('ES256');
    const b = generateSigningKey('ES256');
    expect(await reason(verifyCompactJws(await a.signJws({}, {}), b.publicJwk(), { algorithms: ['ES256'] }))).toBe('signature');
  });

  it('computes RFC 7638 thumbprints over the required members in lexicographic order', () => {
    const jwk = generateSigningKey('ES256').publicJwk();
    const expected = createHash('sha256').update(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`).digest('base64url');
    expect(jwkThumbprint({ ...jwk, kid: 'ignored', use: 'sig' } as never)).toBe(expected);
    const okp = generateSigningKey('EdDSA').publicJwk();
    expect(jwkThumbprint(okp)).toBe(createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${okp.x}"}`).digest('base64url'));
  });
});

describe('critical header extensions', () => {
  it.each(signingAlgorithms)('refuses a %s JWS that asks for any crit extension (RFC 7515 §4.1.11), even a validly signed one', async (algorithm) => {
    const key = generateSigningKey(algorithm);
    const jws = await key.signJws({ crit: ['b64'], b64: false }, { a: 1 });
    expect(await reason(verifyCompactJws(jws, key.publicJwk(), { algorithms: signingAlgorithms }))).toBe('malformed');
    expect(await key.verifies(jws)).toBe(false);
  });
});
