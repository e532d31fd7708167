import { canonicalJson } from '../canonical-json/canonical-json.js';
import type { AgreementPolicy, MessageOffer } from '../dsp/index.js';
import { policyToJson, type Policy } from '../policy/index.js';

/**
 * The rules of a policy, without what names or places it (`@id`, `@type`, target, parties,
 * timestamp): two policies with the same terms grant and forbid the same things.
 */
export function termsOf(policy: Policy): string {
  const { '@id': _id, '@type': _type, target: _target, assigner: _assigner, assignee: _assignee, timestamp: _timestamp, ...terms } = policyToJson(policy);
  return canonicalJson(terms);
}

export const sameTerms = (a: Policy, b: Policy): boolean => termsOf(a) === termsOf(b);

/**
 * The agreement a provider grants for an offer: the offer's rules unchanged, bound to the dataset,
 * the provider (assigner) and the consumer (assignee) by DID, at `timestamp`.
 */
export function agreementFromOffer(offer: MessageOffer | Policy, input: { id: string; target: string; assigner: string; assignee: string; timestamp: string }): AgreementPolicy {
  return {
    ...offer,
    uid: input.id,
    type: 'Agreement',
    target: input.target,
    assigner: input.assigner,
    assignee: input.assignee,
    timestamp: input.timestamp,
  };
}
