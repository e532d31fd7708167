// Reads the few constraints the console shows beside an offer or an agreement out of its ODRL
// JSON: the purposes an offer allows (a hint when negotiating) and the limits usage is measured
// against (count, time window). The connectors decide; this only displays what the policy says.

type Json = Record<string, unknown>;

export interface AtomicConstraint {
  leftOperand: string;
  operator: string;
  rightOperand: unknown;
}

export interface UsageLimits {
  /** Uses allowed in all (count lteq 2 → 2). */
  count?: number;
  /** Use allowed before this time (dateTime lt / lteq). */
  until?: string;
  /** Use allowed from this time on (dateTime gt / gteq). */
  from?: string;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `odrl:count`, `http://www.w3.org/ns/odrl/2/count`, `{ "@id": "count" }` → `count`. */
function term(value: unknown): string {
  const text = isObject(value) ? value['@id'] : value;
  return typeof text === 'string' ? (text.split(/[/:#]/).pop() ?? text) : '';
}

/** `2`, `"2"`, `{ "@value": "2" }` → the plain value. */
function plain(value: unknown): unknown {
  if (isObject(value)) return '@value' in value ? value['@value'] : value['@id'];
  return value;
}

function collect(node: unknown, into: AtomicConstraint[]): void {
  if (!isObject(node)) return;
  if ('leftOperand' in node) {
    into.push({ leftOperand: term(node.leftOperand), operator: term(node.operator), rightOperand: node.rightOperand });
    return;
  }
  // Logical constraints: every branch is a condition of the rule (and, andSequence; or/xone shown too).
  for (const op of ['and', 'andSequence', 'or', 'xone']) for (const child of asArray(node[op])) collect(child, into);
}

/** Every atomic constraint of the policy's permissions. */
export function permissionConstraints(policy: Json | undefined): AtomicConstraint[] {
  const found: AtomicConstraint[] = [];
  for (const rule of asArray(policy?.permission)) {
    if (isObject(rule)) for (const c of asArray(rule.constraint)) collect(c, found);
  }
  return found;
}

/** The purposes a `purpose eq / isAnyOf / isA` constraint allows. */
export function allowedPurposes(policy: Json | undefined): string[] {
  const purposes = permissionConstraints(policy)
    .filter((c) => c.leftOperand === 'purpose' && ['eq', 'isAnyOf', 'isA', 'isPartOf'].includes(c.operator))
    .flatMap((c) => asArray(c.rightOperand).map((v) => String(plain(v))));
  return [...new Set(purposes)];
}

/** The count and time limits of the policy's permissions (the tightest of each). */
export function usageLimits(policy: Json | undefined): UsageLimits {
  const limits: UsageLimits = {};
  for (const c of permissionConstraints(policy)) {
    const value = plain(c.rightOperand);
    if (c.leftOperand === 'count') {
      const n = Number(value);
      if (!Number.isFinite(n)) continue;
      const allowed = c.operator === 'lt' ? n - 1 : c.operator === 'lteq' || c.operator === 'eq' ? n : undefined;
      if (allowed !== undefined) limits.count = Math.min(limits.count ?? Infinity, Math.max(0, allowed));
    } else if (c.leftOperand === 'dateTime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      if (c.operator === 'lt' || c.operator === 'lteq') limits.until = !limits.until || value < limits.until ? value : limits.until;
      if (c.operator === 'gt' || c.operator === 'gteq') limits.from = !limits.from || value > limits.from ? value : limits.from;
    }
  }
  return limits;
}
