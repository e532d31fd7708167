import { CanonicalJsonError, canonicalJson } from '../canonical-json/canonical-json.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../canonical-json/json-depth.js';
import { hashAlgorithm, isHashAlgorithmName, type HashAlgorithm } from '../crypto/hash-algorithm.js';
import { DomainError } from '../errors/index.js';

/** What a caller records: one event about one subject by one actor. */
export interface EvidenceInput {
  /** Dotted event name, e.g. `participant.approved`. */
  type: string;
  subject: string;
  actor: string;
  /** RFC 3339 UTC with milliseconds, as Date.prototype.toISOString() writes it. */
  at: string;
  /** Any JSON value. */
  payload: unknown;
}

/**
 * An entry as it stands in the log. `payloadHash` is `<alg>:<hex>` of the canonical JSON of
 * the full payload; `payload` is null in the leaf when that JSON exceeds MAX_INLINE_PAYLOAD_BYTES
 * (large payloads are referenced by hash only).
 */
export interface EvidenceEntry extends EvidenceInput {
  payloadHash: string;
}

/** Canonical payloads up to this many UTF-8 bytes are stored inline in the leaf. */
export const MAX_INLINE_PAYLOAD_BYTES = 4096;

/** Input that cannot be recorded, or a leaf that is not a well-formed evidence entry. */
export class EvidenceFormatError extends DomainError {
  constructor(
    detail: string,
    /** The leaf nests deeper than MAX_JSON_DEPTH: callers answer `request.too-deep`. */
    readonly tooDeep = false,
  ) {
    super('ledger.evidence-invalid', detail);
    this.name = 'EvidenceFormatError';
  }
}

const KEYS = ['actor', 'at', 'payload', 'payloadHash', 'subject', 'type'] as const;
const STRING_KEYS = ['actor', 'at', 'payloadHash', 'subject', 'type'] as const;
const TIMESTAMP_FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const PAYLOAD_HASH = /^([a-z0-9]+):([0-9a-f]{64})$/;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const toHex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Field ranges checked by hand: this runs for every appended entry, a Date round trip is slow. */
function validTimestamp(at: string): boolean {
  const m = TIMESTAMP_FIELDS.exec(at);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= (month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1]!);
}

function checkTimestamp(at: string): void {
  if (!validTimestamp(at)) {
    throw new EvidenceFormatError(`'at' must be an RFC 3339 UTC timestamp with milliseconds, got '${at}'`);
  }
}

function canonical(value: unknown, what: string): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new EvidenceFormatError(`${what} is not JSON: ${error.message}`, error.reason === 'too-deep');
    throw error;
  }
}

const hashOfText = (alg: HashAlgorithm, text: string) => `${alg.name}:${toHex(alg.digestUtf8(text))}`;

/** `<alg>:<hex>` of the canonical JSON of a payload: how large payloads are referenced. */
export function payloadHashOf(alg: HashAlgorithm, payload: unknown): string {
  return hashOfText(alg, canonical(payload, 'payload'));
}

/**
 * Builds the leaf: the canonical JSON of the entry. The entry returned mirrors the leaf
 * (payload null when it was too large to inline) and keeps the caller's payload object otherwise.
 */
export function encodeEvidence(alg: HashAlgorithm, input: EvidenceInput): { entry: EvidenceEntry; leaf: Uint8Array } {
  for (const key of ['type', 'subject', 'actor', 'at'] as const) {
    if (typeof input[key] !== 'string') throw new EvidenceFormatError(`'${key}' must be a string`);
  }
  checkTimestamp(input.at);
  const payloadText = canonical(input.payload, 'payload');
  const inline = Buffer.byteLength(payloadText, 'utf8') <= MAX_INLINE_PAYLOAD_BYTES;
  const entry: EvidenceEntry = {
    type: input.type,
    subject: input.subject,
    actor: input.actor,
    at: input.at,
    payload: inline ? input.payload : null,
    payloadHash: hashOfText(alg, payloadText),
  };
  const text =
    `{"actor":${canonical(entry.actor, 'actor')},"at":"${entry.at}",` +
    `"payload":${inline ? payloadText : 'null'},"payloadHash":"${entry.payloadHash}",` +
    `"subject":${canonical(entry.subject, 'subject')},"type":${canonical(entry.type, 'type')}}`;
  const leaf = Buffer.from(text, 'utf8');
  return { entry, leaf: new Uint8Array(leaf.buffer, leaf.byteOffset, leaf.byteLength) };
}

/**
 * Decodes a leaf strictly: valid UTF-8 JSON, an object with exactly the entry's keys, string
 * fields of the right shape, and bytes that are already canonical (so one entry has one leaf).
 */
export function decodeEvidenceLeaf(leaf: Uint8Array): EvidenceEntry {
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(leaf);
    value = JSON.parse(text);
  } catch {
    throw new EvidenceFormatError('leaf is not UTF-8 JSON');
  }
  const deep = tooDeepAt(value);
  if (deep) throw new EvidenceFormatError(`leaf nests deeper than ${MAX_JSON_DEPTH} levels at '${deep}'`, true);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EvidenceFormatError('leaf is not a JSON object');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.length !== KEYS.length || keys.some((k, i) => k !== KEYS[i])) {
    throw new EvidenceFormatError(`leaf must have exactly the keys ${KEYS.join(', ')}`);
  }
  for (const key of STRING_KEYS) {
    if (typeof record[key] !== 'string') throw new EvidenceFormatError(`'${key}' must be a string`);
  }
  const entry = record as unknown as EvidenceEntry;
  checkTimestamp(entry.at);
  const hash = PAYLOAD_HASH.exec(entry.payloadHash);
  if (!hash || !isHashAlgorithmName(hash[1])) throw new EvidenceFormatError(`'payloadHash' must be <algorithm>:<64 hex digits>`);
  if (canonical(entry, 'leaf') !== text) throw new EvidenceFormatError('leaf is not in canonical form');
  // A large payload inline would be a second leaf for the same entry.
  if (entry.payload !== null && Buffer.byteLength(canonical(entry.payload, 'payload'), 'utf8') > MAX_INLINE_PAYLOAD_BYTES) {
    throw new EvidenceFormatError(`inline payload exceeds ${MAX_INLINE_PAYLOAD_BYTES} bytes`);
  }
  return entry;
}

/**
 * Whether the entry's payload is consistent with its hash: true if it hashes to payloadHash,
 * or if it is null (either a null payload or one referenced by hash only, which only the full
 * payload can confirm, via payloadHashOf).
 */
export function payloadMatchesHash(entry: EvidenceEntry): boolean {
  const match = PAYLOAD_HASH.exec(entry.payloadHash);
  if (!match || !isHashAlgorithmName(match[1])) return false;
  if (entry.payload === null) return true;
  try {
    return payloadHashOf(hashAlgorithm(match[1]), entry.payload) === entry.payloadHash;
  } catch {
    return false;
  }
}
