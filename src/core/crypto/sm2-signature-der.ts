/**
 * SM2 signatures travel in two forms: raw r || s (64 bytes, what `Sm2KeyPair.sign` returns and
 * JOSE uses) and the DER `SM2Signature ::= SEQUENCE { r INTEGER, s INTEGER }` of GM/T 0009 and
 * X.509/CMS. These convert between them, strictly: only minimal DER is accepted, so one
 * signature has one encoding.
 */
const HALF = 32;
const INTEGER = 0x02;
const SEQUENCE = 0x30;

function encodeInteger(unsigned: Uint8Array): number[] {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const body = [...unsigned.subarray(start)];
  // A set high bit would read as negative: prefix a zero byte.
  if (body[0]! & 0x80) body.unshift(0);
  return [INTEGER, body.length, ...body];
}

/** DER-encodes a 64-byte raw r || s signature; throws RangeError for any other size. */
export function sm2SignatureToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 2 * HALF) throw new RangeError(`a raw SM2 signature is ${2 * HALF} bytes`);
  const body = [...encodeInteger(raw.subarray(0, HALF)), ...encodeInteger(raw.subarray(HALF))];
  return Uint8Array.from([SEQUENCE, body.length, ...body]);
}

/** Reads one minimal, non-negative DER INTEGER of at most 32 value bytes at `at`. */
function decodeInteger(der: Uint8Array, at: number, into: Uint8Array): number {
  const length = der[at + 1];
  if (der[at] !== INTEGER || length === undefined || length < 1 || length > HALF + 1 || at + 2 + length > der.length) {
    throw new RangeError('SM2 signature DER: expected a short INTEGER');
  }
  let value = der.subarray(at + 2, at + 2 + length);
  if (value[0]! & 0x80) throw new RangeError('SM2 signature DER: negative INTEGER');
  if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) throw new RangeError('SM2 signature DER: non-minimal INTEGER');
  if (value[0] === 0 && value.length > 1) value = value.subarray(1);
  if (value.length > HALF) throw new RangeError('SM2 signature DER: INTEGER wider than 256 bits');
  into.set(value, HALF - value.length);
  return at + 2 + length;
}

/**
 * The raw 64-byte r || s of a DER `SEQUENCE { r INTEGER, s INTEGER }`. Throws RangeError on
 * anything else: other tags, long-form or wrong lengths, non-minimal or negative integers,
 * trailing bytes. (Whether r and s are in range is for verification to decide.)
 */
export function sm2SignatureFromDer(der: Uint8Array): Uint8Array {
  if (der.length < 2 || der[0] !== SEQUENCE || der[1] !== der.length - 2) {
    throw new RangeError('SM2 signature DER: expected one short SEQUENCE and nothing after it');
  }
  const raw = new Uint8Array(2 * HALF);
  const afterR = decodeInteger(der, 2, raw.subarray(0, HALF));
  const afterS = decodeInteger(der, afterR, raw.subarray(HALF));
  if (afterS !== der.length) throw new RangeError('SM2 signature DER: trailing bytes inside the SEQUENCE');
  return raw;
}
