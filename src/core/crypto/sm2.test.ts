import { sm2 as library } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, importSm2PrivateHex, sm2Digest, sm2Z, SM2_DEFAULT_ID, verifySm2 } from './sm2.js';
import { sm2SignatureFromDer, sm2SignatureToDer } from './sm2-signature-der.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const utf8 = (s: string) => new TextEncoder().encode(s);

// GM/T 0003.5-2012 Annex A.2 (= GB/T 32918.5-2017 Annex A), the signature example on the
// recommended curve: message "message digest", ID "1234567812345678" (GM/T 0009's default).
// The same numbers are OpenSSL's test/sm2_internal_test.c known answer.
const VECTOR = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  publicKey:
    '04' +
    '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' +
    'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  message: utf8('message digest'),
  z: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  x1: '04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
const ORDER = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123';
const message = utf8('trustspace');

describe('SM2 against the GM/T 0003.5 / GB/T 32918.5 example', () => {
  const key = importSm2PrivateHex(VECTOR.d);
  const signature = hex(VECTOR.r + VECTOR.s);

  it('derives the published public key from the private key', () => {
    expect(toHex(key.publicKey)).toBe(VECTOR.publicKey);
  });

  it('computes the published Z for ID 1234567812345678, the default', () => {
    expect(toHex(sm2Z(key.publicKey))).toBe(VECTOR.z);
    expect(toHex(sm2Z(key.publicKey, '1234567812345678'))).toBe(VECTOR.z);
    expect(toHex(sm2Z(key.publicKey, utf8(SM2_DEFAULT_ID)))).toBe(VECTOR.z);
  });

  it('computes the published e = SM3(Z || M)', () => {
    expect(toHex(sm2Digest(key.publicKey, VECTOR.message))).toBe(VECTOR.e);
  });

  it('verifies the published (r, s)', () => {
    expect(verifySm2(hex(VECTOR.publicKey), VECTOR.message, signature)).toBe(true);
    expect(verifySm2(hex(VECTOR.publicKey), VECTOR.message, signature, 'ALICE123@YAHOO.COM')).toBe(false);
  });

  it('reproduces the published (r, s) from the fixed k through the signing equation it uses', () => {
    // sign() takes k from a CSPRNG; here the library gets the published k (and kG) instead,
    // fed with our e, to show the equation behind sign() yields the standard's numbers.
    const kG = library.getPublicKeyFromPrivateKey(VECTOR.k.toLowerCase());
    expect(kG.slice(2, 66).toUpperCase()).toBe(VECTOR.x1);
    const pointPool = [{ k: BigInt(`0x${VECTOR.k}`), x1: BigInt(`0x${VECTOR.x1}`) }];
    const rs = library.doSignature(hex(VECTOR.e), VECTOR.d.toLowerCase(), { pointPool, der: false, hash: false });
    expect(rs.toUpperCase()).toBe(VECTOR.r + VECTOR.s);
  });

  it("agrees with the library's own Z computation", () => {
    expect(toHex(library.getZ(VECTOR.publicKey.toLowerCase()))).toBe(VECTOR.z);
    expect(toHex(library.getZ(VECTOR.publicKey.toLowerCase(), 'ALICE123@YAHOO.COM'))).toBe(toHex(sm2Z(key.publicKey, 'ALICE123@YAHOO.COM')));
  });
});

describe('SM2 keys and signatures', () => {
  it('signs 64-byte signatures that verify under the 65-byte public key', () => {
    const key = generateSm2KeyPair();
    expect(key.publicKey).toHaveLength(65);
    expect(key.publicKey[0]).toBe(4);
    const signature = key.sign(message);
    expect(signature).toHaveLength(64);
    expect(verifySm2(key.publicKey, message, signature)).toBe(true);
    expect(key.sign(message)).not.toEqual(signature); // fresh k every time
  });

  it('interoperates with an independent Z path (the library hashing with its own Z)', () => {
    const key = generateSm2KeyPair();
    const pub = toHex(key.publicKey).toLowerCase();
    expect(library.doVerifySignature(message, toHex(key.sign(message)), pub, { hash: true })).toBe(true);
    expect(library.doVerifySignature(message, toHex(key.sign(message, 'bob@example.com')), pub, { hash: true, userId: 'bob@example.com' })).toBe(true);
    const theirs = hex(library.doSignature(message, key.exportPrivateHex(), { hash: true, userId: 'alice' }));
    expect(verifySm2(key.publicKey, message, theirs, 'alice')).toBe(true);
  });

  it('rejects a tampered message, signature, another key or another signer ID', () => {
    const key = generateSm2KeyPair();
    const signature = key.sign(message, 'alice@example.com');
    expect(verifySm2(key.publicKey, message, signature, 'alice@example.com')).toBe(true);
    expect(verifySm2(key.publicKey, utf8('trustspacE'), signature, 'alice@example.com')).toBe(false);
    expect(verifySm2(key.publicKey, message, signature)).toBe(false);
    expect(verifySm2(key.publicKey, message, signature, 'bob@example.com')).toBe(false);
    expect(verifySm2(generateSm2KeyPair().publicKey, message, signature, 'alice@example.com')).toBe(false);
    const flipped = signature.slice();
    flipped[40]! ^= 1;
    expect(verifySm2(key.publicKey, message, flipped, 'alice@example.com')).toBe(false);
  });

  it('returns false instead of throwing on malformed input', () => {
    const key = generateSm2KeyPair();
    const signature = key.sign(message);
    const offCurve = key.publicKey.slice();
    offCurve[64]! ^= 1;
    const infinity = new Uint8Array(65);
    infinity[0] = 4;
    const zeros = new Uint8Array(64);
    const sEqualsN = Uint8Array.from([...signature.subarray(0, 32), ...hex(ORDER)]);
    const cases: [Uint8Array, Uint8Array, Uint8Array][] = [
      [key.publicKey.subarray(1), message, signature],
      [offCurve, message, signature],
      [infinity, message, signature],
      [key.publicKey, message, signature.subarray(1)],
      [key.publicKey, message, zeros],
      [key.publicKey, message, sEqualsN],
      [new Uint8Array(), new Uint8Array(), new Uint8Array()],
    ];
    for (const [publicKey, msg, sig] of cases) expect(verifySm2(publicKey, msg, sig)).toBe(false);
    expect(verifySm2(key.publicKey, message, signature, 'x'.repeat(8192))).toBe(false);
    expect(verifySm2('04' as never, message, signature)).toBe(false);
  });

  it('round-trips the private key through its explicit hex export', () => {
    const key = generateSm2KeyPair();
    const exported = key.exportPrivateHex();
    expect(exported).toMatch(/^[0-9a-f]{64}$/);
    const again = importSm2PrivateHex(exported.toUpperCase());
    expect(again.publicKey).toEqual(key.publicKey);
    expect(verifySm2(key.publicKey, message, again.sign(message))).toBe(true);
  });

  it('keeps the private key out of JSON and enumerable properties', () => {
    const key = generateSm2KeyPair();
    expect(Object.keys(key)).toEqual(['publicKey']);
    expect(JSON.stringify(key)).not.toContain(key.exportPrivateHex());
  });

  it('refuses private keys that are not hex or lie outside [1, n-2], and over-long IDs', () => {
    expect(() => importSm2PrivateHex('xyz')).toThrow(RangeError);
    expect(() => importSm2PrivateHex('00'.repeat(32))).toThrow(RangeError);
    const nMinus1 = (BigInt(`0x${ORDER}`) - 1n).toString(16);
    expect(() => importSm2PrivateHex(nMinus1)).toThrow(RangeError);
    expect(() => importSm2PrivateHex((BigInt(`0x${ORDER}`) - 2n).toString(16))).not.toThrow();
    expect(() => generateSm2KeyPair().sign(message, 'x'.repeat(8192))).toThrow(RangeError);
  });
});

describe('SM2 signature DER', () => {
  it('encodes the published signature as SEQUENCE of two 33-byte INTEGERs and back', () => {
    const raw = hex(VECTOR.r + VECTOR.s);
    const der = sm2SignatureToDer(raw);
    expect(toHex(der)).toBe(`30460221 00${VECTOR.r}0221 00${VECTOR.s}`.replaceAll(' ', ''));
    expect(sm2SignatureFromDer(der)).toEqual(raw);
    expect(library.doVerifySignature(VECTOR.message, toHex(der), VECTOR.publicKey.toLowerCase(), { der: true, hash: true })).toBe(true);
  });

  it('writes minimal integers for small r and s', () => {
    const raw = new Uint8Array(64);
    raw[31] = 0x01;
    raw[62] = 0x00;
    raw[63] = 0x80;
    expect(toHex(sm2SignatureToDer(raw))).toBe('3007020101020200' + '80');
    expect(sm2SignatureFromDer(sm2SignatureToDer(raw))).toEqual(raw);
  });

  it('round-trips fresh signatures', () => {
    const key = generateSm2KeyPair();
    for (let i = 0; i < 8; i++) {
      const raw = key.sign(message);
      expect(sm2SignatureFromDer(sm2SignatureToDer(raw))).toEqual(raw);
    }
  });

  it('refuses non-minimal, negative, oversized, long-form or trailing encodings', () => {
    const bad = [
      '', // nothing
      '3106020101020101', // not a SEQUENCE
      '30060201010201010000', // bytes after the SEQUENCE
      '3007020101020101' + '00', // a byte after s inside the SEQUENCE
      '3081060201010201' + '01', // long-form length
      '3005020101' + '0201', // s cut short
      '3006020101' + '020181', // negative s
      '3007' + '02020001' + '020101', // r with a needless leading zero
      `3027022200${'ff'.repeat(33)}020101`, // r of 34 bytes
      `30260221 7f${'ff'.repeat(32)}020101`.replace(' ', ''), // r wider than 256 bits
    ];
    for (const h of bad) expect(() => sm2SignatureFromDer(hex(h))).toThrow(RangeError);
    expect(() => sm2SignatureToDer(new Uint8Array(63))).toThrow(RangeError);
  });
});
