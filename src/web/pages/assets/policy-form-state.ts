import { compactTerm, decimalLiteral, integerLiteral, isObject, itemsOf, sameForm, valuesOf, type JsonObject, type PolicyJson } from './policy-json';

/**
 * The policy editor's working on an offer's ODRL JSON. The editor models some constraints of the
 * offer's first permission and two of its duties; every edit rewrites only the member it touches
 * and keeps everything else, including what the editor does not model (unknown operands, other
 * duties, other rules, `@id`s, units, the spelling of terms), exactly as it was. So a policy
 * written through the API survives a round trip through the console.
 */
export type ValueKind = 'list' | 'integer' | 'decimal' | 'text';

interface FieldDef {
  leftOperand: string;
  /** Operators (compact) this field reads; the first is the one it writes for a new constraint. */
  operators: readonly string[];
  kind: ValueKind;
}

export const policyFieldDefs = {
  purpose: { leftOperand: 'purpose', operators: ['isAnyOf', 'eq'], kind: 'list' },
  validFrom: { leftOperand: 'dateTime', operators: ['gteq', 'gt'], kind: 'text' },
  validUntil: { leftOperand: 'dateTime', operators: ['lteq', 'lt'], kind: 'text' },
  useWithin: { leftOperand: 'elapsedTime', operators: ['lteq', 'lt'], kind: 'text' },
  maxUses: { leftOperand: 'count', operators: ['lteq'], kind: 'integer' },
  regions: { leftOperand: 'tds:region', operators: ['isPartOf', 'eq'], kind: 'list' },
  industries: { leftOperand: 'industry', operators: ['isAnyOf', 'eq'], kind: 'list' },
  roles: { leftOperand: 'tds:role', operators: ['isAnyOf', 'eq'], kind: 'list' },
  k: { leftOperand: 'tds:kAnonymity', operators: ['gteq'], kind: 'integer' },
  epsilon: { leftOperand: 'tds:privacyBudget', operators: ['lteq'], kind: 'decimal' },
  channel: { leftOperand: 'deliveryChannel', operators: ['eq'], kind: 'text' },
} as const satisfies Record<string, FieldDef>;

export type PolicyField = keyof typeof policyFieldDefs;
export const policyFields = Object.keys(policyFieldDefs) as PolicyField[];
export type FieldValue = string | string[];

export interface PolicyView {
  /**
   * Whether the fields may change the policy: it has a first permission in the DSP form, or no
   * rule at all yet. A policy written otherwise (`odrl:permission`, only prohibitions) is shown
   * and kept, never given a permission it did not have.
   */
  editable: boolean;
  /** The first permission's action (`use`, `aggregate`…), when there is one. */
  action?: string;
  values: Partial<Record<PolicyField, FieldValue>>;
  /** The deletion duty's bound (`P30D`), when the permission has one. */
  deleteWithin?: string;
  attribution: boolean;
  /** Constraints and duties of the first permission the editor does not model: kept as they are. */
  others: unknown[];
  /** Further permissions, prohibitions and obligations: kept as they are. */
  otherRules: number;
}

const isEmpty = (value: FieldValue | undefined) => value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

function matches(constraint: unknown, def: FieldDef): constraint is JsonObject {
  return isObject(constraint) && compactTerm(constraint.leftOperand) === def.leftOperand && def.operators.includes(compactTerm(constraint.operator) ?? '');
}

const firstPermission = (policy: PolicyJson | undefined): JsonObject | undefined => {
  const first = itemsOf(policy?.permission)[0];
  return isObject(first) ? first : undefined;
};

const dutyIndex = (duties: unknown[], action: string) => duties.findIndex((d) => isObject(d) && compactTerm(d.action) === action);
const isDeleteBound = (c: unknown): c is JsonObject => matches(c, policyFieldDefs.useWithin);

/** What the editor shows of a policy: its modelled fields, and what it keeps untouched. */
export function readPolicy(policy: PolicyJson | undefined): PolicyView {
  const permission = firstPermission(policy);
  const constraints = itemsOf(permission?.constraint);
  const used = new Set<number>();
  const values: PolicyView['values'] = {};
  for (const field of policyFields) {
    const def: FieldDef = policyFieldDefs[field];
    const i = constraints.findIndex((c, j) => !used.has(j) && matches(c, def));
    if (i < 0) continue;
    used.add(i);
    const read = valuesOf((constraints[i] as JsonObject).rightOperand);
    values[field] = def.kind === 'list' ? read : (read[0] ?? '');
  }
  const duties = itemsOf(permission?.duty);
  const del = dutyIndex(duties, 'delete');
  const att = dutyIndex(duties, 'attribute');
  const bound = del >= 0 ? itemsOf((duties[del] as JsonObject).constraint).find(isDeleteBound) : undefined;
  const rules = ['permission', 'prohibition', 'obligation'].reduce((n, key) => n + itemsOf(policy?.[key]).length, 0);
  const action = compactTerm(permission?.action);
  const ruleKeys = Object.keys(policy ?? {}).filter((key) => /(^|[:/#])(permission|prohibition|obligation)$/.test(key));
  return {
    editable: permission !== undefined || ruleKeys.length === 0,
    ...(action ? { action } : {}),
    values,
    ...(bound ? { deleteWithin: valuesOf(bound.rightOperand)[0] ?? '' } : {}),
    attribution: att >= 0,
    others: [...constraints.filter((_, j) => !used.has(j)), ...duties.filter((_, j) => j !== del && j !== att)],
    otherRules: Math.max(0, rules - (permission ? 1 : 0)),
  };
}

/** `obj` with `key` replaced in place (appended when new, left out when `value` is undefined). */
function withMember(obj: JsonObject, key: string, value: unknown): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (k !== key) out[k] = v;
  else if (value !== undefined) out[k] = value;
  if (!Object.hasOwn(obj, key) && value !== undefined) out[key] = value;
  return out;
}

/** Replaces item `i` (or appends when `i` < 0); an undefined item removes it. The list keeps its form. */
function replaceItem(original: unknown, i: number, item: unknown): unknown {
  const items = itemsOf(original);
  const next = item === undefined ? items.filter((_, j) => j !== i) : i >= 0 ? items.map((x, j) => (j === i ? item : x)) : [...items, item];
  return next.length ? sameForm(original, next) : undefined;
}

function updateFirstPermission(policy: PolicyJson, change: (permission: JsonObject) => JsonObject): PolicyJson {
  const items = itemsOf(policy.permission);
  const first = isObject(items[0]) ? items[0] : { action: 'use' };
  return withMember(policy, 'permission', sameForm(policy.permission, [change(first), ...items.slice(1)]));
}

function rightOperand(def: FieldDef, existing: JsonObject | undefined, value: FieldValue): { operator: unknown; right: unknown } {
  const written = existing && compactTerm(existing.operator);
  if (Array.isArray(value)) {
    // `eq` holds one value: it stays `eq` while there is one, else the field's set operator.
    if (written === 'eq' && value.length === 1) return { operator: existing?.operator, right: value[0] };
    return { operator: written && written !== 'eq' ? existing?.operator : def.operators.find((o) => o !== 'eq'), right: value };
  }
  const operator = existing?.operator ?? def.operators[0];
  const n = Number(value);
  if (def.kind === 'integer' && Number.isInteger(n)) return { operator, right: integerLiteral(n) };
  if (def.kind === 'decimal' && Number.isFinite(n)) return { operator, right: decimalLiteral(n) };
  // Anything else goes as typed: the connector's check names what is wrong with it.
  return { operator, right: value.trim() };
}

/** Sets (or, when empty, removes) one modelled constraint of the first permission. */
export function setField(policy: PolicyJson, field: PolicyField, value: FieldValue | undefined): PolicyJson {
  const def: FieldDef = policyFieldDefs[field];
  return updateFirstPermission(policy, (permission) => {
    const constraints = itemsOf(permission.constraint);
    const i = constraints.findIndex((c) => matches(c, def));
    const existing = i >= 0 ? (constraints[i] as JsonObject) : undefined;
    if (isEmpty(value)) return i < 0 ? permission : withMember(permission, 'constraint', replaceItem(permission.constraint, i, undefined));
    const { operator, right } = rightOperand(def, existing, value as FieldValue);
    const next = existing ? withMember(withMember(existing, 'operator', operator), 'rightOperand', right) : { leftOperand: def.leftOperand, operator, rightOperand: right };
    return withMember(permission, 'constraint', replaceItem(permission.constraint, i, next));
  });
}

/** The deletion duty: delete within `period` of the agreement (`elapsedTime lteq`), or none. */
export function setDeleteWithin(policy: PolicyJson, period: string | undefined): PolicyJson {
  return updateFirstPermission(policy, (permission) => {
    const duties = itemsOf(permission.duty);
    const i = dutyIndex(duties, 'delete');
    if (!period?.trim()) return i < 0 ? permission : withMember(permission, 'duty', replaceItem(permission.duty, i, undefined));
    const bound = { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: period.trim() };
    if (i < 0) return withMember(permission, 'duty', replaceItem(permission.duty, -1, { action: 'delete', constraint: [bound] }));
    const duty = duties[i] as JsonObject;
    const j = itemsOf(duty.constraint).findIndex(isDeleteBound);
    const constraint = j >= 0 ? withMember(itemsOf(duty.constraint)[j] as JsonObject, 'rightOperand', bound.rightOperand) : bound;
    return withMember(permission, 'duty', replaceItem(permission.duty, i, withMember(duty, 'constraint', replaceItem(duty.constraint, j, constraint))));
  });
}

/** The attribution duty (署名): name the source on every use, or not. */
export function setAttribution(policy: PolicyJson, on: boolean): PolicyJson {
  return updateFirstPermission(policy, (permission) => {
    const i = dutyIndex(itemsOf(permission.duty), 'attribute');
    if (on === i >= 0) return permission;
    return withMember(permission, 'duty', replaceItem(permission.duty, on ? -1 : i, on ? { action: 'attribute' } : undefined));
  });
}

/** The policy an offer without one is published with: the consumer may use the asset. */
export const plainPolicy = (uid: string): PolicyJson => ({ '@id': uid, '@type': 'Offer', permission: [{ action: 'use' }] });
