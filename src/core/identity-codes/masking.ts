import { parsePhone } from './contact-format.js';

/**
 * Display masks (脱敏) for personal data that screens and logs may show, in the shapes
 * GB/T 35273 guidance and Chinese practice use. Every function is total: input that does not
 * look like what it should is masked completely, one star per character, so nothing leaks and
 * nothing throws on a render path.
 */

const stars = (count: number) => '*'.repeat(Math.max(0, count));
const maskAll = (value: string) => stars([...value].length);
// Typed callers always pass strings; untyped ones (a JSON column, a missing field) must not throw.
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * `11010519491231002X` → `110105********002X`: region kept, birth date hidden, sequence and
 * check kept (enough to tell two numbers apart in a list, not enough to rebuild one).
 */
export function maskIdNumber(value: string): string {
  const idNumber = text(value);
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return maskAll(idNumber);
  return `${idNumber.slice(0, 6)}${stars(8)}${idNumber.slice(14).toUpperCase()}`;
}

/**
 * `13812345678` → `138****5678`; a fixed line keeps its area code and last four digits,
 * `010-12345678` → `010-****5678`. Input is normalised first (+86, spaces, hyphens).
 */
export function maskPhone(value: string): string {
  const phone = text(value);
  const parsed = parsePhone(phone);
  if (!parsed.ok) return maskAll(phone);
  const { number, kind, areaCode } = parsed.value;
  if (kind === 'mobile') return `${number.slice(0, 3)}${stars(4)}${number.slice(7)}`;
  const local = number.slice((areaCode ?? '').length + 1);
  return `${areaCode}-${stars(local.length - 4)}${local.slice(-4)}`;
}

/**
 * `张三丰` → `张**`: the first character (usually the family name) is kept. A one-character
 * name is masked whole, since keeping its first character would keep all of it.
 */
export function maskName(value: string): string {
  const chars = [...text(value)];
  if (chars.length <= 1) return stars(chars.length);
  return `${chars[0]}${stars(chars.length - 1)}`;
}
