import { verifyEd25519 } from '../crypto/ed25519-key.js';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { bytesEqual } from './bytes-equal.js';
import { isSignableText } from './signed-text.js';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.js';

/** A C2SP signed-note verifier key, decoded. */
export interface VerifierKey {
  name: string;
  /** First 4 bytes of SHA-256(name || "\n" || 0x01 || publicKey). */
  keyId: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export type NoteFailure = 'malformed-key' | 'malformed' | 'unknown-key' | 'bad-signature';

/**
 * A note (or verifier key) was refused: `malformed` notes break the format, `unknown-key`
 * notes carry no signature by the expected key, `bad-signature` ones carry an invalid one.
 */
export class NoteVerificationError extends Error {
  constructor(
    readonly reason: NoteFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'NoteVerificationError';
  }
}

const ED25519 = 0x01;
const KEY_ID_SIZE = 4;
const SIGNATURE_SIZE = 64;
const PUBLIC_KEY_SIZE = 32;
// The Go reference stops at 100 signatures so a hostile note cannot cost unbounded work.
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 '; // EM DASH, then a space
const utf8 = new TextEncoder();

/** Names are non-empty, without '+' or whitespace, so "name+id+key" and signature lines parse unambiguously. */
function isValidName(name: string): boolean {
  return name !== '' && !/[+\s\u0085]/u.test(name) && isSignableText(name, false);
}

function keyIdFor(name: string, publicKey: Uint8Array): Uint8Array {
  const digest = hashAlgorithm('sha256').digest(utf8.encode(name), Uint8Array.of(0x0a, ED25519), publicKey);
  return digest.slice(0, KEY_ID_SIZE);
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The verifier key string `<name>+<8 hex key id>+<base64(0x01 || publicKey)>`. */
export function noteVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidName(name)) throw new RangeError(`invalid note key name '${name}'`);
  if (publicKey.length !== PUBLIC_KEY_SIZE) throw new RangeError(`an Ed25519 public key is ${PUBLIC_KEY_SIZE} bytes`);
  const encoded = new Uint8Array(1 + PUBLIC_KEY_SIZE);
  encoded[0] = ED25519;
  encoded.set(publicKey, 1);
  return `${name}+${toHex(keyIdFor(name, publicKey))}+${encodeBase64(encoded)}`;
}

/** Decodes and checks a verifier key, including that its key id matches name and key. */
export function parseVerifierKey(s: string): VerifierKey {
  const malformed = (why: string) => new NoteVerificationError('malformed-key', `verifier key is malformed: ${why}`);
  // Names contain no '+', but base64 keys may: split at the first two only.
  const first = s.indexOf('+');
  const second = first < 0 ? -1 : s.indexOf('+', first + 1);
  if (second < 0) throw malformed('expected <name>+<key id>+<key>');
  const name = s.slice(0, first);
  const idHex = s.slice(first + 1, second);
  const keyText = s.slice(second + 1);
  if (!isValidName(name)) throw malformed('invalid name');
  if (!/^[0-9a-f]{8}$/i.test(idHex)) throw malformed('key id is not 8 hex digits');
  const key = decodeBase64Strict(keyText);
  if (!key || key.length !== 1 + PUBLIC_KEY_SIZE || key[0] !== ED25519) throw malformed('not an Ed25519 key');
  const publicKey = key.slice(1);
  const keyId = keyIdFor(name, publicKey);
  if (toHex(keyId) !== idHex.toLowerCase()) throw malformed('key id does not match name and key');
  return { name, keyId, publicKey };
}

/**
 * Signs `text` (non-empty, newline-terminated, no control characters) and returns the note:
 * the text, a blank line, and `— <name> <base64(keyId || signature)>`.
 */
export function signNote(text: string, name: string, sign: (message: Uint8Array) => Uint8Array, keyId: Uint8Array): string {
  if (!text.endsWith('\n') || !isSignableText(text, true)) throw new RangeError('note text must be clean text ending in a newline');
  if (!isValidName(name)) throw new RangeError(`invalid note key name '${name}'`);
  if (keyId.length !== KEY_ID_SIZE) throw new RangeError(`a key id is ${KEY_ID_SIZE} bytes`);
  const signature = sign(utf8.encode(text));
  const blob = new Uint8Array(KEY_ID_SIZE + signature.length);
  blob.set(keyId, 0);
  blob.set(signature, KEY_ID_SIZE);
  return `${text}\n${SIGNATURE_PREFIX}${name} ${encodeBase64(blob)}\n`;
}

/**
 * Opens a note signed by `verifierKey` and returns its text. Signatures by other keys are
 * ignored; every signature claiming the expected key must verify, and at least one must exist.
 */
export function openNote(note: string, verifierKey: string): { text: string } {
  const key = parseVerifierKey(verifierKey);
  const malformed = (why: string) => new NoteVerificationError('malformed', `note is malformed: ${why}`);
  if (!isSignableText(note, true)) throw malformed('control character or invalid text');
  // Text and signatures are separated by the last blank line; signature lines contain none.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no signature block');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw malformed('signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);

  const message = utf8.encode(text);
  let verified = false;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('signature line must start with an em dash and a space');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const blob = space < 0 ? undefined : decodeBase64Strict(rest.slice(space + 1));
    if (!isValidName(name) || !blob || blob.length <= KEY_ID_SIZE) throw malformed('bad signature line');
    if (name !== key.name || !bytesEqual(blob.subarray(0, KEY_ID_SIZE), key.keyId)) continue;
    const signature = blob.subarray(KEY_ID_SIZE);
    if (signature.length !== SIGNATURE_SIZE || !verifyEd25519(key.publicKey, message, signature)) {
      throw new NoteVerificationError('bad-signature', `signature by ${key.name} does not verify`);
    }
    verified = true;
  }
  if (!verified) throw new NoteVerificationError('unknown-key', `note carries no signature by ${key.name}+${toHex(key.keyId)}`);
  return { text };
}
