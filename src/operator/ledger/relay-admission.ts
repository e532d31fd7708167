import { Value } from 'typebox/value';
import { agreementSignatureKid, checkAgreementSignature } from '../../core/contracts/agreement-signature.js';
import { findVerificationKey, type DidDocument } from '../../core/credentials/did-web.js';
import { DomainError } from '../../core/errors/index.js';
import type { EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import { screenPayloadForPersonalData } from '../../core/ledger/payload-pii-screen.js';
import { relayRuleOf } from '../../core/ledger/relayable-entry-types.js';

export interface RelayAdmissionOptions {
  /** An entry may be dated at most this far ahead of the operator's clock (5 min by default). */
  maxAheadMs: number;
  /**
   * And at most this far behind it (24 h by default): a connector's outbox keeps entries while
   * the operator is unreachable, so their dates lag by the outage; a date years back is a forgery.
   */
  maxBehindMs: number;
}

export const defaultRelayAdmission: RelayAdmissionOptions = { maxAheadMs: 5 * 60_000, maxBehindMs: 24 * 60 * 60_000 };

export interface RelayAdmissionDeps extends RelayAdmissionOptions {
  resolveDidDocument(did: string): Promise<DidDocument>;
}

/**
 * Decides whether the operator can vouch for one relayed entry (ADR 0013): its type is in the
 * closed registry, its payload matches the type's schema, the caller may author it, it is dated
 * within the window around our clock, it carries no personal data outside the declared fields
 * (and those only as commitments), and an agreement's entry carries both parties' signatures
 * over the agreement's id and hash. Throws a DomainError naming the entry and the field.
 */
export async function admitRelayedEntry(entry: EvidenceEntry, i: number, caller: string, now: Date, deps: RelayAdmissionDeps): Promise<void> {
  const at = `/leaves/${i}`;
  const rule = relayRuleOf(entry.type);
  if (!rule) {
    throw new DomainError('ledger.entry-type-not-relayable', `Entry ${i} is a '${entry.type}', which connectors do not relay; the operator records such entries itself.`, [{ pointer: `${at}/type`, detail: 'not a relayable entry type' }]);
  }
  if (entry.actor !== caller) throw new DomainError('ledger.author-not-allowed', `Entry ${i} is recorded by ${entry.actor}; a connector relays only its own evidence.`, [{ pointer: `${at}/actor`, detail: 'not the caller' }]);
  const time = Date.parse(entry.at);
  if (time > now.getTime() + deps.maxAheadMs || time < now.getTime() - deps.maxBehindMs) {
    throw new DomainError('ledger.evidence-time-skewed', `Entry ${i} is dated ${entry.at}, outside the window the operator accepts around its clock (${now.toISOString()}).`, [{ pointer: `${at}/at`, detail: 'outside the accepted window' }]);
  }
  if (entry.payload === null) {
    throw new DomainError('ledger.evidence-invalid', `Entry ${i} references its payload by hash only; a relayed entry carries its payload so it can be checked.`, [{ pointer: `${at}/payload`, detail: 'payload required' }]);
  }
  if (!Value.Check(rule.payload, entry.payload)) {
    const errors = [...Value.Errors(rule.payload, entry.payload)].slice(0, 10).map((e) => ({ pointer: `${at}/payload${e.instancePath}`, detail: e.message }));
    throw new DomainError('ledger.evidence-invalid', `Entry ${i}'s payload does not match the schema of '${entry.type}'.`, errors);
  }
  const personal = screenPayloadForPersonalData(entry.payload, rule.personalFields, now);
  if (personal.length > 0) {
    throw new DomainError('ledger.personal-data', `Entry ${i} carries personal data in a public ledger entry: ${personal.map((f) => `${f.pointer} (${f.kind})`).join(', ')}.`, personal.map((f) => ({ pointer: `${at}/payload${f.pointer}`, detail: `personal data (${f.kind})` })));
  }
  if (rule.author === 'agreement-party') await checkAgreementParties(entry, i, caller, deps);
}

/**
 * Whether an entry already in the log is one the operator can vouch for, for the dashboard: an
 * entry of a relayable type must match its schema, and an agreement entry must name its recorder
 * as a party and carry both parties' valid signatures. Entries logged before the registry existed
 * (forged ones included) then count for nothing; the operator's own entries always count.
 */
export async function verifiableEntry(entry: EvidenceEntry, resolveDidDocument: RelayAdmissionDeps['resolveDidDocument']): Promise<boolean> {
  const rule = relayRuleOf(entry.type);
  if (!rule) return true;
  if (entry.payload === null || !Value.Check(rule.payload, entry.payload)) return false;
  if (rule.author !== 'agreement-party') return true;
  try {
    await checkAgreementParties(entry, 0, entry.actor, { ...defaultRelayAdmission, resolveDidDocument });
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

async function checkAgreementParties(entry: EvidenceEntry, i: number, caller: string, deps: RelayAdmissionDeps): Promise<void> {
  const p = entry.payload as { provider: string; consumer: string; hash: string; providerSignature: string; consumerSignature: string; role: string };
  const side = p.provider === caller ? 'provider' : p.consumer === caller ? 'consumer' : undefined;
  if (!side || p.role !== side) {
    throw new DomainError('ledger.author-not-allowed', `Entry ${i} is about an agreement between ${p.provider} and ${p.consumer}; only they record it, each as its own role.`, [{ pointer: `/leaves/${i}/payload/role`, detail: 'the caller is not this party' }]);
  }
  for (const role of ['provider', 'consumer'] as const) {
    const jws = role === 'provider' ? p.providerSignature : p.consumerSignature;
    const signer = role === 'provider' ? p.provider : p.consumer;
    const problem = await signatureProblem(jws, { agreementId: entry.subject, hash: p.hash, role, signer }, deps);
    if (problem) {
      throw new DomainError('ledger.agreement-unverified', `Entry ${i}: the ${role}'s signature does not hold for agreement ${entry.subject} with hash ${p.hash}: ${problem}.`, [{ pointer: `/leaves/${i}/payload/${role}Signature`, detail: problem }]);
    }
  }
}

async function signatureProblem(jws: string, expected: { agreementId: string; hash: string; role: 'provider' | 'consumer'; signer: string }, deps: RelayAdmissionDeps): Promise<string | undefined> {
  const kid = agreementSignatureKid(jws);
  if (!kid || !kid.startsWith(`${expected.signer}#`)) return 'not made with a key of the signer';
  let document: DidDocument;
  try {
    document = await deps.resolveDidDocument(expected.signer);
  } catch (error) {
    return `the signer's DID document cannot be had: ${(error as Error).message}`;
  }
  const jwk = findVerificationKey(document, kid);
  if (!jwk) return `no key ${kid} in the signer's DID document`;
  return checkAgreementSignature(jws, jwk, expected);
}
