import { decimalPlaces, type GeneralizeRule } from './desensitization-rule.js';
import { AGE, DATE, DECIMAL, DEFAULT_BAND_WIDTH, MAX_AGE, REGION_CODE, regex } from './value-patterns.js';

/**
 * Generalization (泛化) of one non-empty value; null when the value does not read as the kind
 * the rule generalizes. `desensitization-sql.ts` computes the same in DuckDB: any change here
 * is made there too, and `test/desensitization-sql.test.ts` holds the two together.
 */
export function generalizeValue(rule: GeneralizeRule, value: string): string | null {
  switch (rule.to) {
    case 'year':
    case 'month':
      return generalizeDate(value, rule.to);
    case 'age-band':
      return ageBand(value, rule.width ?? DEFAULT_BAND_WIDTH);
    case 'number-band':
      return numberBand(value, rule.width ?? DEFAULT_BAND_WIDTH);
    case 'region-city':
    case 'region-province': {
      const m = regex(REGION_CODE).exec(value);
      if (!m) return null;
      return rule.to === 'region-city' ? `${m[1]}${m[2]}00` : `${m[1]}0000`;
    }
  }
}

function generalizeDate(value: string, to: 'year' | 'month'): string | null {
  const m = regex(DATE).exec(value);
  if (!m) return null;
  const year = m[1]!;
  const month = m[2] ?? m[3] ?? m[4];
  // A year alone is already coarser than a month.
  if (month === undefined) return year;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  return to === 'year' ? year : `${year}-${String(mm).padStart(2, '0')}`;
}

function ageBand(value: string, width: number): string | null {
  const m = regex(AGE).exec(value);
  if (!m) return null;
  const age = Number(m[1]);
  if (age > MAX_AGE) return null;
  const low = Math.floor(age / width) * width;
  return `${low}-${low + width - 1}`;
}

/**
 * The lower bound of the band of `width` the number falls in, computed on scaled integers so
 * that `0.3` with width `0.1` is in the band `0.3` (in floating point, 0.3 / 0.1 < 3). The bound
 * is written with as many decimals as the width has.
 */
export function numberBand(value: string, width: number): string | null {
  const m = regex(DECIMAL).exec(value);
  if (!m) return null;
  const [, sign, whole = '0', decimals = ''] = m;
  const { places, scale, step } = bandStep(width);
  let scaled = BigInt(whole) * scale + (places ? BigInt(decimals.padEnd(places, '0').slice(0, places)) : 0n);
  // Digits beyond the width's precision pull a negative number down to the next step.
  if (sign === '-') scaled = -scaled - (/[1-9]/.test(decimals.slice(places)) ? 1n : 0n);
  const low = scaled - (((scaled % step) + step) % step);
  return scaledText(low, scale, places);
}

/**
 * A band width as an integer step of 10^-places. The width is read from its shortest decimal
 * text (never in exponent form for a valid width), so `0.1` is exactly one tenth.
 */
export function bandStep(width: number): { places: number; scale: bigint; step: bigint } {
  const places = decimalPlaces(width);
  return { places, scale: 10n ** BigInt(places), step: BigInt(String(width).replace('.', '')) };
}

function scaledText(n: bigint, scale: bigint, places: number): string {
  if (places === 0) return String(n);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${abs / scale}.${String(abs % scale).padStart(places, '0')}`;
}
