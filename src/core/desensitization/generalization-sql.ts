import type { GeneralizeRule } from './desensitization-rule.js';
import { bandStep } from './generalize-value.js';
import { AGE, DATE, DECIMAL, DEFAULT_BAND_WIDTH, MAX_AGE, REGION_CODE } from './value-patterns.js';

/**
 * Generalization in DuckDB SQL, the same as `generalize-value.ts` value for value. `s` is a
 * VARCHAR expression, neither null nor empty where this is evaluated. Every literal written here
 * comes from a checked rule or from the patterns, never from a value.
 */

/** A single-quoted SQL string literal, quotes doubled. */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** An integer literal; throws on anything else, so no other text reaches the SQL. */
export function sqlInteger(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

/** Group `n` of the pattern's match, or '' when there is none (RE2 `regexp_extract`). */
export const extract = (s: string, pattern: string, group: number): string => `regexp_extract(${s}, ${sqlString(pattern)}, ${sqlInteger(group)})`;
export const matches = (s: string, pattern: string): string => `regexp_matches(${s}, ${sqlString(pattern)})`;

export function generalizationSql(rule: GeneralizeRule, s: string): string {
  switch (rule.to) {
    case 'year':
    case 'month':
      return dateSql(s, rule.to);
    case 'age-band':
      return ageBandSql(s, rule.width ?? DEFAULT_BAND_WIDTH);
    case 'number-band':
      return numberBandSql(s, rule.width ?? DEFAULT_BAND_WIDTH);
    case 'region-city':
      return `CASE WHEN ${matches(s, REGION_CODE)} THEN ${extract(s, REGION_CODE, 1)} || ${extract(s, REGION_CODE, 2)} || '00' END`;
    case 'region-province':
      return `CASE WHEN ${matches(s, REGION_CODE)} THEN ${extract(s, REGION_CODE, 1)} || '0000' END`;
  }
}

function dateSql(s: string, to: 'year' | 'month'): string {
  const year = extract(s, DATE, 1);
  // At most one of the three month groups matched; the others are ''.
  const month = `concat(${extract(s, DATE, 2)}, ${extract(s, DATE, 3)}, ${extract(s, DATE, 4)})`;
  const mm = `TRY_CAST(${month} AS INTEGER)`;
  const result = to === 'year' ? year : `${year} || '-' || lpad(CAST(${mm} AS VARCHAR), 2, '0')`;
  return `CASE WHEN NOT ${matches(s, DATE)} THEN NULL WHEN ${month} = '' THEN ${year} WHEN ${mm} BETWEEN 1 AND 12 THEN ${result} END`;
}

function ageBandSql(s: string, width: number): string {
  const age = `TRY_CAST(${extract(s, AGE, 1)} AS INTEGER)`;
  const low = `((${age} // ${sqlInteger(width)}) * ${sqlInteger(width)})`;
  return `CASE WHEN ${matches(s, AGE)} AND ${age} <= ${sqlInteger(MAX_AGE)} THEN CAST(${low} AS VARCHAR) || '-' || CAST(${low} + ${sqlInteger(width - 1)} AS VARCHAR) END`;
}

/** Scaled integers as in `numberBand`: BIGINT holds 10^12 × 10^6. DuckDB's `%` keeps the dividend's sign, as BigInt's does. */
function numberBandSql(s: string, width: number): string {
  const { places, scale, step } = bandStep(width);
  const [sign, whole, decimals] = [1, 2, 3].map((g) => extract(s, DECIMAL, g)) as [string, string, string];
  const magnitude = places
    ? `(TRY_CAST(${whole} AS BIGINT) * ${sqlInteger(scale)} + TRY_CAST(left(rpad(${decimals}, ${sqlInteger(places)}, '0'), ${sqlInteger(places)}) AS BIGINT))`
    : `TRY_CAST(${whole} AS BIGINT)`;
  const below = `(CASE WHEN regexp_matches(substr(${decimals}, ${sqlInteger(places + 1)}), '[1-9]') THEN 1 ELSE 0 END)`;
  const scaled = `(CASE WHEN ${sign} = '-' THEN -${magnitude} - ${below} ELSE ${magnitude} END)`;
  const st = sqlInteger(step);
  const low = `(${scaled} - (((${scaled} % ${st}) + ${st}) % ${st}))`;
  const text = places
    ? `(CASE WHEN ${low} < 0 THEN '-' ELSE '' END) || CAST(abs(${low}) // ${sqlInteger(scale)} AS VARCHAR) || '.' || lpad(CAST(abs(${low}) % ${sqlInteger(scale)} AS VARCHAR), ${sqlInteger(places)}, '0')`
    : `CAST(${low} AS VARCHAR)`;
  return `CASE WHEN ${matches(s, DECIMAL)} THEN ${text} END`;
}
