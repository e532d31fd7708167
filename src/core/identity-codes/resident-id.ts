import { failure, success, type CodeResult } from './code-result.js';
import { isProvinceCode } from './region-code.js';

/**
 * Citizen identity number (公民身份号码), GB 11643-1999:
 *
 *   positions 1–6    address code (GB/T 2260) where the number was first issued
 *   positions 7–14   birth date YYYYMMDD
 *   positions 15–17  sequence; position 17 odd for men, even for women
 *   position 18      check character, ISO 7064 MOD 11-2 (X stands for 10)
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/**
 * Residence permits of Taiwan residents (台湾居民居住证) carry numbers of this form with address
 * code 830000, which GB/T 2260 does not list; Hong Kong and Macao permits use 810000 and 820000,
 * which it does.
 */
const TAIWAN_PERMIT_REGION = '830000';

/** The standard's own example (440524188001010014) is born in 1880: older dates are typos. */
export const DEFAULT_EARLIEST_BIRTH_DATE = '1800-01-01';

export type Sex = 'male' | 'female';

export interface ResidentId {
  /** Upper-case (a trailing x becomes X), as it should be stored. */
  code: string;
  regionCode: string;
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
}

export interface ResidentIdOptions {
  /** YYYY-MM-DD; earlier birth dates fail `resident-id.birth-date-too-early`. */
  earliestBirthDate?: string;
}

/**
 * The check character for the first 17 digits. Throws a RangeError when they are not 17
 * digits: this builds numbers (fixtures, demo data); input goes through `validateResidentId`.
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckCharacter needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return checkCharacters.charAt(sum % 11);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const monthDays = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (monthDays[month - 1] ?? 0);
}

/** The calendar day in China (UTC+8, no daylight saving), where the number was issued. */
function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const iso = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/**
 * Checks an 18-character identity number and reports the first rule it breaks, in reading
 * order: length, charset, region, birth date (real, not after `today`, not before the earliest
 * date), check character. `today` is a parameter so that core stays clock-free and tests can
 * pin it. The region is checked to its province only: numbers keep the address code they were
 * issued under for life, including counties and prefectures abolished since.
 */
export function validateResidentId(input: string, today: Date, options: ResidentIdOptions = {}): CodeResult<ResidentId> {
  const code = input.replace(/x$/, 'X');
  const chars = [...code];
  if (chars.length !== 18) return failure('resident-id.length', { expected: '18', actual: String(chars.length) });
  const bad = chars.findIndex((c, i) => !(i === 17 ? /^[0-9X]$/ : /^[0-9]$/).test(c));
  if (bad >= 0) return failure('resident-id.charset', { position: bad + 1, expected: bad === 17 ? '0-9, X' : '0-9', actual: chars[bad] });

  const regionCode = code.slice(0, 6);
  if (!isProvinceCode(regionCode.slice(0, 2)) && regionCode !== TAIWAN_PERMIT_REGION) {
    return failure('resident-id.region', { position: 1, actual: regionCode });
  }

  const birth = code.slice(6, 14);
  if (!isCalendarDate(birth)) return failure('resident-id.birth-date', { position: 7, actual: birth });
  const birthDate = iso(birth);
  const latest = chinaDate(today);
  if (birthDate > latest) return failure('resident-id.birth-date-future', { position: 7, expected: latest, actual: birthDate });
  const earliest = options.earliestBirthDate ?? DEFAULT_EARLIEST_BIRTH_DATE;
  if (birthDate < earliest) return failure('resident-id.birth-date-too-early', { position: 7, expected: earliest, actual: birthDate });

  const expected = residentIdCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) return failure('resident-id.check-character', { position: 18, expected, actual });
  const sex: Sex = Number(code.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return success({ code, regionCode, birthDate, sex });
}
