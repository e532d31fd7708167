import { describe, expect, it } from 'vitest';
import { CheckpointFormatError, formatCheckpoint, parseCheckpoint } from './checkpoint.js';

const root = Uint8Array.from({ length: 32 }, (_, i) => i);
const ROOT_B64 = Buffer.from(root).toString('base64');

function reason(text: string): string {
  try {
    parseCheckpoint(text);
  } catch (error) {
    if (error instanceof CheckpointFormatError) return error.reason;
    throw error;
  }
  throw new Error('expected parseCheckpoint to throw');
}

describe('C2SP checkpoints', () => {
  it('formats origin, size and base64 root as newline-terminated lines', () => {
    expect(formatCheckpoint({ origin: 'example.com/log', size: 42, rootHash: root })).toBe(`example.com/log\n42\n${ROOT_B64}\n`);
  });

  it('appends extension lines after the root', () => {
    expect(formatCheckpoint({ origin: 'o', size: 0, rootHash: root, extensions: ['ext one', 'ext two'] })).toBe(
      `o\n0\n${ROOT_B64}\next one\next two\n`,
    );
  });

  it('round-trips through parse, including large sizes and extensions', () => {
    for (const checkpoint of [
      { origin: 'trustspace.example/ledger', size: 0, rootHash: root, extensions: [] },
      { origin: 'o', size: Number.MAX_SAFE_INTEGER, rootHash: root, extensions: ['x', 'y z'] },
    ]) {
      expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual(checkpoint);
    }
  });

  it.each([
    ['no final newline', `o\n1\n${ROOT_B64}`, 'structure'],
    ['too few lines', 'o\n1\n', 'structure'],
    ['an empty origin', `\n1\n${ROOT_B64}\n`, 'origin'],
    ['a control character in the origin', `o\tx\n1\n${ROOT_B64}\n`, 'origin'],
    ['a leading zero in the size', `o\n01\n${ROOT_B64}\n`, 'size'],
    ['a signed size', `o\n+1\n${ROOT_B64}\n`, 'size'],
    ['a negative size', `o\n-1\n${ROOT_B64}\n`, 'size'],
    ['a fractional size', `o\n1.0\n${ROOT_B64}\n`, 'size'],
    ['an empty size', `o\n\n${ROOT_B64}\n`, 'size'],
    ['a size beyond 2^53 - 1', `o\n9007199254740992\n${ROOT_B64}\n`, 'size'],
    ['a root of 31 bytes', `o\n1\n${Buffer.alloc(31).toString('base64')}\n`, 'root-hash'],
    ['a root of 33 bytes', `o\n1\n${Buffer.alloc(33).toString('base64')}\n`, 'root-hash'],
    ['an unpadded root', `o\n1\n${ROOT_B64.replace('=', '')}\n`, 'root-hash'],
    ['a URL-safe root', `o\n1\n${Buffer.alloc(32, 0xfb).toString('base64url')}=\n`, 'root-hash'],
    ['a root with non-zero pad bits', `o\n1\n${ROOT_B64.slice(0, 42)}9=\n`, 'root-hash'],
    ['an empty extension line', `o\n1\n${ROOT_B64}\n\n`, 'extension'],
    ['a carriage return', `o\n1\n${ROOT_B64}\r\n`, 'root-hash'],
  ])('rejects %s', (_name, text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it('refuses to format what it could not parse back', () => {
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: root })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: '', size: 1, rootHash: root })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: root })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: 1.5, rootHash: root })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: root.subarray(1) })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: root, extensions: [''] })).toThrow(CheckpointFormatError);
  });
});
