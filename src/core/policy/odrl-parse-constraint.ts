import { isRecord, type JsonLdReader } from './jsonld-reader.js';
import { leftOperand } from './left-operands.js';
import {
  isOperator,
  logicalOperators,
  singleValueOperators,
  type AtomicConstraint,
  type ConstraintNode,
  type LogicalConstraint,
  type RightOperandValue,
} from './odrl-policy.js';
import { findKeys, joinPointer } from './odrl-terms.js';
import { allowedOperators } from './operator-semantics.js';
import { coerce, type ValueType } from './typed-values.js';

/**
 * Constraints and logical constraints. A constraint must be understood to be enforced, so it is
 * read strictly: an unknown operator, a missing operand, a member we do not know or a right
 * operand of the wrong type for a left operand we know is refused, with its pointer. An unknown
 * left operand is accepted (a profile may define it); the evaluator never lets it hold.
 */
const atomicMembers = ['leftOperand', 'operator', 'rightOperand', 'unit', 'dataType', 'uid', 'tds:claim'];
const ignoredKeys = new Set(['@id', '@type']);

const expectedOf: Readonly<Record<ValueType, string>> = {
  dateTime: 'an xsd:dateTime or xsd:date, e.g. 2025-12-31T23:59:59+08:00',
  duration: 'an ISO 8601 duration, e.g. P30D or PT12H',
  number: 'a number',
  string: 'a string',
  region: 'a region code (GB/T 2260, or an ISO 3166 code such as CN)',
  industry: 'a GB/T 4754 industry code, e.g. J or J66',
  classification: 'core, important, general or general-1 … general-4',
};

export function parseConstraints(reader: JsonLdReader, value: unknown, pointer: string): ConstraintNode[] {
  return reader.items(value, pointer).flatMap((item) => parseConstraint(reader, item.value, item.pointer) ?? []);
}

export function parseConstraint(reader: JsonLdReader, node: unknown, pointer: string): ConstraintNode | undefined {
  if (!isRecord(node)) return reader.problem(pointer, 'A constraint must be an object');
  const logical = logicalOperators.filter((op) => findKeys(node, op).length > 0);
  const uid = reader.uid(node, pointer);
  if (logical.length > 1) return reader.problem(pointer, `A logical constraint has exactly one of and, or, xone, andSequence (found ${logical.join(', ')})`);
  const [op] = logical;
  if (op) {
    if (findKeys(node, 'leftOperand').length) return reader.problem(pointer, 'A constraint is either logical or has a leftOperand, not both');
    const opKeys = new Set([...findKeys(node, op), ...findKeys(node, 'uid'), ...ignoredKeys]);
    for (const key of Object.keys(node)) {
      if (!opKeys.has(key)) reader.problem(joinPointer(pointer, key), `Unknown member ${key} of a logical constraint`);
    }
    const member = reader.member(node, pointer, op);
    if (!member) return undefined;
    const items = reader.items(member.value, member.pointer);
    if (items.length === 0) return reader.problem(member.pointer, `${op} needs at least one constraint`);
    const children = items.map((item) => parseConstraint(reader, item.value, item.pointer));
    if (children.some((c) => c === undefined)) return undefined;
    const result: LogicalConstraint = { kind: 'logical', op, constraints: children as ConstraintNode[] };
    return uid ? { ...result, uid } : result;
  }
  if (Object.keys(node).length === 1 && Object.hasOwn(node, '@id')) {
    return reader.problem(pointer, 'Constraint references are not supported: write the constraint inline');
  }
  return parseAtomic(reader, node, pointer, uid);
}

function parseAtomic(reader: JsonLdReader, node: Record<string, unknown>, pointer: string, uid: string | undefined): AtomicConstraint | undefined {
  const known = new Set(atomicMembers.flatMap((name) => findKeys(node, name)));
  const before = reader.problems.length;
  for (const key of Object.keys(node)) {
    if (known.has(key) || ignoredKeys.has(key)) continue;
    const detail = findKeys(node, 'rightOperandReference').includes(key)
      ? 'rightOperandReference is not supported: give the rightOperand'
      : `Unknown constraint member ${key}: a constraint that cannot be understood cannot be enforced`;
    reader.problem(joinPointer(pointer, key), detail);
  }
  const left = reader.member(node, pointer, 'leftOperand');
  const operator = reader.member(node, pointer, 'operator');
  const right = reader.member(node, pointer, 'rightOperand');
  const leftName = left ? reader.term(left.value, left.pointer, 'leftOperand') : reader.problem(joinPointer(pointer, 'leftOperand'), 'A constraint needs a leftOperand');
  const opName = operator ? reader.term(operator.value, operator.pointer, 'operator') : reader.problem(joinPointer(pointer, 'operator'), 'A constraint needs an operator');
  if (opName !== undefined && !isOperator(opName)) reader.problem(operator?.pointer ?? pointer, `Unknown operator ${opName}`);
  const parsedRight = right ? parseRightOperand(reader, right.value, right.pointer) : reader.problem(joinPointer(pointer, 'rightOperand'), 'A constraint needs a rightOperand');
  const rightOperand = parsedRight?.operand;
  const unit = optionalIri(reader, node, pointer, 'unit');
  const dataType = optionalIri(reader, node, pointer, 'dataType');
  const claimMember = reader.member(node, pointer, 'tds:claim');
  const claim = claimMember && reader.text(claimMember.value, claimMember.pointer, 'tds:claim');
  if (reader.problems.length > before || !leftName || !opName || !isOperator(opName) || !rightOperand) return undefined;

  const constraint: AtomicConstraint = {
    kind: 'atomic',
    ...(uid ? { uid } : {}),
    leftOperand: leftName,
    operator: opName,
    rightOperand,
    ...(unit ? { unit } : {}),
    ...(dataType ? { dataType } : {}),
    ...(claim ? { claim } : {}),
  };
  return checkTypes(reader, constraint, pointer, operator?.pointer ?? pointer, right?.pointer ?? pointer, parsedRight?.pointers ?? []) ? constraint : undefined;
}

function optionalIri(reader: JsonLdReader, node: Record<string, unknown>, pointer: string, name: string): string | undefined {
  const member = reader.member(node, pointer, name);
  return member && reader.iri(member.value, member.pointer, name);
}

/** The right operand (one value or a list) and the pointer of each value, for typed checks. */
function parseRightOperand(reader: JsonLdReader, value: unknown, pointer: string): { operand: RightOperandValue | RightOperandValue[]; pointers: string[] } | undefined {
  const isList = Array.isArray(value) || (isRecord(value) && Object.hasOwn(value, '@list'));
  const items = reader.items(value, pointer);
  const values = items.map((item) => parseRightValue(reader, item.value, item.pointer));
  const [first] = values;
  if (first === undefined) return reader.problem(pointer, 'rightOperand must not be empty');
  if (values.some((v) => v === undefined)) return undefined;
  return { operand: isList ? (values as RightOperandValue[]) : first, pointers: items.map((item) => item.pointer) };
}

function parseRightValue(reader: JsonLdReader, value: unknown, pointer: string): RightOperandValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return { value };
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  if (isRecord(value)) {
    const literal = value['@value'];
    const type = value['@type'];
    if (typeof literal === 'string' || typeof literal === 'number' || typeof literal === 'boolean') {
      return typeof type === 'string' ? { value: literal, datatype: type } : { value: literal };
    }
    if (typeof value['@id'] === 'string') return { value: value['@id'], reference: true };
  }
  return reader.problem(pointer, 'A right operand value is a string, number, boolean, { "@value" } or { "@id" }');
}

function checkTypes(reader: JsonLdReader, c: AtomicConstraint, pointer: string, opPointer: string, rightPointer: string, rightPointers: string[]): boolean {
  const values = Array.isArray(c.rightOperand) ? c.rightOperand : [c.rightOperand];
  if (singleValueOperators.includes(c.operator) && values.length !== 1) {
    return !reader.problem(rightPointer, `${c.operator} compares with exactly one value (got ${values.length})`);
  }
  const def = leftOperand(c.leftOperand);
  if (!def) return true;
  if (!allowedOperators(def).includes(c.operator)) {
    return !reader.problem(opPointer, `${c.operator} does not apply to ${c.leftOperand} (${def.cardinality === 'set' ? 'a set of ' : ''}${def.valueType})`);
  }
  if (c.leftOperand === 'tds:credentialClaim' && !c.claim) return !reader.problem(joinPointer(pointer, 'tds:claim'), 'tds:credentialClaim needs tds:claim, the name of the claim');
  let ok = true;
  values.forEach((v, i) => {
    if (coerce(def.valueType, v) !== undefined) return;
    ok = false;
    reader.problem(rightPointers[i] ?? rightPointer, `${c.leftOperand} expects ${expectedOf[def.valueType]}`);
  });
  return ok;
}
