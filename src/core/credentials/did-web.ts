import type { PublicJwk } from '../crypto/signing-key.js';

/** A DID Core v1 document as Trustspace serves and reads it: JsonWebKey verification methods. */
export interface DidDocument {
  '@context'?: unknown;
  id: string;
  verificationMethod?: Array<{ id: string; type: string; controller: string; publicKeyJwk: PublicJwk }>;
  authentication?: string[];
  assertionMethod?: string[];
  service?: Array<{ id: string; type: string; serviceEndpoint: string }>;
}

const DID_WEB = /^did:web:([A-Za-z0-9.%_-]+)((?::[A-Za-z0-9.%_-]+)*)$/;
const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/** Percent-encodes everything DID syntax does not allow bare (encodeURIComponent leaves ~!*'() alone). */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function isDidWeb(value: string): boolean {
  return DID_WEB.test(value);
}

/** did:web of a URL's host (port percent-encoded) and path, per the did:web method. */
export function didWebFromUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '').split('/').filter(Boolean).map((segment) => encodeSegment(decodeURIComponent(segment)));
  return ['did:web', encodeSegment(u.host), ...path].join(':');
}

/**
 * Where a did:web document lives: `did:web:host` → `https://host/.well-known/did.json`,
 * `did:web:host:a:b` → `https://host/a/b/did.json`. Hosts the caller allows (loopback demo
 * spaces) are reached over plain HTTP.
 */
export function didWebToUrl(did: string, options: { allowHttpHosts?: (host: string) => boolean } = {}): string {
  const match = DID_WEB.exec(did);
  if (!match) throw new TypeError(`not a did:web: ${did}`);
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new TypeError(`bad percent-encoding in ${did}`);
    }
  };
  const host = decode(match[1]!);
  // A host and an optional port only: anything a URL parser would read as path, query or
  // credentials (\ / ? # @) is refused.
  if (!HOST.test(host)) throw new TypeError(`invalid did:web host: ${host}`);
  const path = match[2] ? match[2].slice(1).split(':').map(decode) : [];
  if (path.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('/'))) throw new TypeError(`invalid did:web path: ${did}`);
  const scheme = options.allowHttpHosts?.(host) ? 'http' : 'https';
  // Each decoded segment is re-encoded, so it stays one path segment whatever it contains.
  return path.length === 0 ? `${scheme}://${host}/.well-known/did.json` : `${scheme}://${host}/${path.map(encodeSegment).join('/')}/did.json`;
}

export function buildDidDocument(input: { did: string; keys: Array<{ id: string; publicJwk: PublicJwk | Record<string, unknown> }>; services?: DidDocument['service'] }): DidDocument {
  const methods = input.keys.map((k) => ({ id: `${input.did}#${k.id}`, type: 'JsonWebKey', controller: input.did, publicKeyJwk: k.publicJwk as PublicJwk }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
    id: input.did,
    verificationMethod: methods,
    authentication: methods.map((m) => m.id),
    assertionMethod: methods.map((m) => m.id),
    ...(input.services ? { service: input.services } : {}),
  };
}

/** The key a `kid` (absolute `did#frag` or relative `#frag`) names in `doc`, if the doc lists it. */
export function findVerificationKey(doc: DidDocument, kid: string): PublicJwk | undefined {
  const absolute = kid.startsWith('#') ? `${doc.id}${kid}` : kid;
  return doc.verificationMethod?.find((m) => m.id === absolute || `${doc.id}${m.id}` === absolute)?.publicKeyJwk;
}
