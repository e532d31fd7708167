import { base32Encode } from '../crypto/base32.js';
import { hmacSha256Hex, hmacSm3Hex } from '../crypto/keyed-hash.js';
import { assertDesensitizationRule, type DesensitizationRule, type MaskRule, type NoiseRule } from './desensitization-rule.js';
import { generalizeValue } from './generalize-value.js';
import { ADDRESS_HEAD, compoundSurnames, DECIMAL, EMAIL, MASK_CHARACTER, MASKED_TAIL, maskDefaults, regex } from './value-patterns.js';

/** Keys derived for one release (core/crypto `deriveKey`): hashing per provider, tokens per agreement. */
export interface DesensitizationKeys {
  hashKey: Uint8Array;
  tokenKey: Uint8Array;
}

/** Length of a token after its `T`: 100 bits of HMAC-SHA256 in base32. */
export const TOKEN_LENGTH = 20;

// Rules already checked: data-plane code applies one rule to many values.
const checked = new WeakSet<object>();

/**
 * A value, as the text of a CSV cell, after its field's rule. Null and empty text stay as they
 * are (suppress included). Deterministic for every method but `noise`, which draws from
 * `random` (uniform on [0, 1), as Math.random; a CSPRNG-backed one in production). Throws
 * RangeError on an invalid rule, or on a key shorter than 16 bytes when the rule needs it.
 */
export function desensitizeValue(rule: DesensitizationRule, value: string | null, keys: DesensitizationKeys, random: () => number): string | null {
  if (!checked.has(rule)) {
    assertDesensitizationRule(rule);
    checked.add(rule);
  }
  if (value === null || value === '') return value;
  switch (rule.method) {
    case 'mask':
      return mask(rule, value);
    case 'generalize':
      return generalizeValue(rule, value);
    case 'hash':
      return rule.algorithm === 'hmac-sm3' ? hmacSm3Hex(keyOf(keys.hashKey, 'hash'), value) : hmacSha256Hex(keyOf(keys.hashKey, 'hash'), value);
    case 'tokenize':
      return tokenOf(hmacSha256Hex(keyOf(keys.tokenKey, 'token'), value));
    case 'suppress':
      return null;
    case 'noise':
      return addNoise(rule, value, random);
  }
}

/** Throws RangeError on a key too short to be a key (a derived key is 32 bytes). */
export function keyOf(key: Uint8Array, purpose: 'hash' | 'token'): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length < 16) throw new RangeError(`the ${purpose} key is at least 16 bytes`);
  return key;
}

/** `T` and the first 100 bits of an HMAC-SHA256 (hex) in RFC 4648 base32. */
export function tokenOf(hmacHex: string): string {
  // 13 bytes give 21 base32 characters, of which the first 20 are the first 100 bits.
  const bytes = Uint8Array.from({ length: 13 }, (_, i) => parseInt(hmacHex.slice(2 * i, 2 * i + 2), 16));
  return `T${base32Encode(bytes).slice(0, TOKEN_LENGTH)}`;
}

const stars = (count: number) => MASK_CHARACTER.repeat(count);

/** Keeps `start` and `end` characters (code points) and stars the rest; a value no longer than that is starred whole. */
function keepEnds(chars: readonly string[], start: number, end: number): string {
  if (chars.length <= start + end) return stars(chars.length);
  return chars.slice(0, start).join('') + stars(chars.length - start - end) + chars.slice(chars.length - end).join('');
}

/** Characters of the surname: two for a compound surname (欧阳娜娜), else one. */
export const surnameLength = (chars: readonly string[]): number => (chars.length > 2 && compoundSurnames.includes(chars.slice(0, 2).join('')) ? 2 : 1);

function mask(rule: MaskRule, value: string): string {
  const chars = Array.from(value);
  switch (rule.format) {
    case 'name':
      return keepEnds(chars, rule.keepStart ?? surnameLength(chars), rule.keepEnd ?? 0);
    case 'email': {
      const m = regex(EMAIL).exec(value);
      if (!m) return stars(chars.length);
      const local = Array.from(m[1]!);
      const keep = rule.keepStart ?? 1;
      return `${local.length > keep ? local.slice(0, keep).join('') : ''}${MASKED_TAIL}${m[2]}`;
    }
    case 'address':
      return `${regex(ADDRESS_HEAD).exec(value)?.[1] ?? ''}${MASKED_TAIL}`;
    default: {
      const defaults = maskDefaults[rule.format];
      return keepEnds(chars, rule.keepStart ?? defaults.keepStart, rule.keepEnd ?? defaults.keepEnd);
    }
  }
}

/**
 * Laplace noise as the difference of two exponentials and Gaussian noise by Box–Muller, each
 * uniform drawn once (the SQL form draws `random()` the same way). The result keeps the value's
 * number of decimals, so counts stay whole.
 */
function addNoise(rule: NoiseRule, value: string, random: () => number): string | null {
  const m = regex(DECIMAL).exec(value);
  if (!m) return null;
  const exp = () => -Math.log(1 - random());
  const noise = rule.mechanism === 'laplace' ? exp() - exp() : Math.sqrt(2 * exp()) * Math.cos(2 * Math.PI * random());
  const noisy = Number(value) + rule.scale * noise;
  const places = m[3]?.length ?? 0;
  const rounded = places === 0 ? Math.round(noisy) : Number(noisy.toFixed(places));
  return String(rounded === 0 ? 0 : rounded);
}
