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

// DID Core syntax: idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded; did:web puts the host
// first and path segments after, each separated by ":".
const ID_CHARS = '(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+';
const DID_WEB = new RegExp(`^did:web:(${ID_CHARS})((?::${ID_CHARS})*)$`);
// A decoded host as a fetch reads it: DNS labels or a bracketed IPv6 literal, then an optional port.
// Anything else ("\\", "@", "/", "?", "#") would make a fetch reach another host or path.
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/** True when `value` is a syntactically valid did:web (it may still name an unusable host or path). */
export function isDidWeb(value: string): boolean {
  return DID_WEB.test(value);
}

/** encodeURIComponent, also escaping `! ' ( ) * ~`, which DID syntax allows only percent-encoded. */
const encodeIdChars = (text: string) => encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function decode(part: string, where: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new TypeError(`invalid percent-encoding in ${where}`);
  }
}

/** The did:web of a URL's host (port percent-encoded) and path, per the did:web method. */
export function didWebFromUrl(url: string): string {
  const u = new URL(url);
  // pathname comes percent-encoded; decode first so a segment is encoded exactly once in the DID.
  const path = u.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeIdChars(decode(segment, url)));
  return ['did:web', encodeIdChars(u.host), ...path].join(':');
}

/**
 * Where a did:web document lives: `did:web:host` → `https://host/.well-known/did.json`,
 * `did:web:host:a:b` → `https://host/a/b/did.json`. Hosts the caller allows (loopback demo
 * spaces) are reached over plain HTTP; `allowHttpHosts` is asked with the decoded `host[:port]`.
 * Throws a TypeError for anything that is not a did:web or whose URL would reach another host or
 * path than the DID names (user info, backslashes, dot segments, encoded slashes).
 */
export function didWebToUrl(did: string, options: { allowHttpHosts?: (host: string) => boolean } = {}): string {
  const match = DID_WEB.exec(did);
  if (!match) throw new TypeError(`not a did:web: ${did}`);
  const host = decode(match[1]!, did);
  const hostMatch = HOST.exec(host);
  if (!hostMatch || (hostMatch[1] !== undefined && Number(hostMatch[1]) > 65_535)) throw new TypeError(`invalid did:web host: ${host}`);
  const path = match[2] ? match[2].slice(1).split(':').map((segment) => decode(segment, did)) : [];
  if (path.some((segment) => segment === '.' || segment === '..' || /[/\\]/.test(segment))) throw new TypeError(`invalid did:web path: ${did}`);
  const scheme = options.allowHttpHosts?.(host) ? 'http' : 'https';
  // Re-encoded so "?", "#" or "%" inside a segment stay inside that one URL path segment.
  const where = path.length === 0 ? '.well-known' : path.map(encodeURIComponent).join('/');
  return `${scheme}://${host}/${where}/did.json`;
}

/** A DID document listing `keys` as JsonWebKey methods usable for authentication and assertions. */
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

/**
 * The public key a `kid` (absolute `did#frag` or relative `#frag`) names in `doc`; undefined when
 * the document lists no such method (also when the document is not shaped like one, as a
 * document fetched from elsewhere may be).
 */
export function findVerificationKey(doc: DidDocument, kid: string): PublicJwk | undefined {
  if (!kid.includes('#') || !Array.isArray(doc.verificationMethod)) return undefined;
  const absolute = kid.startsWith('#') ? `${doc.id}${kid}` : kid;
  const method = doc.verificationMethod.find((m) => typeof m === 'object' && m !== null && (m.id === absolute || `${doc.id}${m.id}` === absolute));
  const jwk = method?.publicKeyJwk;
  return typeof jwk === 'object' && jwk !== null ? jwk : undefined;
}
