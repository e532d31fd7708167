import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { assertDesensitizationRule, type DesensitizationRule, type MaskRule, type NoiseRule } from './desensitization-rule.js';
import { keyOf, type DesensitizationKeys } from './desensitize-value.js';
import { extract, generalizationSql, matches, sqlInteger, sqlString } from './generalization-sql.js';
import { ADDRESS_HEAD, compoundSurnames, DECIMAL, EMAIL, MASK_CHARACTER, MASKED_TAIL, maskDefaults } from './value-patterns.js';

/**
 * A rule as a DuckDB SQL expression, for the sandbox's views: the same text as
 * `desensitizeValue` gives for every deterministic rule (a test runs both over generated data).
 */

/**
 * The scalar function the sandbox engine registers for HMAC-SM3, which DuckDB lacks:
 * `tds_hmac_sm3(value VARCHAR, key_hex VARCHAR) → VARCHAR`, implemented with core/crypto
 * `hmacSm3Hex` (null in, null out).
 */
export const hmacSm3Function = 'tds_hmac_sm3';

const BASE36_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The expression giving `column`'s value after `rule`, as VARCHAR: null and '' stay as they are,
 * like `desensitizeValue`. `column` must already be a safe SQL expression (a quoted identifier);
 * the rule is checked here and throws RangeError when invalid, as do keys under 16 bytes. The
 * keys are written into the SQL (HMAC pads, or the hex key for `tds_hmac_sm3`): treat the text
 * as secret, never log it. Values are read as text (`CAST(column AS VARCHAR)`), so the outputs
 * agree with `desensitizeValue` when the column holds the cell text (DuckDB's DATE and number
 * casts mostly write the same, `12.0` for a DOUBLE 12 excepted).
 */
export function desensitizationSql(rule: DesensitizationRule, column: string, keys: DesensitizationKeys): string {
  const checked = assertDesensitizationRule(rule);
  const s = `CAST(${column} AS VARCHAR)`;
  return `(CASE WHEN ${s} IS NULL OR ${s} = '' THEN ${s} ELSE ${bodySql(checked, s, keys)} END)`;
}

function bodySql(rule: DesensitizationRule, s: string, keys: DesensitizationKeys): string {
  switch (rule.method) {
    case 'mask':
      return maskSql(rule, s);
    case 'generalize':
      return generalizationSql(rule, s);
    case 'hash':
      return rule.algorithm === 'hmac-sm3' ? `${hmacSm3Function}(${s}, ${sqlString(hexOf(keyOf(keys.hashKey, 'hash')))})` : hmacSha256Sql(keyOf(keys.hashKey, 'hash'), s);
    case 'tokenize':
      return tokenSql(hmacSha256Sql(keyOf(keys.tokenKey, 'token'), s));
    case 'suppress':
      return 'CAST(NULL AS VARCHAR)';
    case 'noise':
      return noiseSql(rule, s);
  }
}

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
/** `'\x36\x37…'::BLOB`: DuckDB reads `\xHH` in a string cast to BLOB as one byte. */
const blobLiteral = (bytes: Uint8Array) => `'${Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}'::BLOB`;

/**
 * HMAC-SHA256 (RFC 2104) inside DuckDB: SHA-256(K ⊕ opad ‖ SHA-256(K ⊕ ipad ‖ value)), with the
 * padded key blocks as literals; `encode` gives the value's UTF-8 bytes (a cast to BLOB would
 * read backslashes in the value as escapes). Lower-case hex, as `hmacSha256Hex`.
 */
export function hmacSha256Sql(key: Uint8Array, s: string): string {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? hashAlgorithm('sha256').digest(key) : key);
  const pad = (byte: number) => blobLiteral(block.map((b) => b ^ byte));
  return `sha256(${pad(0x5c)} || unhex(sha256(${pad(0x36)} || encode(${s}))))`;
}

/** `T` and the first 100 bits (25 hex digits) in base32: 60 bits then 40, each within a BIGINT. */
function tokenSql(hmacHex: string): string {
  const part = (from: number, hexDigits: number) => `to_base(CAST('0x' || substr(${hmacHex}, ${from}, ${hexDigits}) AS BIGINT), 32, ${(hexDigits * 4) / 5})`;
  // 12 + 8 = TOKEN_LENGTH characters.
  const digits = `${part(1, 15)} || ${part(16, 10)}`;
  return `'T' || translate(${digits}, ${sqlString(BASE36_DIGITS)}, ${sqlString(BASE32_ALPHABET)})`;
}

const stars = (count: string) => `repeat(${sqlString(MASK_CHARACTER)}, ${count})`;

/** As `keepEnds`: `start` and `end` are SQL integer expressions. */
function keepEndsSql(s: string, start: string, end: string): string {
  const length = `length(${s})`;
  return `CASE WHEN ${length} > ${start} + ${end} THEN left(${s}, ${start}) || ${stars(`${length} - ${start} - ${end}`)} || right(${s}, ${end}) ELSE ${stars(length)} END`;
}

function maskSql(rule: MaskRule, s: string): string {
  const keep = (n: number | undefined, fallback: string) => (n === undefined ? fallback : sqlInteger(n));
  switch (rule.format) {
    case 'name': {
      const surname = `(CASE WHEN length(${s}) > 2 AND left(${s}, 2) IN (${compoundSurnames.map(sqlString).join(', ')}) THEN 2 ELSE 1 END)`;
      return keepEndsSql(s, keep(rule.keepStart, surname), keep(rule.keepEnd, '0'));
    }
    case 'email': {
      const local = extract(s, EMAIL, 1);
      const ks = keep(rule.keepStart, '1');
      const head = `(CASE WHEN length(${local}) > ${ks} THEN left(${local}, ${ks}) ELSE '' END)`;
      return `CASE WHEN ${matches(s, EMAIL)} THEN ${head} || ${sqlString(MASKED_TAIL)} || ${extract(s, EMAIL, 2)} ELSE ${stars(`length(${s})`)} END`;
    }
    case 'address':
      return `${extract(s, ADDRESS_HEAD, 1)} || ${sqlString(MASKED_TAIL)}`;
    default: {
      const defaults = maskDefaults[rule.format];
      return keepEndsSql(s, keep(rule.keepStart, sqlInteger(defaults.keepStart)), keep(rule.keepEnd, sqlInteger(defaults.keepEnd)));
    }
  }
}

/** A DOUBLE literal from a checked finite number (its shortest text reads back as the same double). */
function sqlDouble(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return `CAST(${sqlString(String(n))} AS DOUBLE)`;
}

/**
 * Noise from DuckDB's `random()` (uniform on [0, 1), drawn anew at each call and row), as
 * `desensitizeValue` draws it: Laplace as the difference of two exponentials, Gaussian by
 * Box–Muller; rounded to the value's decimals.
 */
function noiseSql(rule: NoiseRule, s: string): string {
  const exp = '(-ln(1 - random()))';
  const noise = rule.mechanism === 'laplace' ? `(${exp} - ${exp})` : `(sqrt(2 * ${exp}) * cos(2 * pi() * random()))`;
  const noisy = `(CAST(${s} AS DOUBLE) + ${sqlDouble(rule.scale)} * ${noise})`;
  const decimals = extract(s, DECIMAL, 3);
  const rounded = `CASE WHEN ${decimals} = '' THEN CAST(CAST(round(${noisy}) AS BIGINT) AS VARCHAR) ELSE CAST(round(${noisy}, CAST(length(${decimals}) AS INTEGER)) AS VARCHAR) END`;
  return `CASE WHEN ${matches(s, DECIMAL)} THEN ${rounded} END`;
}
