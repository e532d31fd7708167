import { crc32 } from './crc32.js';

/** Who a delivered file was for: the agreement it was delivered under and the consumer's DID. */
export interface WatermarkPayload {
  agreementId: string;
  consumer: string;
}

/** The payload cannot be marked (empty, or a field longer than 255 UTF-8 bytes). */
export class WatermarkPayloadError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'WatermarkPayloadError';
  }
}

/** Bumped when the byte layout below changes; a decoder refuses versions it does not know. */
export const markVersion = 1;

// A field is [kind][...]: UTF-8 is [0][length][bytes]; a lowercase UUID, bare or as
// urn:uuid:, is its 16 bytes ([1] or [2]), since agreement ids are usually UUIDs and every
// byte saved here is saved on every marked row.
const UTF8 = 0;
const UUID = 1;
const URN_UUID = 2;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function encodeField(name: string, value: string): number[] {
  if (value === '') throw new WatermarkPayloadError(`${name} is empty`);
  const bare = value.startsWith('urn:uuid:') ? value.slice(9) : value;
  if (uuidPattern.test(bare)) {
    const hex = bare.replaceAll('-', '');
    const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
    return [bare === value ? UUID : URN_UUID, ...bytes];
  }
  const bytes = encoder.encode(value);
  if (bytes.length > 255) throw new WatermarkPayloadError(`${name} is longer than 255 UTF-8 bytes`);
  return [UTF8, bytes.length, ...bytes];
}

/** The mark: [version][agreement field][consumer field][CRC-32 of all before, big-endian]. */
export function encodeMark(payload: WatermarkPayload): Uint8Array {
  const body = [markVersion, ...encodeField('agreementId', payload.agreementId), ...encodeField('consumer', payload.consumer)];
  const crc = crc32(Uint8Array.from(body));
  return Uint8Array.from([...body, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
}

function decodeField(bytes: Uint8Array, at: number): { value: string; next: number } | undefined {
  const kind = bytes[at];
  if (kind === UUID || kind === URN_UUID) {
    if (at + 17 > bytes.length) return undefined;
    const hex = Array.from(bytes.subarray(at + 1, at + 17), (b) => b.toString(16).padStart(2, '0')).join('');
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { value: kind === URN_UUID ? `urn:uuid:${uuid}` : uuid, next: at + 17 };
  }
  if (kind !== UTF8 || at + 2 > bytes.length) return undefined;
  const end = at + 2 + bytes[at + 1]!;
  if (end > bytes.length || end === at + 2) return undefined;
  try {
    return { value: decoder.decode(bytes.subarray(at + 2, end)), next: end };
  } catch {
    return undefined;
  }
}

/** The payload, or undefined unless the bytes are exactly a mark of a known version with a valid CRC. */
export function decodeMark(bytes: Uint8Array): WatermarkPayload | undefined {
  if (bytes.length < 5 || bytes[0] !== markVersion) return undefined;
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = ((bytes[body.length]! << 24) | (bytes[body.length + 1]! << 16) | (bytes[body.length + 2]! << 8) | bytes[body.length + 3]!) >>> 0;
  if (crc32(body) !== stored) return undefined;
  const agreement = decodeField(body, 1);
  const consumer = agreement && decodeField(body, agreement.next);
  if (!agreement || !consumer || consumer.next !== body.length) return undefined;
  return { agreementId: agreement.value, consumer: consumer.value };
}
