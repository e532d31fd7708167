import { desensitizeValue, type DesensitizationKeys, type DesensitizationRule } from '../../core/desensitization/index.js';
import type { DictionaryField } from '../../core/metadata/data-dictionary.js';

/** Rules whose output is a number when the input was one (kept a number in JSON). */
const numericOutput = (rule: DesensitizationRule): boolean => rule.method === 'noise' || (rule.method === 'generalize' && rule.to === 'number-band');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The data dictionary's desensitization rules (脱敏) applied to delivered records, field by field,
 * with core's `desensitizeValue`: the same text a sandbox view gives for every deterministic rule.
 * Fields without a rule pass untouched. A value is ruled on as the text a CSV cell would hold
 * (numbers and booleans as written, objects and arrays as JSON), so no value of a ruled field
 * leaves as it was, whatever its type.
 */
export class RecordDesensitizer {
  private constructor(
    private readonly rules: ReadonlyMap<string, DesensitizationRule>,
    private readonly keys: DesensitizationKeys,
    private readonly random: () => number,
  ) {}

  /** Undefined when no field has a rule: the data is delivered as it is. */
  static forFields(fields: readonly DictionaryField[] | undefined, keys: DesensitizationKeys, random: () => number): RecordDesensitizer | undefined {
    const rules = new Map<string, DesensitizationRule>();
    for (const field of fields ?? []) if (field.desensitization) rules.set(field.name, field.desensitization);
    return rules.size ? new RecordDesensitizer(rules, keys, random) : undefined;
  }

  /** For CSV records under `header`: rewrites one record's fields (a new array); a suppressed or unreadable value becomes an empty field. */
  csvColumns(header: readonly string[]): (fields: readonly string[]) => string[] {
    const rules = header.map((name) => this.rules.get(name));
    return (fields) => fields.map((value, i) => {
      const rule = rules[i];
      return rule ? (desensitizeValue(rule, value, this.keys, this.random) ?? '') : value;
    });
  }

  /** A copy of `row` with its ruled members rewritten; null stays null, absent members stay absent. */
  object(row: Record<string, unknown>): Record<string, unknown> {
    const copy = { ...row };
    for (const [name, rule] of this.rules) {
      if (Object.hasOwn(copy, name)) copy[name] = this.value(rule, copy[name]);
    }
    return copy;
  }

  /**
   * One line of a JSON Lines file (without its line break): the object written back with its
   * ruled members rewritten; a blank line, or an object with no ruled member, as it was.
   * Throws Error (naming the line, never its content) when the line is not a JSON object.
   */
  jsonLine(text: string, number: number): string {
    if (text.trim() === '') return text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The parser's message quotes the line, which may hold the very values being protected.
      throw new Error(`line ${number} is not JSON`);
    }
    if (!isObject(value)) throw new Error(`line ${number} is not a JSON object`);
    for (const name of this.rules.keys()) if (Object.hasOwn(value, name)) return JSON.stringify(this.object(value));
    return text;
  }

  private value(rule: DesensitizationRule, value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    const result = desensitizeValue(rule, text, this.keys, this.random);
    if (typeof value === 'number' && result !== null && numericOutput(rule)) {
      const number = Number(result);
      if (Number.isFinite(number)) return number;
    }
    return result;
  }
}
