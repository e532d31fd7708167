import type { Classification } from '../metadata/classification.js';
import { describeDecision, evaluate, type Decision, type Policy, type PolicyContext, type PolicyRequest, type PolicySubject, type Stage } from '../policy/index.js';

export interface ContractQuestion {
  policy: Policy;
  subject: PolicySubject;
  now: Date;
  stage: Stage;
  /** The request; `action` defaults to each permission's own action in turn (negotiation). */
  request?: Partial<PolicyRequest>;
  agreementSignedAt?: Date;
  usesSoFar?: number;
  classification?: Classification;
}

/**
 * One decision for a contract question. At negotiation the consumer asks for the agreement as a
 * whole, not for one action: it may have it when any permission it would get holds for it now
 * (each permission is asked with its own action). In the data plane the action is the access's own.
 * The refusal kept is the first permission's, so the explanation names a rule the consumer saw.
 */
export function decideContract(q: ContractQuestion): Decision {
  const context = questionContext(q);
  const actions = q.request?.action ? [q.request.action] : [...new Set(q.policy.permissions.map((p) => p.action))];
  if (actions.length === 0) actions.push('use');
  let refusal: Decision | undefined;
  for (const action of actions) {
    const decision = evaluate(q.policy, { ...q.request, action }, context);
    if (decision.permitted) return decision;
    refusal ??= decision;
  }
  return refusal!;
}

/** The evaluator's context for a question: what the caller knows besides the request. */
export function questionContext(q: ContractQuestion): PolicyContext {
  return {
    now: q.now,
    stage: q.stage,
    subject: q.subject,
    ...(q.agreementSignedAt ? { agreement: { signedAt: q.agreementSignedAt } } : {}),
    ...(q.usesSoFar !== undefined ? { usage: { count: q.usesSoFar } } : {}),
    ...(q.classification ? { asset: { classification: q.classification } } : {}),
  };
}

/** A refusal as the DSP `reason` array carries it: the summary and details, zh-CN then English. */
export function refusalReasons(decision: Decision): string[] {
  const zh = describeDecision(decision, 'zh-CN');
  const en = describeDecision(decision, 'en');
  return [[zh.summary, ...zh.details].join('；'), [en.summary, ...en.details].join('; ')];
}
