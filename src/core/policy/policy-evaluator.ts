import { evaluateConstraints, type EvaluationInput } from './constraint-evaluator.js';
import { scheduleDuty } from './duty-schedule.js';
import type { Policy, Rule } from './odrl-policy.js';
import { compactTerm, joinPointer } from './odrl-terms.js';
import { actionCovers } from './policy-actions.js';
import type { Decision, DecisionCode, RuleKind, RuleOutcome, RuleRef } from './policy-decision.js';
import type { PolicyContext, PolicyRequest } from './policy-request.js';

/**
 * The one evaluator for the catalog (may this participant see the offer), the negotiation (may it
 * get this agreement) and every access in the data plane and the sandbox (may this happen now).
 *
 * - A rule governs the request when its action covers the action asked for (ODRL `includedIn`:
 *   `use` covers `read`), its target (or the policy's) is the requested target, and its assignee
 *   (or the policy's), when given, is the subject (participant id or DID).
 * - Prohibitions win: a governing prohibition whose constraints are `true` — or `unknown`, since
 *   what cannot be ruled out is not allowed — refuses the request, whatever the permissions say
 *   (ODRL conflict `prohibit`; `invalid` refuses the same request).
 * - Otherwise the first governing permission, in policy order, whose constraints are all `true`
 *   allows it; before the `access` stage `deferred` constraints count as met and are listed.
 *   Nothing permitted is allowed: no governing permission, or none whose constraints hold, refuses.
 * - A permitted decision carries the matched permission's duties and the policy's obligations as
 *   tasks (duty-schedule.ts); they do not gate the decision.
 */
export function evaluate(policy: Policy, request: PolicyRequest, context: PolicyContext): Decision {
  const stage = context.stage ?? 'access';
  const action = compactTerm(request.action);
  const input: EvaluationInput = { request, context, stage };
  const subjectIds = [context.subject.participantId, ...(context.subject.did ? [context.subject.did] : [])];

  const outcome = (rule: Rule, kind: RuleKind, index: number): RuleOutcome => {
    const pointer = joinPointer('', kind, index);
    const ref: RuleRef = { kind, index, ...(rule.uid ? { uid: rule.uid } : {}), pointer };
    const target = rule.target ?? policy.target;
    const assignee = rule.assignee ?? policy.assignee;
    const notApplicable = !actionCovers(rule.action, action)
      ? 'action'
      : target && request.target && target !== request.target
        ? 'target'
        : assignee && !subjectIds.includes(assignee)
          ? 'assignee'
          : undefined;
    if (notApplicable) return { ...ref, action: rule.action, applicable: false, notApplicable, constraints: [] };
    const { result, outcomes } = evaluateConstraints(rule.constraints, joinPointer(pointer, 'constraint'), input);
    return { ...ref, action: rule.action, applicable: true, result, constraints: outcomes };
  };

  const prohibitions = policy.prohibitions.map((rule, i) => outcome(rule, 'prohibition', i));
  const permissions = policy.permissions.map((rule, i) => outcome(rule, 'permission', i));
  const rules = [...prohibitions, ...permissions];
  const refOf = (r: RuleOutcome): RuleRef => ({ kind: r.kind, index: r.index, ...(r.uid ? { uid: r.uid } : {}), pointer: r.pointer });
  const deny = (code: DecisionCode, rule?: RuleOutcome): Decision => ({
    permitted: false,
    reason: { code, stage, action, ...(rule ? { rule: refOf(rule) } : {}), rules },
    duties: [],
  });

  const prohibiting = prohibitions.find((p) => p.applicable && (p.result === 'true' || p.result === 'unknown'));
  if (prohibiting) return deny('prohibited', prohibiting);
  const governing = permissions.filter((p) => p.applicable);
  if (governing.length === 0) return deny('no-permission-for-action');
  const matched = governing.find((p) => p.result === 'true' || (stage !== 'access' && p.result === 'deferred'));
  if (!matched) return deny('constraints-not-satisfied');

  const signedAt = context.agreement?.signedAt;
  const permission = policy.permissions[matched.index];
  const duties = [
    ...(permission?.duties ?? []).map((d, j) => scheduleDuty(d, joinPointer(matched.pointer, 'duty', j), signedAt)),
    ...policy.obligations.map((d, k) => scheduleDuty(d, joinPointer('', 'obligation', k), signedAt)),
  ];
  return { permitted: true, reason: { code: 'permitted', stage, action, rule: refOf(matched), rules }, duties };
}
