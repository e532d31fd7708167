import { leftOperand } from './left-operands.js';
import { rightValues, type AtomicConstraint, type ConstraintNode, type LogicalConstraint } from './odrl-policy.js';
import { constraintToJson } from './odrl-serialize.js';
import { joinPointer } from './odrl-terms.js';
import { applyOperator } from './operator-semantics.js';
import type { AtomicOutcome, ConstraintOutcome, LogicalOutcome, Truth } from './policy-decision.js';
import { stageRank, type PolicyContext, type PolicyRequest, type Stage } from './policy-request.js';
import { coerce, displayValue, type TypedValue } from './typed-values.js';

export interface EvaluationInput {
  request: PolicyRequest;
  context: PolicyContext;
  stage: Stage;
}

/**
 * How results combine (ODRL's logical constraints, with `unknown` and `deferred` kept apart):
 *   and, andSequence  false if any is false; else unknown if any is unknown; else deferred if any is; else true.
 *                     andSequence evaluates in order and stops at the first false or unknown.
 *   or                true if any is true; else deferred if any is (a later stage may still make it true);
 *                     else unknown if any is; else false.
 *   xone              false once two are true; true when exactly one is true and none is open; else open
 *                     (unknown before deferred), since an open one could still add a second `true`.
 */
export function combine(op: LogicalConstraint['op'], results: readonly Truth[]): Truth {
  const has = (t: Truth) => results.includes(t);
  switch (op) {
    case 'and':
    case 'andSequence':
      return has('false') ? 'false' : has('unknown') ? 'unknown' : has('deferred') ? 'deferred' : 'true';
    case 'or':
      return has('true') ? 'true' : has('deferred') ? 'deferred' : has('unknown') ? 'unknown' : 'false';
    case 'xone': {
      const trues = results.filter((t) => t === 'true').length;
      if (trues > 1) return 'false';
      if (!has('unknown') && !has('deferred')) return trues === 1 ? 'true' : 'false';
      return has('unknown') ? 'unknown' : 'deferred';
    }
  }
}

/** A rule's constraints, all of which must hold; pointers run `base/0`, `base/1`, …. */
export function evaluateConstraints(nodes: readonly ConstraintNode[], base: string, input: EvaluationInput): { result: Truth; outcomes: ConstraintOutcome[] } {
  const outcomes = nodes.map((node, i) => evaluateConstraint(node, joinPointer(base, i), input));
  return { result: combine('and', outcomes.map((o) => o.result)), outcomes };
}

export function evaluateConstraint(node: ConstraintNode, pointer: string, input: EvaluationInput): ConstraintOutcome {
  return node.kind === 'logical' ? evaluateLogical(node, pointer, input) : evaluateAtomic(node, pointer, input);
}

function evaluateLogical(node: LogicalConstraint, pointer: string, input: EvaluationInput): LogicalOutcome {
  const outcomes: ConstraintOutcome[] = [];
  for (const [i, child] of node.constraints.entries()) {
    const outcome = evaluateConstraint(child, joinPointer(pointer, node.op, i), input);
    outcomes.push(outcome);
    if (node.op === 'andSequence' && (outcome.result === 'false' || outcome.result === 'unknown')) break;
  }
  const skipped = node.constraints.length - outcomes.length;
  return {
    kind: 'logical',
    pointer,
    op: node.op,
    result: combine(node.op, outcomes.map((o) => o.result)),
    constraints: outcomes,
    ...(skipped ? { skipped } : {}),
  };
}

function evaluateAtomic(c: AtomicConstraint, pointer: string, { request, context, stage }: EvaluationInput): AtomicOutcome {
  const base = {
    kind: 'atomic' as const,
    pointer,
    leftOperand: c.leftOperand,
    operator: c.operator,
    expected: constraintToJson(c).rightOperand,
    ...(c.unit ? { unit: c.unit } : {}),
  };
  const def = leftOperand(c.leftOperand);
  if (!def) return { ...base, result: 'unknown', reason: 'unsupported-left-operand' };
  const known = { ...base, factor: def.factor };
  if (stageRank(def.stage) > stageRank(stage)) return { ...known, result: 'deferred', reason: 'deferred', checkedAt: def.stage };
  const actual = def.resolve(request, context, c);
  if (actual === undefined) return { ...known, result: 'unknown', reason: 'unknown-left-operand-value' };
  const shown = { ...known, actual: displayValue(actual) };
  if (c.leftOperand === 'payAmount' && c.unit) {
    const currency = context.payment?.currency;
    if (!currency) return { ...shown, result: 'unknown', reason: 'unknown-left-operand-value' };
    if (currency !== c.unit) return { ...shown, actual: currency, result: 'unknown', reason: 'unit-mismatch' };
  }
  const rights = rightValues(c).map((v) => coerce(def.valueType, v));
  if (rights.some((r) => r === undefined)) return { ...shown, result: 'unknown', reason: 'type-mismatch' };
  const holds = applyOperator(c.operator, def, actual, rights as TypedValue[]);
  if (holds === undefined) return { ...shown, result: 'unknown', reason: 'type-mismatch' };
  return holds ? { ...shown, result: 'true' } : { ...shown, result: 'false', reason: 'not-satisfied' };
}
