import { describe, expect, it } from 'vitest';
import { buildDidDocument, didWebFromUrl, didWebToUrl, findVerificationKey, isDidWeb, type DidDocument } from './did-web.js';

// did:web method specification (w3c-ccg.github.io/did-method-web), "Read (Resolve)" examples.
const SPEC_EXAMPLES: Array<[string, string]> = [
  ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
  ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
  ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
];

/** What a fetch of the resolved URL would actually reach, or how the DID was refused. */
function reached(did: string): { host: string; segments: string[]; rest: string } | string {
  let url: string;
  try {
    url = didWebToUrl(did);
  } catch (error) {
    return error instanceof TypeError ? 'refused' : `threw ${(error as Error).name}`;
  }
  const parsed = new URL(url);
  return { host: parsed.host, segments: segmentsOf(parsed.href), rest: parsed.search + parsed.hash };
}

/** The decoded path segments a URL names. */
const segmentsOf = (url: string) => new URL(url).pathname.split('/').filter(Boolean).map(decodeURIComponent);

const aJwk = (x = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo') => ({ kty: 'OKP', crv: 'Ed25519', x });

describe('did:web to document URL', () => {
  it.each(SPEC_EXAMPLES)('resolves %s to %s, as the method specification does', (did, url) => {
    expect(isDidWeb(did)).toBe(true);
    expect(didWebToUrl(did)).toBe(url);
  });

  it('uses plain HTTP only for hosts the caller allows, and asks about the decoded host with its port', () => {
    const asked: string[] = [];
    const allow = (host: string) => (asked.push(host), host === '127.0.0.1:7070');
    expect(didWebToUrl('did:web:127.0.0.1%3A7070:participants:p1', { allowHttpHosts: allow })).toBe('http://127.0.0.1:7070/participants/p1/did.json');
    expect(didWebToUrl('did:web:127.0.0.1%3A7071', { allowHttpHosts: allow })).toBe('https://127.0.0.1:7071/.well-known/did.json');
    expect(didWebToUrl('did:web:127.0.0.1%3A7070')).toBe('https://127.0.0.1:7070/.well-known/did.json');
    expect(asked).toEqual(['127.0.0.1:7070', '127.0.0.1:7071']);
  });

  it.each([
    ['another method', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
    ['no host', 'did:web:'],
    ['an empty path segment', 'did:web:example.com::user'],
    ['a trailing colon', 'did:web:example.com:user:'],
    ['a dot-dot segment', 'did:web:example.com:user:..:admin'],
    ['a percent-encoded dot-dot segment', 'did:web:example.com:user:%2E%2E:admin'],
    ['a dot segment', 'did:web:example.com:.:user'],
    ['a percent-encoded slash in the path', 'did:web:example.com:user%2F..%2Fadmin'],
    ['a percent-encoded slash in the host', 'did:web:example.com%2Fadmin'],
    ['user info in the host', 'did:web:attacker%40example.com'],
    ['a query in the host', 'did:web:example.com%3Fx'],
    ['a space', 'did:web:example.com:a b'],
    ['upper-case scheme', 'DID:web:example.com'],
  ])('refuses a DID with %s', (_what, did) => {
    expect(reached(did)).toBe('refused');
  });

  // A fetch normalises a backslash to "/", so a segment "a\..\..\admin" would climb out of /user; "?" and "#" would cut
  // the path short. Each such DID must be refused or reach exactly host/segments/did.json.
  it.each([
    ['did:web:example.com:user:a%5C..%5C..%5Cadmin', ['user', 'a\\..\\..\\admin']],
    ['did:web:example.com:user%3Fq', ['user?q']],
    ['did:web:example.com:user%23f', ['user#f']],
  ])('keeps each path segment of %s inside one URL path segment', (did, segments) => {
    const result = reached(did);
    if (result !== 'refused') expect(result).toEqual({ host: 'example.com', segments: [...segments, 'did.json'], rest: '' });
  });

  it('refuses a host that a fetch would read as host plus path (a backslash in the host)', () => {
    expect(reached('did:web:example.com%5C..%5Cadmin')).toBe('refused');
    expect(reached('did:web:example.com%5Cevil')).toBe('refused');
  });

  it('refuses bad percent-encoding with a TypeError, as it refuses every other malformed DID', () => {
    for (const did of ['did:web:example.com%ZZ', 'did:web:example.com:user%E0%A4%A', 'did:web:example.com%']) {
      expect(() => didWebToUrl(did), did).toThrow(TypeError);
    }
  });
});

describe('URL to did:web', () => {
  it.each([
    ['https://example.com/', 'did:web:example.com', 'https://example.com/.well-known/did.json'],
    ['https://example.com:3000/user/alice', 'did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
    ['https://example.com:443/spaces/one/', 'did:web:example.com:spaces:one', 'https://example.com/spaces/one/did.json'],
    ['https://example.com/spaces//one///?q=1#f', 'did:web:example.com:spaces:one', 'https://example.com/spaces/one/did.json'],
    ['https://[::1]:7070/op', 'did:web:%5B%3A%3A1%5D%3A7070:op', 'https://[::1]:7070/op/did.json'],
  ])('derives a DID from %s and resolves it back', (url, did, back) => {
    expect(didWebFromUrl(url)).toBe(did);
    expect(isDidWeb(did)).toBe(true);
    expect(didWebToUrl(did)).toBe(back);
  });

  it('derives a DID for encoded path characters that resolves back to the same path', () => {
    const did = didWebFromUrl('https://example.com/a%20b/c:d');
    expect(isDidWeb(did)).toBe(true);
    expect(segmentsOf(didWebToUrl(did))).toEqual(['a b', 'c:d', 'did.json']);
  });

  it('derives a valid did:web from paths with ~ ! * \' ( ), which DID syntax only allows percent-encoded', () => {
    for (const path of ['~alice', 'x!', 'a*b', "o'brien", 'a(1)']) {
      const did = didWebFromUrl(`https://example.com/${path}`);
      expect(isDidWeb(did), did).toBe(true);
      expect(segmentsOf(didWebToUrl(did)), did).toEqual([path, 'did.json']);
    }
  });
});

describe('DID documents', () => {
  const did = 'did:web:op.example:participants:p1';

  it('lists every key as a JsonWebKey method controlled by the DID, for authentication and assertions', () => {
    const doc = buildDidDocument({ did, keys: [{ id: 'key-1', publicJwk: aJwk() }, { id: 'key-2', publicJwk: aJwk('AAAA') }] });
    expect(doc['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1']);
    expect(doc.id).toBe(did);
    expect(doc.verificationMethod).toEqual([
      { id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: aJwk() },
      { id: `${did}#key-2`, type: 'JsonWebKey', controller: did, publicKeyJwk: aJwk('AAAA') },
    ]);
    expect(doc.authentication).toEqual([`${did}#key-1`, `${did}#key-2`]);
    expect(doc.assertionMethod).toEqual([`${did}#key-1`, `${did}#key-2`]);
    expect(doc).not.toHaveProperty('service');
  });

  it('carries services only when given', () => {
    const service = [{ id: `${did}#connector`, type: 'DataSpaceConnector', serviceEndpoint: 'https://p1.example/api' }];
    expect(buildDidDocument({ did, keys: [], services: service }).service).toEqual(service);
  });

  it('finds a key by absolute or relative kid, also when the document itself uses relative method ids', () => {
    const built = buildDidDocument({ did, keys: [{ id: 'key-1', publicJwk: aJwk() }, { id: 'key-2', publicJwk: aJwk('AAAA') }] });
    expect(findVerificationKey(built, `${did}#key-2`)).toEqual(aJwk('AAAA'));
    expect(findVerificationKey(built, '#key-1')).toEqual(aJwk());
    const relative: DidDocument = { id: did, verificationMethod: [{ id: '#key-1', type: 'JsonWebKey', controller: did, publicKeyJwk: aJwk() }] };
    expect(findVerificationKey(relative, `${did}#key-1`)).toEqual(aJwk());
    expect(findVerificationKey(relative, '#key-1')).toEqual(aJwk());
  });

  it('finds nothing for another DID, an unknown fragment, an empty kid or a document without methods', () => {
    const built = buildDidDocument({ did, keys: [{ id: 'key-1', publicJwk: aJwk() }] });
    expect(findVerificationKey(built, 'did:web:op.example:participants:p2#key-1')).toBeUndefined();
    expect(findVerificationKey(built, 'did:web:op.example#key-1')).toBeUndefined();
    expect(findVerificationKey(built, `${did}#key-9`)).toBeUndefined();
    expect(findVerificationKey(built, '')).toBeUndefined();
    expect(findVerificationKey({ id: did }, `${did}#key-1`)).toBeUndefined();
  });
});
