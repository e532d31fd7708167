import { failure, success, type CodeResult } from './code-result.js';

/**
 * Contact details of an applicant: a mainland phone number (mobile or fixed line) and an email
 * address. Failures carry no `actual`: a contact detail is personal information and failure
 * messages end up in logs.
 */

export type PhoneKind = 'mobile' | 'fixed-line';

export interface Phone {
  /** Normalised: 11 digits for a mobile, `AREA-LOCAL` for a fixed line (`010-12345678`). */
  number: string;
  kind: PhoneKind;
  /** Fixed lines only, e.g. `010`, `0371`. */
  areaCode?: string;
}

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
const FIXED_LINE = /^0\d{9,11}$/;

/**
 * Parses a phone number after stripping spaces and hyphens. A mobile may carry +86 or 86; a
 * fixed line must carry its area code. The area code's length follows from its digits, so a
 * number typed without a hyphen splits the same way as one typed with it: 010 and 020–029 are
 * the only three-digit area codes, every other one has four.
 */
export function parsePhone(input: string): CodeResult<Phone> {
  const digits = input.replace(/[\s-]/g, '');
  const mobile = MOBILE.exec(digits);
  if (mobile?.[1]) return success({ number: mobile[1], kind: 'mobile' });
  if (FIXED_LINE.test(digits)) {
    const areaLength = digits.charAt(1) === '1' || digits.charAt(1) === '2' ? 3 : 4;
    const areaCode = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    // 01x other than 010 is no area code; local numbers have seven or eight digits.
    if ((areaCode.charAt(1) !== '1' || areaCode === '010') && local.length >= 7 && local.length <= 8) {
      return success({ number: `${areaCode}-${local}`, kind: 'fixed-line', areaCode });
    }
  }
  return failure('phone.format');
}

/** The normalised number (see `Phone.number`), or `phone.format`. */
export function validatePhone(input: string): CodeResult<string> {
  const phone = parsePhone(input);
  return phone.ok ? success(phone.value.number) : phone;
}

// RFC 5322 dot-atom text for the local part; quoted local parts are legal but never seen in
// practice from applicants, and are refused rather than half-supported.
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * A practical subset of RFC 5321/5322: `local@domain`, local part a dot-atom of at most 64
 * octets, domain of at least two labels of at most 63 octets each (letters, digits, inner
 * hyphens; internationalised domains in their xn-- form), top-level label not all digits,
 * whole address at most 254 octets (RFC 5321's path limit less the angle brackets).
 * Surrounding whitespace is trimmed; the trimmed address is returned.
 */
export function validateEmail(input: string): CodeResult<string> {
  const address = input.trim();
  const at = address.lastIndexOf('@');
  if (address.length > 254 || at <= 0) return failure('email.format');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return failure('email.format');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label))) {
    return failure('email.format');
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return failure('email.format');
  return success(address);
}
