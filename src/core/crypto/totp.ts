import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Decode, base32Encode } from './base32.js';

/** The HMAC behind the one-time code; authenticator apps default to SHA1 (RFC 6238 allows all three). */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type OtpDigits = 6 | 8;

export interface OtpOptions {
  algorithm?: OtpAlgorithm;
  digits?: OtpDigits;
}

export interface TotpOptions extends OtpOptions {
  /** The moment to compute for: a Date or milliseconds since the epoch; defaults to now. */
  at?: Date | number;
  /** Seconds per time step; 30 everywhere in practice. */
  period?: number;
}

export interface TotpVerifyOptions extends TotpOptions {
  /** Steps either side of the current one still accepted, for clock drift and typing time. */
  window?: number;
}

const SECRET_SIZE = 20;
// RFC 4226 R6: the shared secret is at least 128 bits.
const MIN_KEY_SIZE = 16;
const MAX_WINDOW = 10;
const HMAC_NAMES: Record<OtpAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

function checkOptions(algorithm: OtpAlgorithm, digits: number): void {
  if (!(algorithm in HMAC_NAMES)) throw new RangeError(`unsupported OTP algorithm: ${String(algorithm)}`);
  if (digits !== 6 && digits !== 8) throw new RangeError(`OTP codes have 6 or 8 digits, not ${digits}`);
}

/**
 * RFC 4226 HOTP: the `digits`-digit code (zero-padded) for `counter` under the raw `key`.
 * Throws RangeError for keys under 128 bits, negative or unsafe counters, or other digit counts.
 */
export function hotp(key: Uint8Array, counter: number, { algorithm = 'SHA1', digits = 6 }: OtpOptions = {}): string {
  checkOptions(algorithm, digits);
  if (key.length < MIN_KEY_SIZE) throw new RangeError(`an OTP key is at least ${MIN_KEY_SIZE} bytes`);
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('the HOTP counter is a non-negative integer');
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(HMAC_NAMES[algorithm], key).update(message).digest();
  // Dynamic truncation (RFC 4226 section 5.3): 31 bits read at an offset chosen by the MAC itself.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step (T0 = 0) that `at` falls in. */
export function totpStep(at: Date | number = Date.now(), period = 30): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid time');
  if (!Number.isSafeInteger(period) || period <= 0) throw new RangeError('the TOTP period is a positive number of seconds');
  return Math.floor(ms / 1000 / period);
}

/** RFC 6238 TOTP: the code for the base32 `secret` at `options.at` (default now). */
export function totpCode(secret: string, { at, period = 30, ...otp }: TotpOptions = {}): string {
  return hotp(base32Decode(secret), totpStep(at, period), otp);
}

/** A fresh 160-bit secret (RFC 4226's recommended size), base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_SIZE));
}

export interface TotpUriInput extends OtpOptions {
  /** Who issued the code, shown in the app (the space's name). Must not contain ':'. */
  issuer: string;
  /** The account within the issuer (the username). */
  account: string;
  /** The base32 secret. */
  secret: string;
  period?: number;
}

/**
 * The `otpauth://totp/...` key URI (Google Authenticator key-URI format) an authenticator app
 * scans from a QR code. Label and parameters are percent-encoded (spaces as %20, not +, as the
 * format requires); the issuer is given twice, in the label and as a parameter, which is what
 * apps old and new both read. The parameters are explicit even at their defaults.
 */
export function totpUri({ issuer, account, secret, algorithm = 'SHA1', digits = 6, period = 30 }: TotpUriInput): string {
  checkOptions(algorithm, digits);
  if (issuer.includes(':')) throw new RangeError('a TOTP issuer cannot contain ":" (it separates issuer and account)');
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const cleanSecret = base32Encode(base32Decode(secret));
  const query = `secret=${cleanSecret}&issuer=${encodeURIComponent(issuer)}&algorithm=${algorithm}&digits=${digits}&period=${period}`;
  return `otpauth://totp/${label}?${query}`;
}

/**
 * Checks a TOTP code typed by a person (spaces ignored) against the base32 `secret`, accepting
 * `window` steps either side of the step of `at` (default now, window 1). Returns the time step
 * that matched, so the caller can store it and refuse the same or an earlier step next time
 * (RFC 6238 section 5.2: a code is accepted once); undefined when nothing matched or the code
 * is not `digits` digits. Every step in the window is compared, in constant time, so timing
 * does not tell which step was close. Throws RangeError only for a malformed stored secret or
 * an out-of-range window: faults of the caller, not of the person typing.
 */
export function verifyTotp(secret: string, code: string, { window = 1, at, period = 30, ...otp }: TotpVerifyOptions = {}): number | undefined {
  if (!Number.isSafeInteger(window) || window < 0 || window > MAX_WINDOW) throw new RangeError(`the TOTP window is 0..${MAX_WINDOW} steps`);
  const digits = otp.digits ?? 6;
  const typed = code.replace(/\s/g, '');
  if (typed.length !== digits || !/^\d+$/.test(typed)) return undefined;
  const key = base32Decode(secret);
  const current = totpStep(at, period);
  const presented = Buffer.from(typed);
  let matched: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    if (timingSafeEqual(Buffer.from(hotp(key, step, otp)), presented)) matched = step;
  }
  return matched;
}
