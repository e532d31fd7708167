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
