import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_CONTEXT, type VerifiableCredential } from './verifiable-credential.js';

/** The spec's minimum list length: 16 KiB of bits, so one credential's bit hides among many. */
export const STATUS_LIST_BITS = 131_072;
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/**
 * A W3C Bitstring Status List (v1.0): index 0 is the left-most (most significant) bit of the first
 * byte; encoded as GZIP, then base64url with the multibase prefix `u`.
 */
export class StatusList {
  private readonly bytes: Uint8Array;

  /** An all-clear list of `bits` bits (rounded up to whole bytes); below the spec's minimum only for tests. */
  constructor(bits: number = STATUS_LIST_BITS) {
    if (!Number.isInteger(bits) || bits < 1 || bits > MAX_DECODED_BYTES * 8) throw new RangeError(`a status list has 1 to ${MAX_DECODED_BYTES * 8} bits, not ${bits}`);
    this.bytes = new Uint8Array(Math.ceil(bits / 8));
  }

  /** A list holding a copy of `bytes` (as stored by the operator); index 0 is the first byte's high bit. */
  static fromBytes(bytes: Uint8Array): StatusList {
    const list = new StatusList(bytes.length * 8);
    list.bytes.set(bytes);
    return list;
  }

  /** Decodes an `encodedList`; throws a TypeError for anything that is not a valid list. */
  static decode(encoded: string): StatusList {
    if (!/^u[A-Za-z0-9_-]+$/.test(encoded)) throw new TypeError('encodedList must be multibase base64url (prefix u)');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: MAX_DECODED_BYTES });
    } catch (error) {
      throw new TypeError(`encodedList does not decompress: ${(error as Error).message}`, { cause: error });
    }
    if (bytes.length * 8 < STATUS_LIST_BITS) throw new TypeError(`status list too short: ${bytes.length * 8} bits`);
    return StatusList.fromBytes(bytes);
  }

  /** The number of bits (a multiple of 8). */
  get length(): number {
    return this.bytes.length * 8;
  }

  /** The bit at `index`; a RangeError outside the list. */
  get(index: number): boolean {
    this.check(index);
    return (this.bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  }

  /** Sets (true) or clears (false) the bit at `index`; a RangeError outside the list. */
  set(index: number, value: boolean): void {
    this.check(index);
    if (value) this.bytes[index >> 3]! |= 0x80 >> (index & 7);
    else this.bytes[index >> 3]! &= ~(0x80 >> (index & 7)) & 0xff;
  }

  /** A copy of the bits, for storage. */
  toBytes(): Uint8Array {
    return this.bytes.slice();
  }

  /** The `encodedList` form: multibase `u` + base64url (no padding) of the GZIP of the bits. */
  encode(): string {
    return `u${gzipSync(this.bytes, { level: 9 }).toString('base64url')}`;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) throw new RangeError(`status index ${index} outside 0..${this.length - 1}`);
  }
}

/** The credential that publishes a list (`BitstringStatusListCredential`). */
export function statusListCredential(input: { id: string; issuer: string; purpose: 'revocation' | 'suspension'; encodedList: string; validFrom: string }): VerifiableCredential {
  return {
    '@context': [VC_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    credentialSubject: { id: `${input.id}#list`, type: 'BitstringStatusList', statusPurpose: input.purpose, encodedList: input.encodedList },
  };
}
