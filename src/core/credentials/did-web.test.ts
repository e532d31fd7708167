import { describe, expect, it } from 'vitest';
import { buildDidDocument, didWebFromUrl, didWebToUrl, findVerificationKey } from './did-web.js';

describe('did:web', () => {
  it('maps DIDs to document URLs as the method specification’s examples do', () => {
    expect(didWebToUrl('did:web:w3c-ccg.github.io')).toBe('https://w3c-ccg.github.io/.well-known/did.json');
    expect(didWebToUrl('did:web:w3c-ccg.github.io:user:alice')).toBe('https://w3c-ccg.github.io/user/alice/did.json');
    expect(didWebToUrl('did:web:example.com%3A3000:user:alice')).toBe('https://example.com:3000/user/alice/did.json');
  });

  it('uses plain HTTP only for hosts the caller allows', () => {
    const loopback = (host: string) => host.startsWith('127.0.0.1');
    expect(didWebToUrl('did:web:127.0.0.1%3A7070', { allowHttpHosts: loopback })).toBe('http://127.0.0.1:7070/.well-known/did.json');
    expect(didWebToUrl('did:web:example.com', { allowHttpHosts: loopback })).toBe('https://example.com/.well-known/did.json');
  });

  it('refuses malformed DIDs and path tricks', () => {
    for (const did of ['did:key:z6Mk', 'did:web:', 'did:web:a:..:b', 'did:web:evil.com%2Fx', 'did:web:a::b']) expect(() => didWebToUrl(did)).toThrow(TypeError);
  });

  it('derives a DID from a URL and back, ports included', () => {
    const did = didWebFromUrl('http://127.0.0.1:7070/spaces/one/');
    expect(did).toBe('did:web:127.0.0.1%3A7070:spaces:one');
    expect(didWebToUrl(did, { allowHttpHosts: () => true })).toBe('http://127.0.0.1:7070/spaces/one/did.json');
  });

  it('builds a document whose keys are found by absolute and relative key ids', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'abc' };
    const doc = buildDidDocument({ did: 'did:web:op.example:participants:p1', keys: [{ id: 'key-1', publicJwk: jwk }] });
    expect(doc.assertionMethod).toEqual(['did:web:op.example:participants:p1#key-1']);
    expect(findVerificationKey(doc, 'did:web:op.example:participants:p1#key-1')).toEqual(jwk);
    expect(findVerificationKey(doc, '#key-1')).toEqual(jwk);
    expect(findVerificationKey(doc, 'did:web:other#key-1')).toBeUndefined();
  });
});

describe('did:web resolution of hostile DIDs', () => {
  it.each([
    ['a percent-encoded slash in a segment', 'did:web:example.com:user%2F..%2Fadmin'],
    ['a percent-encoded dot-dot segment', 'did:web:example.com:user:%2E%2E:admin'],
    ['a backslash in a segment', 'did:web:example.com:user:a%5C..%5Cadmin'],
    ['a backslash in the host', 'did:web:example.com%5Cevil'],
    ['user info in the host', 'did:web:attacker%40example.com'],
    ['a query in the host', 'did:web:example.com%3Fx'],
    ['a port out of range', 'did:web:example.com%3A70000'],
    ['bad percent-encoding', 'did:web:example.com%ZZ'],
    ['percent-encoding that is not UTF-8', 'did:web:example.com:%E0%A4'],
    ['a space', 'did:web:example.com:a b'],
  ])('refuses %s with a TypeError', (_what, did) => {
    expect(() => didWebToUrl(did)).toThrow(TypeError);
  });

  it('keeps "?", "#" and "%" inside the one path segment they were encoded in', () => {
    expect(didWebToUrl('did:web:example.com:user%3Fq')).toBe('https://example.com/user%3Fq/did.json');
    expect(didWebToUrl('did:web:example.com:user%23f:x')).toBe('https://example.com/user%23f/x/did.json');
    expect(didWebToUrl('did:web:example.com:a%2520b')).toBe('https://example.com/a%2520b/did.json');
  });

  it('derives DIDs that only use DID characters, and resolve back to the same path', () => {
    for (const segment of ['~alice', "o'brien", 'a(1)*!', 'a b', 'c:d', '统计']) {
      const did = didWebFromUrl(`https://example.com/${encodeURIComponent(segment)}`);
      expect(did, segment).toMatch(/^did:web:example\.com:(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+$/);
      expect(decodeURIComponent(new URL(didWebToUrl(did)).pathname.split('/')[1]!)).toBe(segment);
    }
    expect(didWebFromUrl('https://[::1]:7070/op')).toBe('did:web:%5B%3A%3A1%5D%3A7070:op');
    expect(didWebToUrl('did:web:%5B%3A%3A1%5D%3A7070:op', { allowHttpHosts: (h) => h === '[::1]:7070' })).toBe('http://[::1]:7070/op/did.json');
  });
});

describe('did:web keys in documents from elsewhere', () => {
  it('finds nothing in a document whose methods are not a list of objects with a JWK, and never throws', () => {
    const did = 'did:web:op.example';
    for (const verificationMethod of ['x', 42, null, [null, 'x'], [{ id: `${did}#k`, publicKeyJwk: 'not a jwk' }]]) {
      expect(findVerificationKey({ id: did, verificationMethod } as never, `${did}#k`)).toBeUndefined();
    }
  });
});
