import type { FieldProblem } from '../errors/index.js';
import type { AccessMode } from '../metadata/catalog-entry.js';
import { allowedChannels, restrictsChannel, type DeliveryChannel } from '../policy/delivery-channels.js';
import { parsePolicy, policyToJson, type Policy } from '../policy/index.js';
import { unsupportedOperands } from '../policy/publishable-operands.js';

export interface OfferTermsInput {
  id: string;
  accessMode: AccessMode;
  policy?: Record<string, unknown>;
}

export type OfferTerms =
  | { ok: true; policy: Record<string, unknown>; channels: DeliveryChannel[] }
  | { ok: false; code: 'policy.invalid' | 'policy.operand-unsupported' | 'policy.channel-mismatch'; problems: FieldProblem[] };

/** The plainest offer: the consumer may use the asset (through the offer's channel, added below). */
const plainPolicy = (assetId: string, offerId: string): Record<string, unknown> => ({ '@id': `urn:tds:offer:${assetId}:${offerId}`, '@type': 'Offer', permission: [{ action: 'use' }] });

/** The channels an offer allows, from its policy (an unreadable policy allows nothing). */
export function offerChannels(offer: { policy: Record<string, unknown> }): DeliveryChannel[] {
  const parsed = parsePolicy(offer.policy);
  return parsed.ok ? allowedChannels(parsed.policy) : [];
}

/**
 * The policy an offer is published with. The policy is the truth about how data may be
 * delivered (ADR 0010): a policy that does not name a channel gets `deliveryChannel eq <access
 * mode>` on every permission, so a sandbox offer never lets a consumer download; a policy that
 * names channels must allow the access mode it is labelled with. A constraint on a left operand
 * that no decision point supplies is refused here, with its pointer, instead of refusing every
 * access after the consumer signed.
 */
export function offerTerms(assetId: string, offer: OfferTermsInput, base: string): OfferTerms {
  // A policy written without its id or type gets the ones the DSP catalog would give it.
  const plain = plainPolicy(assetId, offer.id);
  const parsed = parsePolicy(offer.policy ? { '@id': plain['@id'], '@type': 'Offer', ...offer.policy } : plain);
  if (!parsed.ok) return { ok: false, code: 'policy.invalid', problems: parsed.problems.map((p) => ({ pointer: `${base}/policy${p.pointer}`, detail: p.detail })) };
  const unsupported = unsupportedOperands(parsed.policy);
  if (unsupported.length) {
    return { ok: false, code: 'policy.operand-unsupported', problems: unsupported.map((u) => ({ pointer: `${base}/policy${u.pointer}`, detail: `${u.operand}: ${u.reason.en} (${u.reason['zh-CN']})` })) };
  }
  const policy: Policy = restrictsChannel(parsed.policy) ? parsed.policy : withChannel(parsed.policy, offer.accessMode);
  const channels = allowedChannels(policy);
  if (!channels.includes(offer.accessMode)) {
    const allowed = channels.length ? channels.join(', ') : 'none';
    return { ok: false, code: 'policy.channel-mismatch', problems: [{ pointer: `${base}/accessMode`, detail: `The offer says ${offer.accessMode}, but its policy allows ${allowed} (要约的访问模式与策略允许的交付方式不一致)` }] };
  }
  return { ok: true, policy: policyToJson(policy), channels };
}

function withChannel(policy: Policy, channel: AccessMode): Policy {
  return {
    ...policy,
    permissions: policy.permissions.map((p) => ({ ...p, constraints: [...p.constraints, { kind: 'atomic', leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: { value: channel } }] })),
  };
}
