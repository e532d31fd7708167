import { decodeCompactJws, signingAlgorithms, verifyCompactJws } from '../crypto/signing-key.js';
import { findVerificationKey, type DidDocument } from './did-web.js';
import { MAX_IDENTITY_TOKEN_SECONDS } from './identity-token.js';
import { StatusList } from './status-list.js';
import { unenvelope } from './vc-jose.js';
import { credentialTypeOf, issuerOf, type VerifiableCredential } from './verifiable-credential.js';

export type IdentityFailure =
  | 'token.malformed'
  | 'token.signature'
  | 'token.audience'
  | 'token.expired'
  | 'token.replayed'
  | 'did.unresolvable'
  | 'credential.untrusted-issuer'
  | 'credential.signature'
  | 'credential.expired'
  | 'credential.subject-mismatch'
  | 'credential.revoked'
  | 'credential.suspended'
  | 'credential.status-unavailable'
  | 'credential.missing-membership';

export interface VerifiedHolder {
  did: string;
  participantId?: string;
  roles: string[];
  serviceKinds: string[];
  space?: string;
  /** The issuer of the membership credential: which space vouches for the holder. */
  issuer: string;
  legalEntity?: { name?: string; uscc?: string; region?: string; industry?: string };
}

export type IdentityVerification = { ok: true; holder: VerifiedHolder } | { ok: false; reason: IdentityFailure; detail: string };

/** What verification needs from outside: look-ups over the network, a clock, a replay memory. */
export interface IdentityVerifierDeps {
  audience: string;
  now: Date;
  resolveDidDocument(did: string): Promise<DidDocument>;
  trustedIssuers(): Promise<string[]>;
  /** The status list credential (a JWT) at `url`. */
  fetchStatusList(url: string): Promise<string>;
  /** True when `jti` was seen before (a replay); remembers it until `exp` (seconds). */
  seenJti(jti: string, exp: number): boolean;
  clockSkewSeconds?: number;
}

class Refusal extends Error {
  constructor(
    readonly reason: IdentityFailure,
    detail: string,
  ) {
    super(detail);
  }
}

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Verifies a compact JWS against the key its `kid` names in `did`'s document. */
async function verifyByDid(jws: string, did: string, deps: IdentityVerifierDeps, failure: IdentityFailure): Promise<Record<string, unknown>> {
  const { header } = decodeCompactJws(jws);
  const kid = typeof header.kid === 'string' ? header.kid : '';
  if (!kid.startsWith(`${did}#`)) throw new Refusal(failure, `kid ${kid || '(none)'} is not a key of ${did}`);
  let doc: DidDocument;
  try {
    doc = await deps.resolveDidDocument(did);
  } catch (error) {
    throw new Refusal('did.unresolvable', `cannot resolve ${did}: ${(error as Error).message}`);
  }
  const jwk = doc.id === did ? findVerificationKey(doc, kid) : undefined;
  if (!jwk) throw new Refusal(failure, `${did} lists no key ${kid}`);
  try {
    return asRecord((await verifyCompactJws(jws, jwk, { algorithms: signingAlgorithms })).payload);
  } catch (error) {
    throw new Refusal(failure, `signature by ${kid}: ${(error as Error).message}`);
  }
}

async function checkStatus(vc: VerifiableCredential, issuer: string, deps: IdentityVerifierDeps): Promise<void> {
  for (const entry of vc.credentialStatus ?? []) {
    const purpose = entry.statusPurpose;
    let listJwt: string;
    try {
      listJwt = await deps.fetchStatusList(entry.statusListCredential);
    } catch (error) {
      throw new Refusal('credential.status-unavailable', `status list ${entry.statusListCredential}: ${(error as Error).message}`);
    }
    try {
      decodeCompactJws(listJwt);
    } catch (error) {
      throw new Refusal('credential.status-unavailable', `status list ${entry.statusListCredential} is not a JWT: ${(error as Error).message}`);
    }
    const list = (await verifyByDid(listJwt, issuer, deps, 'credential.signature')) as unknown as VerifiableCredential;
    if (issuerOf(list) !== issuer) throw new Refusal('credential.signature', `status list ${entry.statusListCredential} is not ${issuer}'s`);
    const subject = asRecord(list.credentialSubject);
    // A correctly signed list of the same issuer but another purpose or URL (say the empty
    // suspension list served at the revocation URL) must not vouch for this entry.
    const purposes = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose];
    const types = Array.isArray(list.type) ? list.type : [list.type];
    if (!types.includes('BitstringStatusListCredential') || !purposes.includes(purpose) || list.id !== entry.statusListCredential) {
      throw new Refusal('credential.status-unavailable', `${entry.statusListCredential} did not answer with its own ${purpose} list`);
    }
    if (list.validUntil && Date.parse(list.validUntil) <= deps.now.getTime()) {
      throw new Refusal('credential.status-unavailable', `status list ${entry.statusListCredential} expired ${list.validUntil}`);
    }
    let bit: boolean;
    try {
      bit = StatusList.decode(String(subject.encodedList)).get(Number(entry.statusListIndex));
    } catch (error) {
      throw new Refusal('credential.status-unavailable', `status list ${entry.statusListCredential}: ${(error as Error).message}`);
    }
    if (bit) throw new Refusal(purpose === 'suspension' ? 'credential.suspended' : 'credential.revoked', `${credentialTypeOf(vc)} ${vc.id} is ${purpose === 'suspension' ? 'suspended' : 'revoked'}`);
  }
}

async function verifyCredential(jwt: string, holder: string, trusted: string[], deps: IdentityVerifierDeps): Promise<VerifiableCredential> {
  const { payload } = decodeCompactJws(jwt);
  const issuer = issuerOf(asRecord(payload)) ?? '';
  if (!trusted.includes(issuer)) throw new Refusal('credential.untrusted-issuer', `issuer ${issuer || '(none)'} is not a trusted issuer here`);
  const vc = (await verifyByDid(jwt, issuer, deps, 'credential.signature')) as unknown as VerifiableCredential;
  const now = deps.now.getTime();
  const from = vc.validFrom ? Date.parse(vc.validFrom) : -Infinity;
  const until = vc.validUntil ? Date.parse(vc.validUntil) : Infinity;
  if (Number.isNaN(from) || Number.isNaN(until) || from > now || until <= now) {
    throw new Refusal('credential.expired', `${credentialTypeOf(vc)} is valid ${vc.validFrom} to ${vc.validUntil}`);
  }
  if (asRecord(vc.credentialSubject).id !== holder) throw new Refusal('credential.subject-mismatch', `${credentialTypeOf(vc)} is about ${String(asRecord(vc.credentialSubject).id)}, not ${holder}`);
  await checkStatus(vc, issuer, deps);
  return vc;
}

/**
 * Verifies a node's identity token: its signature by the holder's DID key, audience, time window
 * and single use; then every credential it presents (trusted issuer, signature, validity,
 * subject, revocation and suspension). Never throws: every failure is a reason with a detail.
 */
export async function verifyIdentityToken(token: string, deps: IdentityVerifierDeps): Promise<IdentityVerification> {
  try {
    let claims: Record<string, unknown>;
    try {
      claims = asRecord(decodeCompactJws(token).payload);
    } catch (error) {
      throw new Refusal('token.malformed', (error as Error).message);
    }
    const holder = typeof claims.iss === 'string' ? claims.iss : '';
    if (!holder.startsWith('did:') || claims.sub !== holder) throw new Refusal('token.malformed', 'iss and sub must be the holder DID');
    const payload = await verifyByDid(token, holder, deps, 'token.signature');
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(deps.audience)) throw new Refusal('token.audience', `the token is for ${audiences.join(', ')}, not ${deps.audience}`);
    const skew = deps.clockSkewSeconds ?? 60;
    const now = seconds(deps.now);
    const iat = Number(payload.iat);
    const exp = Number(payload.exp);
    if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp - iat > MAX_IDENTITY_TOKEN_SECONDS || iat > now + skew || exp <= now - skew) {
      throw new Refusal('token.expired', `the token is valid ${iat} to ${exp}; now ${now}`);
    }
    if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw new Refusal('token.malformed', 'the token has no jti');
    if (deps.seenJti(payload.jti, exp + skew)) throw new Refusal('token.replayed', `jti ${payload.jti} was used before`);

    const entries = asRecord(payload.vp).verifiableCredential;
    const jwts = (Array.isArray(entries) ? entries : []).map(unenvelope).filter((j): j is string => j !== undefined);
    const trusted = await deps.trustedIssuers().catch((error: unknown) => {
      throw new Refusal('did.unresolvable', `the trusted issuer list is unavailable: ${(error as Error).message}`);
    });
    const credentials = [];
    for (const jwt of jwts) credentials.push(await verifyCredential(jwt, holder, trusted, deps));
    const membership = credentials.find((c) => credentialTypeOf(c) === 'MembershipCredential');
    if (!membership) throw new Refusal('credential.missing-membership', 'no valid MembershipCredential was presented');
    const member = asRecord(membership.credentialSubject);
    const legal = credentials.find((c) => credentialTypeOf(c) === 'LegalEntityCredential');
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const holderInfo: VerifiedHolder = {
      did: holder,
      roles: strings(member.roles),
      serviceKinds: strings(member.serviceKinds),
      issuer: issuerOf(membership) ?? '',
    };
    if (typeof member.participantId === 'string') holderInfo.participantId = member.participantId;
    if (typeof member.space === 'string') holderInfo.space = member.space;
    if (legal) {
      const s = asRecord(legal.credentialSubject);
      holderInfo.legalEntity = { name: s.name as string, uscc: s.uscc as string, region: s.region as string, industry: s.industry as string };
    }
    return { ok: true, holder: holderInfo };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.message };
    return { ok: false, reason: 'token.malformed', detail: (error as Error).message };
  }
}
