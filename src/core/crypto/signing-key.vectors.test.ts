import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeCompactJws, generateSigningKey, importSigningKeyPem, JwsError, jwkThumbprint, signingAlgorithms, verifyCompactJws, type PublicJwk, type SigningAlgorithm } from './signing-key.js';
import { importSm2PrivateHex, verifySm2 } from './sm2.js';

// Known answers and cross-checks that complement signing-key.test.ts: published JOSE vectors,
// agreement with sm2.ts, algorithm confusion across key types, and key confinement.

// RFC 7515 Appendix A.3: the ES256 example (key, and a JWS over a JSON payload with CR LF inside).
const RFC7515_A3 = {
  jwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
  jws:
    'eyJhbGciOiJFUzI1NiJ9' +
    '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
    '.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q',
};

// RFC 8037 Appendix A.1–A.3: the Ed25519 key (RFC 8032 test 1) and its RFC 7638 thumbprint;
// A.4 encodes the header {"alg":"EdDSA"} as below.
const RFC8037 = {
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  thumbprint: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
  header: 'eyJhbGciOiJFZERTQSJ9',
};

// GB/T 32918.5-2017 Annex A (= GM/T 0003.5 A.2): the SM2 example key, also used in sm2.test.ts.
const GBT32918 = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  x: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  y: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
};

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const b64json = (value: unknown) => b64(JSON.stringify(value));
const hexToB64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
const reason = (promise: Promise<unknown>) => promise.then(() => 'verified', (e: unknown) => (e instanceof JwsError ? e.reason : `threw ${String(e)}`));
const verifyAny = (jws: string, jwk: PublicJwk) => verifyCompactJws(jws, jwk, { algorithms: signingAlgorithms });
const pkcs8PemOfJwk = (jwk: Record<string, string>) => createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
// The key file form of an SM2 key (exportPrivatePkcs8Pem's output for SM2): the scalar in hex.
const sm2KeyFile = (hex: string) => `-----BEGIN TDS SM2 PRIVATE KEY-----\n${hex}\n-----END TDS SM2 PRIVATE KEY-----\n`;

describe('published JOSE vectors', () => {
  it('verifies the RFC 7515 A.3 ES256 example and returns its header and payload', async () => {
    const { header, payload } = await verifyCompactJws(RFC7515_A3.jws, RFC7515_A3.jwk, { algorithms: ['ES256'] });
    expect(header).toEqual({ alg: 'ES256' });
    expect(payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it('refuses the RFC 7515 A.3 example with one signature bit flipped, or when ES256 is not allowed', async () => {
    const [h, p, s] = RFC7515_A3.jws.split('.') as [string, string, string];
    const flipped = Buffer.from(s, 'base64url');
    flipped[0]! ^= 0x01;
    expect(await reason(verifyAny(`${h}.${p}.${b64(flipped)}`, RFC7515_A3.jwk))).toBe('signature');
    expect(await reason(verifyCompactJws(RFC7515_A3.jws, RFC7515_A3.jwk, { algorithms: ['EdDSA', 'SM2'] }))).toBe('algorithm');
  });

  it('imports the RFC 7515 A.3 P-256 key from PKCS#8 and signs what an independent verifier accepts', async () => {
    const key = importSigningKeyPem(pkcs8PemOfJwk({ ...RFC7515_A3.jwk, d: RFC7515_A3.d }));
    expect(key.algorithm).toBe('ES256');
    expect(key.publicJwk()).toEqual(RFC7515_A3.jwk);
    const [h, p, s] = (await key.signJws({ kid: 'rfc7515' }, { iss: 'joe' })).split('.') as [string, string, string];
    const publicKey = createPublicKey({ key: RFC7515_A3.jwk, format: 'jwk' });
    // JWS ES256 signatures are raw r || s (64 bytes), not DER.
    expect(Buffer.from(s, 'base64url')).toHaveLength(64);
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
  });

  it('imports the RFC 8037 Ed25519 key, publishes its x and reproduces its RFC 7638 thumbprint', () => {
    const key = importSigningKeyPem(pkcs8PemOfJwk({ kty: 'OKP', crv: 'Ed25519', x: RFC8037.x, d: RFC8037.d }));
    expect(key.algorithm).toBe('EdDSA');
    expect(key.publicJwk()).toEqual({ kty: 'OKP', crv: 'Ed25519', x: RFC8037.x });
    expect(jwkThumbprint(key.publicJwk())).toBe(RFC8037.thumbprint);
    // Only the required members count: kid, use and alg do not change the thumbprint (RFC 7638 §3.2).
    expect(jwkThumbprint({ kid: 'k', use: 'sig', alg: 'EdDSA', x: RFC8037.x, kty: 'OKP', crv: 'Ed25519' })).toBe(RFC8037.thumbprint);
  });

  it('signs EdDSA JWS as RFC 8037 A.4 encodes them: the same header segment, and a deterministic RFC 8032 signature', async () => {
    const key = importSigningKeyPem(pkcs8PemOfJwk({ kty: 'OKP', crv: 'Ed25519', x: RFC8037.x, d: RFC8037.d }));
    const jws = await key.signJws({}, { sub: 'did:web:example.com' });
    const [h, p, s] = jws.split('.') as [string, string, string];
    expect(h).toBe(RFC8037.header);
    expect(p).toBe(b64json({ sub: 'did:web:example.com' }));
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: RFC8037.x }, format: 'jwk' });
    expect(nodeVerify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    expect(await key.signJws({}, { sub: 'did:web:example.com' })).toBe(jws);
  });

  it('imports the GB/T 32918.5 example SM2 key and publishes its point as the JWK x and y', () => {
    const key = importSigningKeyPem(sm2KeyFile(GBT32918.d.toLowerCase()));
    expect(key.algorithm).toBe('SM2');
    expect(key.publicJwk()).toEqual({ kty: 'EC', crv: 'SM2', x: hexToB64(GBT32918.x), y: hexToB64(GBT32918.y) });
    expect(importSigningKeyPem(key.exportPrivatePkcs8Pem()).publicJwk()).toEqual(key.publicJwk());
  });
});

describe('SM2 JWS and sm2.ts', () => {
  const signingInput = (jws: string) => new TextEncoder().encode(jws.split('.').slice(0, 2).join('.'));
  const publicPoint = (jwk: PublicJwk) => Uint8Array.from(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y!, 'base64url')]));

  it('signs JWS whose 64-byte r || s signature verifySm2 accepts over the signing input, with the default signer ID', async () => {
    const key = importSigningKeyPem(sm2KeyFile(GBT32918.d));
    const jws = await key.signJws({ kid: 'sm2' }, { 身份: '城商银行' });
    const signature = Uint8Array.from(Buffer.from(jws.split('.')[2]!, 'base64url'));
    expect(signature).toHaveLength(64);
    expect(verifySm2(publicPoint(key.publicJwk()), signingInput(jws), signature)).toBe(true);
    expect(verifySm2(publicPoint(key.publicJwk()), signingInput(jws), signature, 'ALICE123@YAHOO.COM')).toBe(false);
  });

  it('verifies a JWS assembled by hand with sm2.ts, and refuses one signed under another signer ID', async () => {
    const pair = importSm2PrivateHex(GBT32918.d);
    const jwk: PublicJwk = { kty: 'EC', crv: 'SM2', x: hexToB64(GBT32918.x), y: hexToB64(GBT32918.y) };
    const input = `${b64json({ alg: 'SM2', typ: 'JWT' })}.${b64json({ n: 1 })}`;
    const bytes = new TextEncoder().encode(input);
    expect(await verifyAny(`${input}.${b64(pair.sign(bytes))}`, jwk)).toEqual({ header: { alg: 'SM2', typ: 'JWT' }, payload: { n: 1 } });
    expect(await reason(verifyAny(`${input}.${b64(pair.sign(bytes, 'ALICE123@YAHOO.COM'))}`, jwk))).toBe('signature');
  });

  it('refuses an SM2 JWK whose coordinates are not 32 bytes each, or a point off the curve', async () => {
    const key = generateSigningKey('SM2');
    const jws = await key.signJws({}, {});
    const jwk = key.publicJwk();
    expect(await reason(verifyAny(jws, { ...jwk, x: b64(Buffer.from(jwk.x, 'base64url').subarray(1)) }))).toBe('signature');
    expect(await reason(verifyAny(jws, { kty: 'EC', crv: 'SM2', x: jwk.x }))).toBe('signature');
    const y = Buffer.from(jwk.y!, 'base64url');
    y[31]! ^= 1;
    expect(await reason(verifyAny(jws, { ...jwk, y: b64(y) }))).toBe('signature');
  });
});

describe('algorithm confusion across key types', () => {
  const keys = Object.fromEntries(signingAlgorithms.map((a) => [a, generateSigningKey(a)])) as Record<SigningAlgorithm, ReturnType<typeof generateSigningKey>>;
  const pairs = signingAlgorithms.flatMap((signer) => signingAlgorithms.filter((v) => v !== signer).map((verifier) => [signer, verifier] as const));

  it.each(pairs)('refuses a %s-signed JWS checked against a %s key as an algorithm mismatch', async (signer, verifier) => {
    const jws = await keys[signer].signJws({ typ: 'JWT' }, { a: 1 });
    expect(await reason(verifyAny(jws, keys[verifier].publicJwk()))).toBe('algorithm');
  });

  it.each(pairs)('refuses a %s signature relabelled to fit a %s key', async (signer, verifier) => {
    const [, p, s] = (await keys[signer].signJws({}, { a: 1 })).split('.') as [string, string, string];
    expect(await reason(verifyAny(`${b64json({ alg: verifier })}.${p}.${s}`, keys[verifier].publicJwk()))).toBe('signature');
  });

  it('refuses alg none with an empty signature, a missing alg and an alg in other letter case', async () => {
    const jwk = keys.EdDSA.publicJwk();
    const payload = b64json({ admin: true });
    for (const header of [{ alg: 'none' }, {}, { alg: 'eddsa' }, { alg: ['EdDSA'] }]) {
      expect(await reason(verifyAny(`${b64json(header)}.${payload}.`, jwk))).toBe('algorithm');
    }
  });

  it('refuses everything when the caller allows no algorithm', async () => {
    for (const algorithm of signingAlgorithms) {
      const key = keys[algorithm];
      expect(await reason(verifyCompactJws(await key.signJws({}, {}), key.publicJwk(), { algorithms: [] }))).toBe('algorithm');
      expect(await key.verifies(await key.signJws({}, {}))).toBe(true);
    }
  });

  it('refuses keys of types it does not sign with: RSA, X25519, P-384, secp256k1', async () => {
    const jws = await keys.ES256.signJws({}, {});
    const export_ = (k: ReturnType<typeof generateKeyPairSync>['publicKey']) => k.export({ format: 'jwk' }) as unknown as PublicJwk;
    const others = [
      export_(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
      export_(generateKeyPairSync('x25519').publicKey),
      export_(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey),
      export_(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey),
    ];
    for (const jwk of others) expect(await reason(verifyAny(jws, jwk))).toBe('key');
  });
});

describe('malformed compact JWS', () => {
  const jwk = generateSigningKey('EdDSA').publicJwk();
  const e30 = b64json({});
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['one part', 'x'],
    ['two parts', `${b64json({ alg: 'EdDSA' })}.${e30}`],
    ['four parts', `${b64json({ alg: 'EdDSA' })}.${e30}.AA.AA`],
    ['padding', `${b64json({ alg: 'EdDSA' })}=.${e30}.AA`],
    ['the standard base64 alphabet', `${b64json({ alg: 'EdDSA' })}.${e30}.AA+/`],
    ['a non-JSON header', `${b64('alg=EdDSA')}.${e30}.AA`],
    ['a JSON null header', `${b64json(null)}.${e30}.AA`],
    ['a JSON array header', `${b64json(['EdDSA'])}.${e30}.AA`],
    ['a JSON string header', `${b64json('EdDSA')}.${e30}.AA`],
    ['a non-JSON payload', `${b64json({ alg: 'EdDSA' })}.${b64('hello')}.AA`],
    ['a non-base64url signature', `${b64json({ alg: 'EdDSA' })}.${e30}.A*A`],
    ['whitespace', ` ${b64json({ alg: 'EdDSA' })}.${e30}.AA`],
  ];

  it.each(cases)('refuses %s as malformed, with a JwsError', async (_name, jws) => {
    const error = await verifyAny(jws, jwk).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(JwsError);
    expect(error).toMatchObject({ name: 'JwsError', reason: 'malformed' });
  });

  it('decodes without verifying: header, payload, signing input and signature bytes', () => {
    const jws = `${b64json({ alg: 'EdDSA', kid: 'did:web:a#k' })}.${b64json({ iss: 'did:web:a' })}.${b64(new Uint8Array([1, 2, 3]))}`;
    const decoded = decodeCompactJws(jws);
    expect(decoded.header).toEqual({ alg: 'EdDSA', kid: 'did:web:a#k' });
    expect(decoded.payload).toEqual({ iss: 'did:web:a' });
    expect(decoded.signingInput).toBe(jws.split('.').slice(0, 2).join('.'));
    expect([...decoded.signature]).toEqual([1, 2, 3]);
  });
});

describe('private key confinement', () => {
  // The secret each key file holds: the JWK `d` for PKCS#8 keys, the hex scalar for SM2.
  const secretOf = (pem: string) => {
    const sm2 = /-----BEGIN TDS SM2 PRIVATE KEY-----\s*([0-9a-f]{64})/i.exec(pem);
    return sm2 ? [sm2[1]!, hexToB64(sm2[1]!)] : [(createPrivateKey(pem).export({ format: 'jwk' }) as { d: string }).d];
  };

  it.each(signingAlgorithms)('keeps the %s private key out of JSON, property names, util.inspect and the public JWK', (algorithm) => {
    const key = generateSigningKey(algorithm);
    const secrets = secretOf(key.exportPrivatePkcs8Pem());
    const shown = [JSON.stringify(key), Object.keys(key).join(), Object.getOwnPropertyNames(key).join(), inspect(key, { showHidden: true, depth: Infinity }), JSON.stringify(key.publicJwk())];
    for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(key.publicJwk()).not.toHaveProperty('d');
  });

  it.each(signingAlgorithms)('hands out copies of the %s public JWK, so a caller cannot change the key', async (algorithm) => {
    const key = generateSigningKey(algorithm);
    const jwk = key.publicJwk();
    const original = { ...jwk };
    jwk.x = 'AAAA';
    expect(key.publicJwk()).toEqual(original);
    expect(await key.verifies(await key.signJws({}, {}))).toBe(true);
  });

  it.each(signingAlgorithms)('re-imports a %s key file so that old and new signatures verify both ways', async (algorithm) => {
    const key = generateSigningKey(algorithm);
    const again = importSigningKeyPem(key.exportPrivatePkcs8Pem());
    expect(await again.verifies(await key.signJws({}, { n: 1 }))).toBe(true);
    expect(await key.verifies(await again.signJws({}, { n: 2 }))).toBe(true);
    expect(await reason(verifyAny(await again.signJws({}, { n: 3 }), key.publicJwk()))).toBe('verified');
  });

  it('refuses key files it cannot sign with', () => {
    const pem = (type: 'rsa' | 'x25519' | 'ec') =>
      (type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-384' }) : generateKeyPairSync('x25519')).privateKey
        .export({ type: 'pkcs8', format: 'pem' })
        .toString();
    for (const file of [pem('rsa'), pem('x25519'), pem('ec')]) expect(() => importSigningKeyPem(file)).toThrow(TypeError);
    expect(() => importSigningKeyPem(sm2KeyFile('0'.repeat(64)))).toThrow(RangeError);
    expect(() => importSigningKeyPem('not a key')).toThrow();
  });

  it('produces Ed25519 signatures independent of the key object: the same as node:crypto with the same seed', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: RFC8037.x, d: RFC8037.d };
    const key = importSigningKeyPem(pkcs8PemOfJwk(jwk));
    const jws = await key.signJws({ typ: 'JWT' }, { a: 1 });
    const input = jws.split('.').slice(0, 2).join('.');
    expect(jws.split('.')[2]).toBe(b64(nodeSign(null, Buffer.from(input), createPrivateKey({ key: jwk, format: 'jwk' }))));
  });
});
