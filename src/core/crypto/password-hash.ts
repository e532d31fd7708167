import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost parameters. Production uses the defaults (N=2^15, r=8, p=1: about 32 MiB and
 * tens of milliseconds per hash, the OWASP baseline); tests pass a lower N to stay fast.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost every new hash gets unless a caller (a test) asks otherwise. */
export const DEFAULT_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 32768, r: 8, p: 1 });

const SALT_SIZE = 16;
const KEY_SIZE = 32;

// Bounds on parameters read back from a stored hash: a corrupted or planted row must not make
// a login allocate gigabytes or spin for minutes.
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;

// Standard base64 with padding, as the format has always been written (other modules hold
// constants in this form, e.g. the dummy hash used to time unknown-user logins alike).
const ENCODED = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

function isValidCost({ N, r, p }: ScryptCost): boolean {
  const powerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  return powerOfTwo && N <= 2 ** MAX_LOG2_N && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P;
}

function parse(encoded: string): ParsedHash | undefined {
  const m = ENCODED.exec(encoded);
  if (!m) return undefined;
  const cost = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (!isValidCost(cost)) return undefined;
  return { cost, salt: Buffer.from(m[4]!, 'base64'), hash: Buffer.from(m[5]!, 'base64') };
}

// Unicode normalisation (NFC, as RFC 8265's OpaqueString profile does) so a password typed on a
// keyboard that composes characters differently (macOS produces NFD) still matches.
const normalize = (password: string): string => password.normalize('NFC');

function derive(password: string, salt: Buffer, { N, r, p }: ScryptCost): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; OpenSSL's default 32 MiB ceiling is exactly what the
  // production cost needs and a little overhead tips it over, so allow twice that.
  const maxmem = 256 * N * r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalize(password), salt, KEY_SIZE, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password for storage as `scrypt$N=32768,r=8,p=1$<salt b64>$<hash b64>` with a fresh
 * 16-byte salt. `cost` exists for tests; production code leaves it out.
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  if (!isValidCost(cost)) throw new RangeError(`invalid scrypt cost N=${cost.N},r=${cost.r},p=${cost.p}`);
  const salt = randomBytes(SALT_SIZE);
  const hash = await derive(password, salt, cost);
  return `scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * True when `password` matches the stored hash (compared in constant time), using the cost
 * recorded in the hash. A malformed or out-of-bounds encoding yields false, never an exception,
 * so a damaged row cannot turn a login into a 500.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(candidate, parsed.hash);
}

/**
 * True when a stored hash should be replaced at the next successful login: it is malformed or
 * was made with a cost other than `target` (the production default).
 */
export function needsRehash(encoded: string, target: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const parsed = parse(encoded);
  if (!parsed) return true;
  const { N, r, p } = parsed.cost;
  return N !== target.N || r !== target.r || p !== target.p;
}

/** A password policy rule a new password breaks; the strings are stable API detail codes. */
export type PasswordRule = 'password.too-short' | 'password.too-long' | 'password.too-simple';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// Character classes: lower case, upper case, digits, and everything else. "Everything else"
// counts symbols and spaces, and also letters without case (汉字, kana), so a Chinese pass
// phrase with digits is as acceptable as "Correct horse 7".
const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/**
 * The rules a proposed password breaks (empty when it is acceptable): at least 10 and at most
 * 256 characters (code points, so 汉字 count once), and characters from at least two of the
 * classes lower case, upper case, digit, other.
 */
export function checkPasswordStrength(password: string): PasswordRule[] {
  const failed: PasswordRule[] = [];
  const length = [...normalize(password)].length;
  if (length < PASSWORD_MIN_LENGTH) failed.push('password.too-short');
  if (length > PASSWORD_MAX_LENGTH) failed.push('password.too-long');
  if (CLASSES.filter((c) => c.test(password)).length < 2) failed.push('password.too-simple');
  return failed;
}
