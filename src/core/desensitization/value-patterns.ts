import { compoundSurnames } from '../metadata/pii-detection.js';
import type { MaskFormat } from './desensitization-rule.js';

/**
 * What the rules recognise in a value, written once for both sides: TypeScript runs these
 * patterns with the `u` flag, DuckDB with RE2 (`regexp_extract`). Both pick the leftmost match
 * and prefer alternatives and repetitions in the same order (RE2 follows Perl's submatch rules),
 * so only the syntax both share is used here: classes, `{m,n}`, `(?:)`, `|`, `^`, `$`. No `\d`,
 * `\s`, `\p{…}` or back references: RE2 and JavaScript read those differently or not at all.
 */

/** Characters an administrative name may hold: none that ends a level or starts a street. */
const NAME = '[^省市区县旗盟路街道巷弄号村镇乡楼栋幢室0-9]';
const PROVINCE = `(?:${NAME}{1,7}省|${NAME}{1,10}自治区)`;
const CITY = `(?:${NAME}{1,10}(?:市|自治州|地区|盟))`;
/** 区, 县, 县级市, 旗 (and 自治县, 林区, 新区, which end the same way). */
const COUNTY = `(?:${NAME}{1,10}(?:区|县|市|旗))`;

/**
 * Group 1: the administrative head of a Chinese address, down to the district or county when
 * there is one (`河南省郑州市金水区`, `北京市朝阳区`, `河南省郑州市新郑市`), else the city or
 * province. Matches nothing when the address starts otherwise.
 */
export const ADDRESS_HEAD = `^(${PROVINCE}?${CITY}?${COUNTY}|${PROVINCE}?${CITY}|${PROVINCE})`;

/** Group 1 the local part, group 2 `@` and the domain after the last `@`. */
export const EMAIL = '^((?:[^@]|@)*)(@[^@]*)$';

/**
 * Group 1 the year; the month is group 2 (`2024-03`, `2024/3/15`, `2024-03-15 08:00:00`), 3
 * (`202403`, `20240315`) or 4 (`2024年3月15日`). A bare `2024` has no month.
 */
export const DATE = '^([0-9]{4})(?:[-/.]([0-9]{1,2})(?:[-/.][0-9]{1,2}(?:[T ][0-9:.+Z-]*)?)?|([0-9]{2})(?:[0-9]{2})?|年(?:([0-9]{1,2})月(?:[0-9]{1,2}日)?)?)?$';

/** Group 1 the whole years of an age (`34`, `34.5`, `34岁`). */
export const AGE = '^([0-9]{1,3})(?:[.][0-9]+)?岁?$';

/** Group 1 the sign, 2 the integer digits, 3 the decimals: plain decimals, at most 12 + 12 digits. */
export const DECIMAL = '^(-?)([0-9]{1,12})(?:[.]([0-9]{1,12}))?$';

/** Group 1 the province digits, 2 the city digits of a GB/T 2260 code (6 digits, or 9 or 12 with the township). */
export const REGION_CODE = '^([1-8][0-9])([0-9]{2})[0-9]{2}(?:[0-9]{3}|[0-9]{6})?$';

export const MASK_CHARACTER = '*';
/** What replaces the masked part of an email's local part or of an address, whatever its length. */
export const MASKED_TAIL = '***';

/** Characters kept at the start and end when a rule does not say. */
export const maskDefaults: Readonly<Record<Exclude<MaskFormat, 'name' | 'email' | 'address'>, { keepStart: number; keepEnd: number }>> = {
  'id-number': { keepStart: 6, keepEnd: 4 },
  phone: { keepStart: 3, keepEnd: 4 },
  'bank-card': { keepStart: 0, keepEnd: 4 },
  generic: { keepStart: 0, keepEnd: 0 },
};

/** Two-character surnames kept whole when a name is longer than the surname. */
export { compoundSurnames };

/** Default widths of age and number bands. */
export const DEFAULT_BAND_WIDTH = 10;
/** Ages above this are not ages: they generalize to null. */
export const MAX_AGE = 150;

const cache = new Map<string, RegExp>();
/** The pattern as a JavaScript RegExp (Unicode mode, so a character is a code point as in DuckDB). */
export function regex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) cache.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}
