import { IdentityRefusal, messageOf } from './identity-refusal.js';
import { StatusList } from './status-list.js';
import { CredentialJwtError, verifyCredentialJwt, type IssuerKeyResolver } from './vc-jose.js';
import { credentialTypeOf, issuerOf, type VerifiableCredential } from './verifiable-credential.js';

/** What a status check needs; `lists` memoises the lists of one verification by purpose, issuer and URL. */
export interface StatusCheckContext {
  now: Date;
  clockSkewSeconds: number;
  fetchStatusList(url: string): Promise<string>;
  resolveKey: IssuerKeyResolver;
  lists: Map<string, Promise<StatusList>>;
}

type Purpose = 'revocation' | 'suspension';
const REFUSAL = { revocation: 'credential.revoked', suspension: 'credential.suspended' } as const;
const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const unavailable = (url: string, why: string) => new IdentityRefusal('credential.status-unavailable', `status list ${url}: ${why}`);
const timeOf = (v: unknown, missing: number) => (v === undefined ? missing : typeof v === 'string' ? Date.parse(v) : NaN);

/**
 * The list at `url`, validated as Bitstring Status List v1.0 §3.2 says: a
 * BitstringStatusListCredential signed by the credential's own issuer, published as `url`, within
 * its validity period, for `purpose`. A list that is not the issuer's is `credential.signature`;
 * one that cannot be had or read is `credential.status-unavailable`.
 */
async function loadList(url: string, purpose: Purpose, issuer: string, context: StatusCheckContext): Promise<StatusList> {
  let jwt: unknown;
  try {
    jwt = await context.fetchStatusList(url);
  } catch (error) {
    throw unavailable(url, messageOf(error));
  }
  if (typeof jwt !== 'string') throw unavailable(url, 'the answer is not a JWT');
  let list: VerifiableCredential;
  try {
    list = await verifyCredentialJwt(jwt, context.resolveKey);
  } catch (error) {
    if (!(error instanceof CredentialJwtError)) throw error;
    // An error page or a truncated body is an outage; a list signed by anyone else is a forgery.
    throw error.reason === 'malformed' ? unavailable(url, error.message) : new IdentityRefusal('credential.signature', `status list ${url}: ${error.message}`);
  }
  if (issuerOf(list) !== issuer) throw new IdentityRefusal('credential.signature', `status list ${url} is ${String(issuerOf(list))}'s, not ${issuer}'s`);
  if (!Array.isArray(list.type) || !list.type.includes('BitstringStatusListCredential')) throw unavailable(url, 'not a BitstringStatusListCredential');
  // The issuer's other list (or an older one) served at this URL must not answer for it.
  if (list.id !== url) throw unavailable(url, `the answer is the list ${String(list.id)}`);
  const now = context.now.getTime();
  const from = timeOf(list.validFrom, -Infinity);
  const until = timeOf(list.validUntil, Infinity);
  if (Number.isNaN(from) || Number.isNaN(until) || from > now + context.clockSkewSeconds * 1000 || until <= now) throw unavailable(url, `valid ${String(list.validFrom)} to ${String(list.validUntil)}`);
  const subject = asRecord(list.credentialSubject);
  // §3.2: the entry's purpose must be one the list is published for; otherwise whoever answers
  // for the revocation URL could serve the (empty) suspension list in its place.
  const purposes: unknown[] = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose];
  if (!purposes.includes(purpose)) throw unavailable(url, `published for ${purposes.map(String).join(', ')}, not ${purpose}`);
  try {
    return StatusList.decode(String(subject.encodedList));
  } catch (error) {
    throw unavailable(url, messageOf(error));
  }
}

/**
 * Checks a verified credential's revocation and suspension entries against its issuer's lists;
 * throws an IdentityRefusal when a bit is set or a list cannot be trusted. Revocation is checked
 * first, so a credential both revoked and suspended is reported revoked. Entries of other types
 * or purposes are not ours to judge and are skipped.
 */
export async function checkCredentialStatus(vc: VerifiableCredential, context: StatusCheckContext): Promise<void> {
  const issuer = issuerOf(vc) ?? '';
  const raw: unknown = vc.credentialStatus;
  const entries = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map(asRecord).filter((e) => e.type === 'BitstringStatusListEntry');
  for (const purpose of ['revocation', 'suspension'] as const) {
    for (const entry of entries.filter((e) => e.statusPurpose === purpose)) {
      const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : '';
      const index = typeof entry.statusListIndex === 'string' && /^\d{1,10}$/.test(entry.statusListIndex) ? Number(entry.statusListIndex) : NaN;
      if (!url || Number.isNaN(index)) throw unavailable(url || '(none)', `${credentialTypeOf(vc)} ${vc.id} has an unreadable status entry`);
      const key = `${purpose} ${issuer} ${url}`;
      if (!context.lists.has(key)) context.lists.set(key, loadList(url, purpose, issuer, context));
      const list = await context.lists.get(key)!;
      if (index >= list.length) throw unavailable(url, `index ${index} is outside its ${list.length} bits`);
      if (list.get(index)) throw new IdentityRefusal(REFUSAL[purpose], `${credentialTypeOf(vc)} ${vc.id} is ${purpose === 'revocation' ? 'revoked' : 'suspended'}`);
    }
  }
}
