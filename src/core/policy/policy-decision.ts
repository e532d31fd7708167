import type { DutyTask } from './duty-schedule.js';
import type { ControlFactor } from './left-operands.js';
import type { LogicalOperator, Operator } from './odrl-policy.js';
import type { Stage } from './policy-request.js';

/**
 * A decision explains itself: which rule decided, and for every rule looked at, each constraint's
 * result with its JSON Pointer into the policy as `policyToJson` writes it (`/permission/0/constraint/1`,
 * `/permission/0/constraint/0/and/1`), what it expected and what it found.
 *
 * A constraint has one of four results: `true`, `false`, `unknown` (the value is missing, the left
 * operand unsupported, or the values cannot be compared) and `deferred` (the value is only known at
 * a later stage). `unknown` never helps the requester: a permission needs `true` (or `deferred`
 * before the data plane), while a prohibition applies when its constraints are `true` or `unknown`.
 */
export type Truth = 'true' | 'false' | 'unknown' | 'deferred';

export const leafReasons = ['not-satisfied', 'unknown-left-operand-value', 'unsupported-left-operand', 'type-mismatch', 'unit-mismatch', 'deferred'] as const;
export type LeafReason = (typeof leafReasons)[number];

export interface AtomicOutcome {
  kind: 'atomic';
  pointer: string;
  result: Truth;
  /** Why it is not `true`. */
  reason?: LeafReason;
  leftOperand: string;
  operator: Operator;
  factor?: ControlFactor;
  /** The right operand as the policy writes it. */
  expected: unknown;
  /** The value found, as shown to people (ISO instants, elapsed time as a duration). */
  actual?: string | number | string[];
  unit?: string;
  /** For `deferred`: the stage that checks it. */
  checkedAt?: Stage;
}

export interface LogicalOutcome {
  kind: 'logical';
  pointer: string;
  result: Truth;
  op: LogicalOperator;
  constraints: ConstraintOutcome[];
  /** `andSequence` stops at the first constraint that fails: how many were not evaluated. */
  skipped?: number;
}

export type ConstraintOutcome = AtomicOutcome | LogicalOutcome;

export type RuleKind = 'permission' | 'prohibition';

export interface RuleRef {
  kind: RuleKind;
  index: number;
  uid?: string;
  pointer: string;
}

export interface RuleOutcome extends RuleRef {
  action: string;
  /** Whether the rule governs this request: its action covers the one asked for, its target and assignee match. */
  applicable: boolean;
  notApplicable?: 'action' | 'target' | 'assignee';
  /** The rule's constraints together (all must hold); `true` for none. Absent when not applicable. */
  result?: Truth;
  constraints: ConstraintOutcome[];
}

export const decisionCodes = ['permitted', 'prohibited', 'no-permission-for-action', 'constraints-not-satisfied'] as const;
export type DecisionCode = (typeof decisionCodes)[number];

export interface Explanation {
  code: DecisionCode;
  stage: Stage;
  /** The action asked for, compact. */
  action: string;
  /** The permission that allowed, or the prohibition that refused. */
  rule?: RuleRef;
  rules: RuleOutcome[];
}

export interface Decision {
  permitted: boolean;
  reason: Explanation;
  /** When permitted: the matched permission's duties and the policy's obligations, scheduled. */
  duties: DutyTask[];
}

/** Every atomic outcome under `outcomes`, depth first. */
export function leaves(outcomes: readonly ConstraintOutcome[]): AtomicOutcome[] {
  return outcomes.flatMap((o) => (o.kind === 'atomic' ? [o] : leaves(o.constraints)));
}

/**
 * The constraints that decided against the request: for a prohibition that applied, those that
 * held (or could not be ruled out); otherwise every constraint of an applicable permission that
 * is `false` or `unknown`.
 */
export function failedConstraints(decision: Decision): AtomicOutcome[] {
  const { reason } = decision;
  if (reason.code === 'prohibited') {
    const rule = reason.rules.find((r) => r.pointer === reason.rule?.pointer);
    return leaves(rule?.constraints ?? []).filter((l) => l.result === 'true' || l.result === 'unknown');
  }
  if (decision.permitted) return [];
  return reason.rules
    .filter((r) => r.kind === 'permission' && r.applicable)
    .flatMap((r) => leaves(r.constraints).filter((l) => l.result === 'false' || l.result === 'unknown'));
}

/** The constraints of the deciding permission left to a later stage. */
export function deferredConstraints(decision: Decision): AtomicOutcome[] {
  const rule = decision.reason.rules.find((r) => r.pointer === decision.reason.rule?.pointer);
  return leaves(rule?.constraints ?? []).filter((l) => l.result === 'deferred');
}
