import { regionAncestry } from '../catalog/catalog-visibility.js';
import { industrySectionOfDivision } from '../identity-codes/industry-code.js';
import { compareLevels, type Classification } from '../metadata/classification.js';
import { addDuration, formatElapsed, parseDuration, type Duration } from './iso-duration.js';
import type { RightOperandValue } from './odrl-policy.js';
import { compareInstant, parseDateValue, type DateValue } from './xsd-date-time.js';

/**
 * The value types of left operands, so comparison is typed: numbers compare as numbers, dates as
 * instants, durations from the instant they run from, regions (GB/T 2260, and `CN` above them)
 * and industries (GB/T 4754: `J66` is part of `J`) by containment, classification levels
 * (GB/T 43697) by rank (general-1 < … < general-4 < important < core).
 */
export const valueTypes = ['dateTime', 'duration', 'number', 'string', 'region', 'industry', 'classification'] as const;
export type ValueType = (typeof valueTypes)[number];

/** An elapsed period, `from` (the agreement's signing) `to` now: compared to a duration by `from + duration`. */
export interface Elapsed {
  from: Date;
  to: Date;
}

/** What a left operand resolves to in a context: one value, or a set of strings. */
export type ScalarValue = Date | Elapsed | number | string;
export type ResolvedValue = ScalarValue | readonly string[];

/** A right operand value read as its left operand's type. */
export type TypedValue = DateValue | Duration | number | string;

export const orderedTypes: readonly ValueType[] = ['dateTime', 'duration', 'number', 'classification'];
export const hierarchicalTypes: readonly ValueType[] = ['region', 'industry', 'classification'];

const classificationPattern = /^(core|important|general|general-[1-4])$/;

/** The right operand as `type`, or undefined when it cannot be one (`P3X` as a duration). */
export function coerce(type: ValueType, operand: RightOperandValue): TypedValue | undefined {
  const { value } = operand;
  switch (type) {
    case 'dateTime':
      return typeof value === 'string' ? parseDateValue(value) : undefined;
    case 'duration':
      return typeof value === 'string' ? parseDuration(value) : undefined;
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'classification':
      return typeof value === 'string' && classificationPattern.test(value) ? value : undefined;
    default:
      return typeof value === 'boolean' ? undefined : String(value);
  }
}

const classificationOf = (code: string): Classification =>
  code === 'core' || code === 'important' ? { level: code } : { level: 'general', grade: Number(code.slice(8) || 1) as 1 | 2 | 3 | 4 };

/** Sign of `actual - right` for ordered types; undefined when the two cannot be compared. */
export function compareTyped(type: ValueType, actual: ScalarValue, right: TypedValue): number | undefined {
  if (type === 'dateTime' && actual instanceof Date && typeof right === 'object' && 'kind' in right) return compareInstant(actual, right);
  if (type === 'duration' && typeof actual === 'object' && 'from' in actual && typeof right === 'object' && 'years' in right) {
    return Math.sign(actual.to.getTime() - addDuration(actual.from, right).getTime());
  }
  if (type === 'number' && typeof actual === 'number' && typeof right === 'number') return Math.sign(actual - right);
  if (type === 'classification' && typeof actual === 'string' && typeof right === 'string') {
    if (actual === 'general' || right === 'general') return undefined;
    return Math.sign(compareLevels(classificationOf(actual), classificationOf(right)));
  }
  return undefined;
}

export function equalTyped(type: ValueType, actual: ScalarValue, right: TypedValue): boolean {
  if (orderedTypes.includes(type) && type !== 'classification') return compareTyped(type, actual, right) === 0;
  return actual === right;
}

const withDivisionSection = (code: string): string => {
  if (!/^\d{2}/.test(code)) return code;
  const section = industrySectionOfDivision(Number(code.slice(0, 2)));
  return section ? `${section.section}${code}` : code;
};

/** `a` is `b` or lies within it: 410105 within 410000 and CN; J66 within J; general-3 within general. */
export function within(type: ValueType, a: string, b: string): boolean {
  if (a === b) return true;
  switch (type) {
    case 'region':
      return regionAncestry(a).includes(b) || (b === 'CN' && /^\d{6}$/.test(a));
    case 'industry': {
      const [x, y] = [withDivisionSection(a.toUpperCase()), withDivisionSection(b.toUpperCase())];
      return x.startsWith(y);
    }
    case 'classification':
      return b === 'general' && a.startsWith('general-');
    default:
      return false;
  }
}

/** A resolved value as an explanation shows it: ISO instants, elapsed time as a duration. */
export function displayValue(value: ResolvedValue): string | number | string[] {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (typeof value === 'object' && 'from' in value) return formatElapsed(value.to.getTime() - value.from.getTime());
  return value as string | number;
}
