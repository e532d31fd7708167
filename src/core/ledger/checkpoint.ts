import { HASH_SIZE } from '../crypto/hash-algorithm.js';
import { isSignableText } from './signed-text.js';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.js';

/** The body of a C2SP tlog-checkpoint: what a log's signed note commits to. */
export interface Checkpoint {
  /** Unique identity of the log, conventionally a schema-less URL. */
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Optional extension lines after the root hash, in order; empty when there are none. */
  extensions: string[];
}

export type CheckpointInput = Omit<Checkpoint, 'extensions'> & { extensions?: readonly string[] };

/** The text is not a well-formed checkpoint body; `reason` names the offending part. */
export class CheckpointFormatError extends Error {
  constructor(
    readonly reason: 'structure' | 'origin' | 'size' | 'root-hash' | 'extension',
    detail: string,
  ) {
    super(detail);
    this.name = 'CheckpointFormatError';
  }
}

// Decimal without leading zeros: one size must have exactly one spelling.
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

function checkLine(line: string, reason: 'origin' | 'extension', what: string): void {
  if (line === '') throw new CheckpointFormatError(reason, `${what} is empty`);
  if (!isSignableText(line, false)) {
    throw new CheckpointFormatError(reason, `${what} contains a control character or a lone surrogate`);
  }
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new CheckpointFormatError('size', `tree size ${size} is not a non-negative safe integer`);
}

/** `origin\nsize\nbase64(root)\n` followed by one line per extension. Throws on unrepresentable input. */
export function formatCheckpoint(checkpoint: CheckpointInput): string {
  checkLine(checkpoint.origin, 'origin', 'origin');
  checkSize(checkpoint.size);
  if (checkpoint.rootHash.length !== HASH_SIZE) {
    throw new CheckpointFormatError('root-hash', `root hash is ${checkpoint.rootHash.length} bytes, not ${HASH_SIZE}`);
  }
  const extensions = checkpoint.extensions ?? [];
  extensions.forEach((line, i) => checkLine(line, 'extension', `extension line ${i + 1}`));
  const lines = [checkpoint.origin, String(checkpoint.size), encodeBase64(checkpoint.rootHash), ...extensions];
  return `${lines.join('\n')}\n`;
}

/**
 * Parses a checkpoint body strictly: every line newline-terminated, the size in canonical
 * decimal within 2^53 - 1, the root canonical base64 of exactly 32 bytes, no empty lines.
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new CheckpointFormatError('structure', 'checkpoint must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointFormatError('structure', `checkpoint has ${lines.length} lines, needs at least 3`);
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  checkLine(origin, 'origin', 'origin');
  if (!DECIMAL.test(sizeText)) throw new CheckpointFormatError('size', `tree size '${sizeText}' is not a canonical decimal`);
  const size = Number(sizeText);
  checkSize(size);
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) {
    throw new CheckpointFormatError('root-hash', `root hash is not canonical base64 of ${HASH_SIZE} bytes`);
  }
  extensions.forEach((line, i) => checkLine(line, 'extension', `extension line ${i + 1}`));
  return { origin, size, rootHash, extensions };
}
