/**
 * The parsed ODRL 2.2 policy (策略): what `parsePolicy` returns, what the evaluator reads and what
 * `policyToJson` writes back as compacted DSP 2025-1 JSON-LD. Terms are kept in one compact form:
 * ODRL's own unprefixed (`use`, `dateTime`, `eq`), ours as `tds:…` (https://w3id.org/trustspace/ns#),
 * anything else as written (`partner`, `http://example.org/x`).
 */

export const policyTypes = ['Offer', 'Agreement', 'Set'] as const;
export type PolicyType = (typeof policyTypes)[number];

/** ODRL 2.2 operators (`hasPart` too: DSP lists it). DSP's `term-lteq` is not ODRL and is refused. */
export const operators = ['eq', 'neq', 'lt', 'lteq', 'gt', 'gteq', 'isA', 'isPartOf', 'hasPart', 'isAnyOf', 'isAllOf', 'isNoneOf'] as const;
export type Operator = (typeof operators)[number];

/** Operators that compare against exactly one right operand value. */
export const singleValueOperators: readonly Operator[] = ['eq', 'neq', 'lt', 'lteq', 'gt', 'gteq'];
/** Operators that need an ordered value type (number, dateTime, duration, classification). */
export const orderOperators: readonly Operator[] = ['lt', 'lteq', 'gt', 'gteq'];

export const logicalOperators = ['and', 'or', 'xone', 'andSequence'] as const;
export type LogicalOperator = (typeof logicalOperators)[number];

/**
 * One right operand value, its JSON-LD form kept so a policy writes back as it came:
 * `"gold"` → `{ value: 'gold' }`, `{ "@value": "5", "@type": "xsd:integer" }` →
 * `{ value: '5', datatype: 'xsd:integer' }`, `{ "@id": "http://example.org/EU" }` →
 * `{ value: 'http://example.org/EU', reference: true }`.
 */
export interface RightOperandValue {
  value: string | number | boolean;
  datatype?: string;
  reference?: boolean;
}

export interface AtomicConstraint {
  kind: 'atomic';
  uid?: string;
  leftOperand: string;
  operator: Operator;
  /** A single value, or a list (`isAnyOf` / `isAllOf` / `isNoneOf`, `isPartOf` of several). */
  rightOperand: RightOperandValue | RightOperandValue[];
  /** ODRL `unit`: the currency of `payAmount` (`CNY`), a unit of measure. */
  unit?: string;
  /** ODRL `dataType` of the right operand (`xsd:decimal`). */
  dataType?: string;
  /** Ours (`tds:claim`): which credential claim `tds:credentialClaim` reads. */
  claim?: string;
}

export interface LogicalConstraint {
  kind: 'logical';
  uid?: string;
  op: LogicalOperator;
  constraints: ConstraintNode[];
}

export type ConstraintNode = AtomicConstraint | LogicalConstraint;

export interface Rule {
  uid?: string;
  /** The action in compact form (`use`, `read`, `tds:…`). */
  action: string;
  target?: string;
  assigner?: string;
  assignee?: string;
  constraints: ConstraintNode[];
}

/** A duty: inside a permission (`duty`) or at policy level (`obligation`). */
export type Duty = Rule;

export interface Permission extends Rule {
  duties: Duty[];
}

export type Prohibition = Rule;

/** ODRL conflict strategy. `perm` (permissions override prohibitions) is refused: prohibitions win. */
export type ConflictStrategy = 'prohibit' | 'invalid';

export interface Policy {
  uid: string;
  type: PolicyType;
  profile?: string[];
  target?: string;
  assigner?: string;
  assignee?: string;
  /** DSP Agreement `timestamp` (xsd:dateTime), kept as written. */
  timestamp?: string;
  conflict?: ConflictStrategy;
  permissions: Permission[];
  prohibitions: Prohibition[];
  obligations: Duty[];
}

export const isOperator = (value: string): value is Operator => (operators as readonly string[]).includes(value);
export const isLogicalOperator = (value: string): value is LogicalOperator => (logicalOperators as readonly string[]).includes(value);

/** The right operand as a list, whichever form it was written in. */
export const rightValues = (constraint: AtomicConstraint): RightOperandValue[] =>
  Array.isArray(constraint.rightOperand) ? constraint.rightOperand : [constraint.rightOperand];
