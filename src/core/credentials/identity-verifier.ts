import { decodeCompactJws, signingAlgorithms, verifyCompactJws } from '../crypto/signing-key.js';
import { checkCredentialStatus } from './credential-status-check.js';
import { findVerificationKey, type DidDocument } from './did-web.js';
import { IdentityRefusal, messageOf, type IdentityFailure } from './identity-refusal.js';
import { MAX_IDENTITY_TOKEN_SECONDS, MAX_REUSABLE_TOKEN_SECONDS, REUSABLE_CLAIM } from './identity-token.js';
import type { StatusList } from './status-list.js';
import { CredentialJwtError, unenvelope, verifyCredentialJwt, type IssuerKeyResolver } from './vc-jose.js';
import { credentialTypeOf, issuerOf, type VerifiableCredential } from './verifiable-credential.js';

export type { IdentityFailure } from './identity-refusal.js';

/** Who a verified token speaks for, as its membership (and legal-entity) credential says. */
export interface VerifiedHolder {
  did: string;
  participantId?: string;
  roles: string[];
  serviceKinds: string[];
  space?: string;
  /** The issuer of the membership credential: which space vouches for the holder. */
  issuer: string;
  legalEntity?: { name?: string; uscc?: string; region?: string; industry?: string };
  /** The credentials the token presented, as JWTs, for re-checking their status later. */
  credentialJwts?: string[];
}

/** `ok: true` with the holder, or the first reason the token was refused, with a detail for logs. */
export type IdentityVerification = { ok: true; holder: VerifiedHolder } | { ok: false; reason: IdentityFailure; detail: string };

/** What verification needs from outside: look-ups over the network, a clock, a replay memory. */
export interface IdentityVerifierDeps {
  /** The receiver's DID: the token's `aud` must name it. */
  audience: string;
  now: Date;
  /** The DID document of `did`; rejects when it cannot be had. */
  resolveDidDocument(did: string): Promise<DidDocument>;
  /** The DIDs of the issuers whose credentials are accepted here (our operator and recognised spaces). */
  trustedIssuers(): Promise<string[]>;
  /** The status list credential (a JWT) at `url`. */
  fetchStatusList(url: string): Promise<string>;
  /** True when `jti` was seen before (a replay); remembers it until `exp` (seconds). */
  seenJti(jti: string, exp: number): boolean;
  /** The longest lifetime (exp − iat) accepted, in seconds; default and ceiling MAX_IDENTITY_TOKEN_SECONDS. */
  maxTokenAgeSeconds?: number;
  /** How far apart the two clocks may be, in seconds; default 60. */
  clockSkewSeconds?: number;
}

// A presentation carries a node's own few credentials; more is an attempt to make us fetch a lot.
const MAX_PRESENTED_CREDENTIALS = 16;

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringOf = (v: unknown) => (typeof v === 'string' ? v : undefined);
const timeOf = (v: unknown, missing: number) => (v === undefined ? missing : typeof v === 'string' ? Date.parse(v) : NaN);

/** Looks keys up in DID documents; a document that cannot be had is `did.unresolvable`. */
function keyResolver(deps: IdentityVerifierDeps): IssuerKeyResolver {
  return async (did, kid) => {
    let doc: unknown;
    try {
      doc = await deps.resolveDidDocument(did);
    } catch (error) {
      throw new IdentityRefusal('did.unresolvable', `cannot resolve ${did}: ${messageOf(error)}`);
    }
    if (typeof doc !== 'object' || doc === null) throw new IdentityRefusal('did.unresolvable', `${did} resolved to no document`);
    // A document about another DID says nothing about this one's keys.
    return (doc as DidDocument).id === did ? findVerificationKey(doc as DidDocument, kid) : undefined;
  };
}

/** The token's claims once its signature by a key under the holder's own DID verifies. */
async function verifiedClaims(token: string, holder: string, resolveKey: IssuerKeyResolver): Promise<Record<string, unknown>> {
  const kid = stringOf(decodeCompactJws(token).header.kid) ?? '';
  // Only the holder's own keys speak for it (not even its operator's, which publishes its document).
  if (!kid.startsWith(`${holder}#`)) throw new IdentityRefusal('token.signature', `kid ${kid || '(none)'} is not a key of ${holder}`);
  const jwk = await resolveKey(holder, kid);
  if (!jwk) throw new IdentityRefusal('token.signature', `${holder} lists no key ${kid}`);
  try {
    return asRecord((await verifyCompactJws(token, jwk, { algorithms: signingAlgorithms })).payload);
  } catch (error) {
    throw new IdentityRefusal('token.signature', `signature by ${kid}: ${messageOf(error)}`);
  }
}

/** Checks iat/exp against the clock, the skew and the maximum lifetime; returns exp. */
function checkTimes(claims: Record<string, unknown>, deps: IdentityVerifierDeps, skew: number): number {
  const now = Math.floor(deps.now.getTime() / 1000);
  // A reusable token (`tds dsp token`, for testing another implementation against a space) may
  // live an hour; the tokens nodes mint per request live minutes.
  const ceiling = claims[REUSABLE_CLAIM] === true ? MAX_REUSABLE_TOKEN_SECONDS : MAX_IDENTITY_TOKEN_SECONDS;
  const maxLifetime = Math.min(deps.maxTokenAgeSeconds ?? ceiling, ceiling);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp) || exp <= iat || exp - iat > maxLifetime || iat > now + skew || exp <= now - skew) {
    throw new IdentityRefusal('token.expired', `the token is valid ${String(iat)} to ${String(exp)} (at most ${maxLifetime} s); now ${now}`);
  }
  return exp;
}

async function verifyCredential(jwt: string, holder: string, trusted: readonly string[], deps: IdentityVerifierDeps, resolveKey: IssuerKeyResolver): Promise<VerifiableCredential> {
  let issuer: string;
  try {
    issuer = issuerOf(asRecord(decodeCompactJws(jwt).payload)) ?? '';
  } catch (error) {
    throw new IdentityRefusal('credential.signature', `a presented credential is not a JWT: ${messageOf(error)}`);
  }
  // Trust first: an untrusted issuer's DID is never fetched.
  if (!trusted.includes(issuer)) throw new IdentityRefusal('credential.untrusted-issuer', `issuer ${issuer || '(none)'} is not a trusted issuer here`);
  let vc: VerifiableCredential;
  try {
    vc = await verifyCredentialJwt(jwt, resolveKey);
  } catch (error) {
    if (error instanceof CredentialJwtError) throw new IdentityRefusal('credential.signature', error.message);
    throw error;
  }
  const now = deps.now.getTime();
  const from = timeOf(vc.validFrom, -Infinity);
  const until = timeOf(vc.validUntil, Infinity);
  // The skew covers an issuer whose clock is ahead (a credential used right after issuance); expiry is the issuer's hard limit.
  if (Number.isNaN(from) || Number.isNaN(until) || from > now + (deps.clockSkewSeconds ?? 60) * 1000 || until <= now) {
    throw new IdentityRefusal('credential.expired', `${credentialTypeOf(vc)} ${vc.id} is valid ${String(vc.validFrom)} to ${String(vc.validUntil)}`);
  }
  const subject = asRecord(vc.credentialSubject).id;
  if (subject !== holder) throw new IdentityRefusal('credential.subject-mismatch', `${credentialTypeOf(vc)} is about ${String(subject)}, not ${holder}`);
  return vc;
}

function holderOf(did: string, credentials: VerifiableCredential[]): VerifiedHolder {
  const membership = credentials.find((c) => credentialTypeOf(c) === 'MembershipCredential');
  if (!membership) throw new IdentityRefusal('credential.missing-membership', 'no valid MembershipCredential was presented');
  const issuer = issuerOf(membership) ?? '';
  const member = asRecord(membership.credentialSubject);
  const holder: VerifiedHolder = { did, roles: strings(member.roles), serviceKinds: strings(member.serviceKinds), issuer };
  if (typeof member.participantId === 'string') holder.participantId = member.participantId;
  if (typeof member.space === 'string') holder.space = member.space;
  // The legal entity the membership's own issuer vouches for, else any the holder presented.
  const legal = credentials.filter((c) => credentialTypeOf(c) === 'LegalEntityCredential').sort((a, b) => Number(issuerOf(b) === issuer) - Number(issuerOf(a) === issuer))[0];
  if (legal) {
    const s = asRecord(legal.credentialSubject);
    holder.legalEntity = { name: stringOf(s.name), uscc: stringOf(s.uscc), region: stringOf(s.region), industry: stringOf(s.industry) };
  }
  return holder;
}

async function verify(token: string, deps: IdentityVerifierDeps): Promise<VerifiedHolder> {
  let claims: Record<string, unknown>;
  try {
    claims = asRecord(decodeCompactJws(token).payload);
  } catch (error) {
    throw new IdentityRefusal('token.malformed', messageOf(error));
  }
  const holder = stringOf(claims.iss) ?? '';
  if (!holder.startsWith('did:') || claims.sub !== holder) throw new IdentityRefusal('token.malformed', 'iss and sub must be the holder DID');
  const resolveKey = keyResolver(deps);
  const payload = await verifiedClaims(token, holder, resolveKey);
  const audiences: unknown[] = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(deps.audience)) throw new IdentityRefusal('token.audience', `the token is for ${audiences.map(String).join(', ') || 'nobody'}, not ${deps.audience}`);
  const skew = deps.clockSkewSeconds ?? 60;
  const exp = checkTimes(payload, deps, skew);
  if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw new IdentityRefusal('token.malformed', 'the token has no jti');
  // Only after the signature: a forged copy must not use up the real token's jti.
  if (payload[REUSABLE_CLAIM] !== true && deps.seenJti(payload.jti, exp + skew)) throw new IdentityRefusal('token.replayed', `jti ${payload.jti} was used before`);

  const entries = asRecord(payload.vp).verifiableCredential;
  const jwts = (Array.isArray(entries) ? entries : []).map(unenvelope).filter((j): j is string => j !== undefined);
  if (jwts.length > MAX_PRESENTED_CREDENTIALS) throw new IdentityRefusal('token.malformed', `${jwts.length} credentials presented; at most ${MAX_PRESENTED_CREDENTIALS}`);
  let trusted: string[];
  try {
    trusted = await deps.trustedIssuers();
  } catch (error) {
    // Without the list nobody can be shown to be trusted.
    throw new IdentityRefusal('credential.untrusted-issuer', `the trusted-issuer list is unavailable: ${messageOf(error)}`);
  }
  const credentials: VerifiableCredential[] = [];
  const lists = new Map<string, Promise<StatusList>>();
  for (const jwt of jwts) {
    const vc = await verifyCredential(jwt, holder, trusted, deps, resolveKey);
    await checkCredentialStatus(vc, { now: deps.now, clockSkewSeconds: skew, fetchStatusList: (url) => deps.fetchStatusList(url), resolveKey, lists });
    credentials.push(vc);
  }
  return { ...holderOf(holder, credentials), credentialJwts: jwts };
}

/**
 * Verifies a node's identity token: its signature by a key in the holder's DID document, audience,
 * time window and single use; then every credential it presents (trusted issuer, signature by the
 * issuer's DID key, validity, subject = holder, revocation and suspension lists). At least one
 * MembershipCredential must pass. Never throws: every failure is a reason with a detail.
 */
export async function verifyIdentityToken(token: string, deps: IdentityVerifierDeps): Promise<IdentityVerification> {
  try {
    return { ok: true, holder: await verify(token, deps) };
  } catch (error) {
    if (error instanceof IdentityRefusal) return { ok: false, reason: error.reason, detail: error.message };
    // Not a refusal of ours: input shaped so that it broke a step; still a refusal, never a throw.
    return { ok: false, reason: 'token.malformed', detail: messageOf(error) };
  }
}
