import type { ConstraintNode, Policy, Prohibition } from './odrl-policy.js';
import { compactTerm } from './odrl-terms.js';
import { evaluate } from './policy-evaluator.js';

/** How data reaches a consumer (`deliveryChannel`): the catalog's access modes. */
export const deliveryChannels = ['download', 'api', 'sandbox'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** The actions each channel exercises: a download or an API call reads; the sandbox uses or aggregates. */
const channelActions: Readonly<Record<DeliveryChannel, readonly string[]>> = {
  download: ['read'],
  api: ['read'],
  sandbox: ['use', 'aggregate'],
};

const isChannelConstraint = (node: ConstraintNode): boolean => node.kind === 'atomic' && compactTerm(node.leftOperand) === 'deliveryChannel';

/**
 * The constraint with every condition that is not about the channel taken as met (undefined:
 * nothing about the channel is left). `or` and `xone` with a branch that no longer depends on the
 * channel may hold whatever the channel is, so they drop out too.
 */
function channelPart(node: ConstraintNode): ConstraintNode | undefined {
  if (node.kind === 'atomic') return isChannelConstraint(node) ? node : undefined;
  const parts = node.constraints.map(channelPart);
  if (node.op === 'or' || node.op === 'xone') return parts.some((p) => p === undefined) ? undefined : { ...node, constraints: parts as ConstraintNode[] };
  const kept = parts.filter((p): p is ConstraintNode => p !== undefined);
  return kept.length ? { ...node, constraints: kept } : undefined;
}

const purelyChannel = (node: ConstraintNode): boolean => (node.kind === 'atomic' ? isChannelConstraint(node) : node.constraints.every(purelyChannel));
const onlyAboutChannel = (rule: Prohibition): boolean => rule.constraints.length > 0 && rule.constraints.every(purelyChannel);

/**
 * The delivery channels a policy can ever allow: a channel is allowed when some permission
 * covering the channel's action has no `deliveryChannel` condition against it, and no
 * prohibition that is only about channels forbids it. Every other condition (purpose, time,
 * count, place…) is taken as met here; it is still checked at each access. This is what the
 * transfer endpoint, the data plane, the catalogs and the consumer console rely on, so an offer's
 * access mode is never only a label: the policy is the truth (ADR 0010).
 */
export function allowedChannels(policy: Policy): DeliveryChannel[] {
  const strip = <R extends Prohibition>(rule: R): R => {
    const { assignee: _a, assigner: _b, target: _t, ...rest } = rule;
    return { ...rest, constraints: rule.constraints.flatMap((c) => channelPart(c) ?? []) } as R;
  };
  const projected: Policy = {
    uid: policy.uid,
    type: policy.type,
    permissions: policy.permissions.map(strip),
    prohibitions: policy.prohibitions.filter(onlyAboutChannel).map(strip),
    obligations: [],
  };
  const context = { now: new Date(0), stage: 'access' as const, subject: { participantId: '', admitted: true, roles: [], industries: [] } };
  return deliveryChannels.filter((channel) => channelActions[channel].some((action) => evaluate(projected, { action, channel }, context).permitted));
}

/** Whether the policy names the channel at all (a `deliveryChannel` condition anywhere in a permission). */
export function restrictsChannel(policy: Policy): boolean {
  const names = (nodes: readonly ConstraintNode[]): boolean => nodes.some((n) => (n.kind === 'atomic' ? isChannelConstraint(n) : names(n.constraints)));
  return policy.permissions.some((p) => names(p.constraints)) || policy.prohibitions.some((p) => names(p.constraints));
}
