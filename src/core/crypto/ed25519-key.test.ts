import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair, importEd25519PrivatePem, importEd25519Seed, verifyEd25519 } from './ed25519-key.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const message = new TextEncoder().encode('trustspace');

describe('Ed25519 keys', () => {
  it('reproduces RFC 8032 test 1 from its seed', () => {
    const key = importEd25519Seed(hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(Buffer.from(key.publicKey).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(Buffer.from(key.sign(new Uint8Array())).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('signs messages that verify under its 32-byte public key', () => {
    const key = generateEd25519KeyPair();
    expect(key.publicKey).toHaveLength(32);
    const signature = key.sign(message);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(key.publicKey, message, signature)).toBe(true);
  });

  it('round-trips through a PKCS#8 PEM export', () => {
    const key = generateEd25519KeyPair();
    const pem = key.exportPrivatePkcs8Pem();
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const again = importEd25519PrivatePem(pem);
    expect(again.publicKey).toEqual(key.publicKey);
    expect(again.sign(message)).toEqual(key.sign(message));
  });

  it('keeps the private key out of JSON and enumerable properties', () => {
    const key = generateEd25519KeyPair();
    expect(Object.keys(key)).toEqual(['publicKey']);
    expect(JSON.stringify(key)).not.toMatch(/PRIVATE/);
  });

  it('rejects tampered messages, signatures and keys', () => {
    const key = generateEd25519KeyPair();
    const signature = key.sign(message);
    const flipped = signature.slice();
    flipped[10]! ^= 1;
    expect(verifyEd25519(key.publicKey, message, flipped)).toBe(false);
    expect(verifyEd25519(key.publicKey, new TextEncoder().encode('trustspacE'), signature)).toBe(false);
    expect(verifyEd25519(generateEd25519KeyPair().publicKey, message, signature)).toBe(false);
  });

  it('returns false instead of throwing on malformed input', () => {
    const key = generateEd25519KeyPair();
    const signature = key.sign(message);
    expect(verifyEd25519(key.publicKey.subarray(1), message, signature)).toBe(false);
    expect(verifyEd25519(key.publicKey, message, signature.subarray(1))).toBe(false);
    expect(verifyEd25519(new Uint8Array(32).fill(0xff), message, signature)).toBe(false);
    expect(verifyEd25519(new Uint8Array(), new Uint8Array(), new Uint8Array())).toBe(false);
  });

  it('refuses PEM keys that are not Ed25519 and seeds of the wrong size', () => {
    expect(() => importEd25519PrivatePem('not a pem')).toThrow();
    expect(() => importEd25519Seed(new Uint8Array(31))).toThrow(RangeError);
  });
});
