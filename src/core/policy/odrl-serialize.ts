import type { AtomicConstraint, ConstraintNode, Permission, Policy, RightOperandValue, Rule } from './odrl-policy.js';

/**
 * A policy back in compacted DSP 2025-1 form: ODRL terms unprefixed, ours as `tds:…` (the message
 * then needs the tds context after the DSP one, `[dspContextUrl, tdsContextUrl]`), rules always in
 * arrays, empty rule lists left out (DSP requires at least one item where a list is given), right
 * operands in the form they were read. `parsePolicy(policyToJson(p))` gives `p` back.
 */
export function policyToJson(policy: Policy): Record<string, unknown> {
  return {
    '@id': policy.uid,
    '@type': policy.type,
    ...(policy.profile ? { profile: policy.profile.length === 1 ? policy.profile[0] : [...policy.profile] } : {}),
    ...(policy.target ? { target: policy.target } : {}),
    ...(policy.assigner ? { assigner: policy.assigner } : {}),
    ...(policy.assignee ? { assignee: policy.assignee } : {}),
    ...(policy.timestamp !== undefined ? { timestamp: policy.timestamp } : {}),
    ...(policy.conflict ? { conflict: policy.conflict } : {}),
    ...(policy.permissions.length ? { permission: policy.permissions.map(permissionToJson) } : {}),
    ...(policy.prohibitions.length ? { prohibition: policy.prohibitions.map(ruleToJson) } : {}),
    ...(policy.obligations.length ? { obligation: policy.obligations.map(ruleToJson) } : {}),
  };
}

function permissionToJson(permission: Permission): Record<string, unknown> {
  const json = ruleToJson(permission);
  return permission.duties.length ? { ...json, duty: permission.duties.map(ruleToJson) } : json;
}

export function ruleToJson(rule: Rule): Record<string, unknown> {
  return {
    ...(rule.uid ? { '@id': rule.uid } : {}),
    action: rule.action,
    ...(rule.target ? { target: rule.target } : {}),
    ...(rule.assigner ? { assigner: rule.assigner } : {}),
    ...(rule.assignee ? { assignee: rule.assignee } : {}),
    ...(rule.constraints.length ? { constraint: rule.constraints.map(constraintToJson) } : {}),
  };
}

export function constraintToJson(node: ConstraintNode): Record<string, unknown> {
  const uid: Record<string, string> = node.uid ? { '@id': node.uid } : {};
  if (node.kind === 'logical') return { ...uid, [node.op]: node.constraints.map(constraintToJson) };
  return atomicToJson(node, uid);
}

function atomicToJson(c: AtomicConstraint, uid: Record<string, string>): Record<string, unknown> {
  return {
    ...uid,
    leftOperand: c.leftOperand,
    operator: c.operator,
    rightOperand: Array.isArray(c.rightOperand) ? c.rightOperand.map(rightValueToJson) : rightValueToJson(c.rightOperand),
    ...(c.unit ? { unit: c.unit } : {}),
    ...(c.dataType ? { dataType: c.dataType } : {}),
    ...(c.claim ? { 'tds:claim': c.claim } : {}),
  };
}

export function rightValueToJson(v: RightOperandValue): unknown {
  if (v.reference) return { '@id': String(v.value) };
  if (v.datatype) return { '@value': v.value, '@type': v.datatype };
  return v.value;
}
