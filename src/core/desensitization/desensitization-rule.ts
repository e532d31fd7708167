import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Desensitization rules (脱敏规则): one per field of a data dictionary, saying what a value of
 * that field becomes before it leaves the provider's domain. The rules hold no key material:
 * the hashing and tokenization keys are derived where the rule is applied.
 */

export const desensitizationMethods = ['mask', 'generalize', 'hash', 'tokenize', 'suppress', 'noise'] as const;
export type DesensitizationMethod = (typeof desensitizationMethods)[number];
export const maskFormats = ['id-number', 'phone', 'name', 'address', 'bank-card', 'email', 'generic'] as const;
export type MaskFormat = (typeof maskFormats)[number];
export const generalizeTargets = ['year', 'month', 'age-band', 'number-band', 'region-city', 'region-province'] as const;
export type GeneralizeTarget = (typeof generalizeTargets)[number];
export const keyedHashAlgorithms = ['hmac-sm3', 'hmac-sha256'] as const;
export type KeyedHashAlgorithm = (typeof keyedHashAlgorithms)[number];
export const noiseMechanisms = ['laplace', 'gaussian'] as const;
export type NoiseMechanism = (typeof noiseMechanisms)[number];

/**
 * Masking (掩码) keeps some characters and stars the rest. Defaults per format: `id-number`
 * keeps the first 6 and last 4, `phone` 3 and 4, `bank-card` the last 4, `generic` nothing,
 * `name` the surname (compound surnames included), `email` the first character of the local
 * part and the domain, `address` the administrative part up to the district or county. A value
 * no longer than what would be kept is starred whole.
 */
export interface MaskRule {
  method: 'mask';
  format: MaskFormat;
  /** Characters kept at the start (for `name`, instead of the surname; for `email`, of the local part). */
  keepStart?: number;
  /** Characters kept at the end; not for `email` or `address`. */
  keepEnd?: number;
}

/**
 * Generalization (泛化): dates to `year` or `month`, ages to bands of `width` years (10 by
 * default: `30-39`), numbers to the lower bound of a band of `width` (10 by default), GB/T 2260
 * region codes to their city or province. A value that does not read as its kind becomes null.
 */
export interface GeneralizeRule {
  method: 'generalize';
  to: GeneralizeTarget;
  /** Band width, for `age-band` (whole years, ≤ 150) and `number-band` (> 0, ≤ 10^12, ≤ 6 decimals). */
  width?: number;
}

/** A keyed hash with the provider's key: the same output in every agreement, so releases join. */
export interface HashRule {
  method: 'hash';
  algorithm: KeyedHashAlgorithm;
}

/** A token (`T` + 20 base32 characters) under a per-agreement key: no join across agreements. */
export interface TokenizeRule {
  method: 'tokenize';
}

/** The value is withheld: null. */
export interface SuppressRule {
  method: 'suppress';
}

/** Numbers only: random noise of the given scale (Laplace b, Gaussian σ) is added. */
export interface NoiseRule {
  method: 'noise';
  mechanism: NoiseMechanism;
  scale: number;
}

export type DesensitizationRule = MaskRule | GeneralizeRule | HashRule | TokenizeRule | SuppressRule | NoiseRule;

const oneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum([...values]));
const rule = (properties: Parameters<typeof Type.Object>[0]) => Type.Object(properties, { additionalProperties: false });
const Keep = Type.Optional(Type.Integer({ minimum: 0, maximum: 64 }));

// One schema per method (generalize split by target), so a failure is reported against the
// shape the rule was meant to have rather than against every member of the union.
const branches = {
  mask: rule({ method: Type.Literal('mask'), format: oneOf(maskFormats), keepStart: Keep, keepEnd: Keep }),
  generalize: rule({ method: Type.Literal('generalize'), to: oneOf(['year', 'month', 'region-city', 'region-province'] as const) }),
  'age-band': rule({ method: Type.Literal('generalize'), to: Type.Literal('age-band'), width: Type.Optional(Type.Integer({ minimum: 1, maximum: 150 })) }),
  'number-band': rule({ method: Type.Literal('generalize'), to: Type.Literal('number-band'), width: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12 })) }),
  hash: rule({ method: Type.Literal('hash'), algorithm: oneOf(keyedHashAlgorithms) }),
  tokenize: rule({ method: Type.Literal('tokenize') }),
  suppress: rule({ method: Type.Literal('suppress') }),
  noise: rule({ method: Type.Literal('noise'), mechanism: oneOf(noiseMechanisms), scale: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }) }),
} satisfies Record<string, TSchema>;

/** The API shape of a rule (the connector's dictionary editor); {@link validateDesensitizationRule} checks the rest. */
export const DesensitizationRuleSchema = Type.Unsafe<DesensitizationRule>(
  Type.Union(Object.values(branches), { description: 'Desensitization rule (脱敏规则): mask, generalize, hash, tokenize, suppress or noise' }),
);

export interface RuleProblem {
  /** JSON Pointer into the rule. */
  pointer: string;
  message: string;
}

export type RuleValidation = { ok: true; value: DesensitizationRule } | { ok: false; problems: RuleProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Decimal places of a number written the shortest way (`0.25` → 2, `1e-7` → 7). */
export function decimalPlaces(n: number): number {
  const [mantissa = '', exponent = '0'] = String(n).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

function branchOf(input: Record<string, unknown>): TSchema | undefined {
  if (input.method === 'generalize' && (input.to === 'age-band' || input.to === 'number-band')) return branches[input.to];
  return (desensitizationMethods as readonly unknown[]).includes(input.method) ? branches[input.method as DesensitizationMethod] : undefined;
}

/** Checks a rule from outside (an API body, an imported dictionary): its shape, then what the shape cannot say. */
export function validateDesensitizationRule(input: unknown): RuleValidation {
  if (!isRecord(input)) return { ok: false, problems: [{ pointer: '', message: 'a desensitization rule is an object' }] };
  const schema = branchOf(input);
  if (!schema) return { ok: false, problems: [{ pointer: '/method', message: `method must be one of ${desensitizationMethods.join(', ')}` }] };
  const problems: RuleProblem[] = [...Value.Errors(schema, input)].map((e) => ({ pointer: e.instancePath, message: e.message ?? 'is not valid' }));
  if (problems.length === 0) {
    if (input.method === 'generalize' && input.to === 'number-band' && typeof input.width === 'number' && decimalPlaces(input.width) > 6) {
      problems.push({ pointer: '/width', message: 'a number band width has at most 6 decimal places' });
    }
    if (input.method === 'mask' && input.format === 'address') {
      for (const member of ['keepStart', 'keepEnd']) if (member in input) problems.push({ pointer: `/${member}`, message: 'an address mask keeps its administrative part, not a count' });
    }
    if (input.method === 'mask' && input.format === 'email' && 'keepEnd' in input) problems.push({ pointer: '/keepEnd', message: 'an email mask keeps the domain' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: input as unknown as DesensitizationRule };
}

/** The rule, checked; throws RangeError naming the first problem. For code about to apply a rule. */
export function assertDesensitizationRule(input: unknown): DesensitizationRule {
  const result = validateDesensitizationRule(input);
  if (!result.ok) throw new RangeError(`invalid desensitization rule at ${result.problems[0]!.pointer || '/'}: ${result.problems[0]!.message}`);
  return result.value;
}
