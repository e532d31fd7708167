import { orderOperators, type Operator } from './odrl-policy.js';
import { compareTyped, equalTyped, hierarchicalTypes, orderedTypes, within, type ResolvedValue, type ScalarValue, type TypedValue, type ValueType } from './typed-values.js';

/**
 * What each ODRL operator means for a typed value. For one value `a` and right operand values R:
 *   eq / neq / lt / lteq / gt / gteq  compare `a` with the single value of R (ordered types only for the last four);
 *   isA, isPartOf                     `a` is, or lies within, some value of R (containment for regions, industries, classification levels);
 *   hasPart                           every value of R lies within `a`;
 *   isAnyOf / isAllOf / isNoneOf      `a` equals some / every / no value of R.
 * For a set A (roles, industries, fields, a party's identifiers):
 *   eq r / neq r                      A contains / does not contain r ("role eq consumer");
 *   isA r                             some element is, or lies within, r;
 *   isPartOf R                        every element lies within some value of R (the fields asked for ⊆ the fields allowed);
 *   hasPart R                         every value of R lies within some element;
 *   isAnyOf / isAllOf / isNoneOf      A meets R / contains all of R / is disjoint from R.
 */
export interface OperandShape {
  valueType: ValueType;
  cardinality: 'one' | 'set';
}

const stringLike: readonly Operator[] = ['eq', 'neq', 'isA', 'isPartOf', 'hasPart', 'isAnyOf', 'isAllOf', 'isNoneOf'];

/** The operators a left operand of this shape accepts; the parser refuses the others. */
export function allowedOperators(shape: OperandShape): readonly Operator[] {
  const { valueType, cardinality } = shape;
  if (cardinality === 'set') return stringLike;
  if (valueType === 'classification') return [...stringLike, ...orderOperators];
  if (orderedTypes.includes(valueType)) return ['eq', 'neq', ...orderOperators, 'isAnyOf', 'isNoneOf'];
  return stringLike;
}

function scalar(op: Operator, type: ValueType, a: ScalarValue, rights: readonly TypedValue[]): boolean | undefined {
  const eq = (r: TypedValue) => equalTyped(type, a, r);
  const inside = (r: TypedValue) => (hierarchicalTypes.includes(type) ? within(type, String(a), String(r)) : eq(r));
  const [first] = rights;
  if (first === undefined) return undefined;
  if (orderOperators.includes(op)) {
    const sign = compareTyped(type, a, first);
    if (sign === undefined) return undefined;
    return op === 'lt' ? sign < 0 : op === 'lteq' ? sign <= 0 : op === 'gt' ? sign > 0 : sign >= 0;
  }
  switch (op) {
    case 'eq':
      return eq(first);
    case 'neq':
      return !eq(first);
    case 'isA':
    case 'isPartOf':
      return rights.some(inside);
    case 'hasPart':
      return hierarchicalTypes.includes(type) ? rights.every((r) => within(type, String(r), String(a))) : rights.every(eq);
    case 'isAnyOf':
      return rights.some(eq);
    case 'isAllOf':
      return rights.every(eq);
    case 'isNoneOf':
      return !rights.some(eq);
    default:
      return undefined;
  }
}

function set(op: Operator, type: ValueType, values: readonly string[], rights: readonly TypedValue[]): boolean | undefined {
  const rs = rights.map(String);
  const inside = (a: string, b: string) => (hierarchicalTypes.includes(type) ? within(type, a, b) : a === b);
  const [first] = rs;
  if (first === undefined) return undefined;
  switch (op) {
    case 'eq':
      return values.includes(first);
    case 'neq':
      return !values.includes(first);
    case 'isA':
      return values.some((a) => inside(a, first));
    case 'isPartOf':
      return values.every((a) => rs.some((r) => inside(a, r)));
    case 'hasPart':
      return rs.every((r) => values.some((a) => inside(r, a)));
    case 'isAnyOf':
      return values.some((a) => rs.includes(a));
    case 'isAllOf':
      return rs.every((r) => values.includes(r));
    case 'isNoneOf':
      return !values.some((a) => rs.includes(a));
    default:
      return undefined;
  }
}

/** Whether `actual op rights` holds; undefined when the values cannot be compared (a type mismatch). */
export function applyOperator(op: Operator, shape: OperandShape, actual: ResolvedValue, rights: readonly TypedValue[]): boolean | undefined {
  if (shape.cardinality === 'set') return Array.isArray(actual) ? set(op, shape.valueType, actual as readonly string[], rights) : undefined;
  if (Array.isArray(actual)) return undefined;
  return scalar(op, shape.valueType, actual as ScalarValue, rights);
}
