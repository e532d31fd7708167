/** A JWT's header and payload, decoded for display only: the console does not verify signatures. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function base64UrlToText(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  if (!segment) throw new Error('missing segment');
  const value: unknown = JSON.parse(base64UrlToText(segment));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** Undefined when the text is not a compact JWS with JSON header and payload. */
export function decodeJwt(jwt: string): DecodedJwt | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return { header: decodeSegment(parts[0]), payload: decodeSegment(parts[1]) };
  } catch {
    return undefined;
  }
}

/** What the console shows of a W3C VC 2.0 (VC-JOSE) or VC 1.1 JWT credential. */
export interface CredentialSummary {
  types: string[];
  issuer?: string;
  subject?: string;
  validFrom?: string;
  validUntil?: string;
  algorithm?: string;
  keyId?: string;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const fromEpoch = (value: unknown): string | undefined => (typeof value === 'number' ? new Date(value * 1000).toISOString() : undefined);
const idOf = (value: unknown): string | undefined =>
  asString(value) ?? (typeof value === 'object' && value !== null ? asString((value as { id?: unknown }).id) : undefined);

export function summarizeCredential(decoded: DecodedJwt): CredentialSummary {
  const { header, payload } = decoded;
  // VC-JOSE puts the credential itself in the payload; older VC-JWT nests it under `vc`.
  const vc = (typeof payload.vc === 'object' && payload.vc !== null ? payload.vc : payload) as Record<string, unknown>;
  const type = vc.type;
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string' && t !== 'VerifiableCredential');
  const subject = Array.isArray(vc.credentialSubject) ? vc.credentialSubject[0] : vc.credentialSubject;
  return {
    types,
    issuer: idOf(vc.issuer) ?? asString(payload.iss),
    subject: idOf(subject) ?? asString(payload.sub),
    validFrom: asString(vc.validFrom) ?? asString(vc.issuanceDate) ?? fromEpoch(payload.nbf) ?? fromEpoch(payload.iat),
    validUntil: asString(vc.validUntil) ?? asString(vc.expirationDate) ?? fromEpoch(payload.exp),
    algorithm: asString(header.alg),
    keyId: asString(header.kid),
  };
}
