import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STATUS_LIST_BITS, StatusList, statusListCredential } from './status-list.js';
import { VC_CONTEXT } from './verifiable-credential.js';

// Bitstring Status List v1.0, Examples 3, 5 and 7: the encodedList of a list with no bit set;
// Example 4's credential points at index 94567 of it.
const SPEC_EMPTY_LIST = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';
const SPEC_EXAMPLE_INDEX = 94_567;

const multibase = (bytes: Uint8Array) => `u${Buffer.from(bytes).toString('base64url')}`;
const listWith = (...indexes: number[]) => {
  const list = new StatusList();
  for (const i of indexes) list.set(i, true);
  return list;
};
const setIndexes = (list: StatusList) => {
  const bytes = list.toBytes();
  const out: number[] = [];
  bytes.forEach((b, i) => {
    for (let bit = 0; bit < 8; bit++) if (b & (0x80 >> bit)) out.push(i * 8 + bit);
  });
  return out;
};

describe('Bitstring Status List against the specification', () => {
  it('decodes the specification’s empty list to 131,072 clear bits, Example 4’s index among them', () => {
    const list = StatusList.decode(SPEC_EMPTY_LIST);
    expect(list.length).toBe(STATUS_LIST_BITS);
    expect(list.get(SPEC_EXAMPLE_INDEX)).toBe(false);
    expect(setIndexes(list)).toEqual([]);
  });

  it('starts a new list at the specification’s minimum, 131,072 bits (16 KiB), all clear', () => {
    const list = new StatusList();
    expect(STATUS_LIST_BITS).toBe(131_072);
    expect(list.length).toBe(131_072);
    expect(list.toBytes()).toHaveLength(16_384);
    expect(setIndexes(list)).toEqual([]);
  });

  it.each([
    [0, 0, 0x80],
    [1, 0, 0x40],
    [7, 0, 0x01],
    [8, 1, 0x80],
    [15, 1, 0x01],
    [SPEC_EXAMPLE_INDEX, 11_820, 0x01],
    [STATUS_LIST_BITS - 1, 16_383, 0x01],
  ])('puts index %i in byte %i as the value %i: index 0 is the left-most bit of the first byte', (index, byte, value) => {
    const bytes = listWith(index).toBytes();
    expect(bytes[byte]).toBe(value);
    expect(bytes.reduce((n, b) => n + (b === 0 ? 0 : 1), 0)).toBe(1);
  });

  it('clears a bit without touching its neighbours, and setting twice is the same as once', () => {
    const list = listWith(6, 7, 8);
    list.set(7, true);
    expect(setIndexes(list)).toEqual([6, 7, 8]);
    list.set(7, false);
    list.set(7, false);
    expect(setIndexes(list)).toEqual([6, 8]);
    expect(list.toBytes().subarray(0, 2)).toEqual(Uint8Array.of(0x02, 0x80));
  });

  it('hands out copies of its bytes', () => {
    const list = listWith(3);
    list.toBytes()[0] = 0xff;
    expect(setIndexes(list)).toEqual([3]);
    const source = new Uint8Array(16_384);
    const copy = StatusList.fromBytes(source);
    source[0] = 0xff;
    expect(copy.get(0)).toBe(false);
  });
});

describe('encodedList', () => {
  it('encodes as u + base64url (no padding) of a GZIP member, and decodes to the same bits', () => {
    const list = listWith(0, 7, 8, SPEC_EXAMPLE_INDEX, STATUS_LIST_BITS - 1);
    const encoded = list.encode();
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    // RFC 1952: a GZIP member starts with 1f 8b, method 8 (deflate).
    expect([...Buffer.from(encoded.slice(1), 'base64url').subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    expect(setIndexes(StatusList.decode(encoded))).toEqual([0, 7, 8, SPEC_EXAMPLE_INDEX, STATUS_LIST_BITS - 1]);
  });

  it('keeps a longer list longer through encoding', () => {
    const list = new StatusList(2 * STATUS_LIST_BITS);
    list.set(2 * STATUS_LIST_BITS - 1, true);
    const back = StatusList.decode(list.encode());
    expect(back.length).toBe(2 * STATUS_LIST_BITS);
    expect(back.get(2 * STATUS_LIST_BITS - 1)).toBe(true);
  });

  it('decodes a list that another GZIP writer produced', () => {
    const bytes = new Uint8Array(16_384);
    bytes[0] = 0x40; // index 1
    expect(setIndexes(StatusList.decode(multibase(gzipSync(bytes, { level: 1 }))))).toEqual([1]);
  });

  it.each([
    ['no multibase prefix', SPEC_EMPTY_LIST.slice(1)],
    ['another multibase prefix (z, base58btc)', `z${SPEC_EMPTY_LIST.slice(1)}`],
    ['only the prefix', 'u'],
    ['base64 padding', `${SPEC_EMPTY_LIST}==`],
    ['the standard base64 alphabet', `u${gzipSync(new Uint8Array(16_384)).toString('base64')}+/`],
    ['bytes that are not GZIP', multibase(new TextEncoder().encode('not gzip at all'))],
    ['raw deflate without the GZIP header', multibase(gzipSync(new Uint8Array(16_384)).subarray(10))],
    ['a truncated GZIP member', multibase(gzipSync(new Uint8Array(16_384)).subarray(0, 20))],
    ['a list one byte short of 16 KiB', multibase(gzipSync(new Uint8Array(16_383)))],
    ['an empty list', multibase(gzipSync(new Uint8Array(0)))],
  ])('refuses %s with a TypeError', (_what, encoded) => {
    expect(() => StatusList.decode(encoded)).toThrow(TypeError);
  });

  it('refuses a decompression bomb (17 MiB of zeros, some 17 KB compressed) before inflating it whole', () => {
    const compressed = gzipSync(Buffer.alloc(17 * 1024 * 1024), { level: 9 });
    expect(compressed.length).toBeLessThan(64 * 1024);
    expect(() => StatusList.decode(multibase(compressed))).toThrow(TypeError);
  });

  it('accepts a list of exactly the 16 MiB decoding limit', () => {
    expect(StatusList.decode(multibase(gzipSync(Buffer.alloc(16 * 1024 * 1024)))).length).toBe(16 * 1024 * 1024 * 8);
  });
});

describe('indexes', () => {
  it.each([-1, STATUS_LIST_BITS, 2 ** 32, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses index %s with a RangeError, reading or writing', (index) => {
    const list = new StatusList();
    expect(() => list.get(index)).toThrow(RangeError);
    expect(() => list.set(index, true)).toThrow(RangeError);
    expect(setIndexes(list)).toEqual([]);
  });
});

describe('status list credential', () => {
  it('publishes a list as a VC 2.0 BitstringStatusListCredential whose subject is a BitstringStatusList', () => {
    const encodedList = listWith(5).encode();
    for (const purpose of ['revocation', 'suspension'] as const) {
      const vc = statusListCredential({ id: `https://op.example/status/${purpose}`, issuer: 'did:web:op.example', purpose, encodedList, validFrom: '2026-11-23T08:00:00.000Z' });
      expect(vc).toEqual({
        '@context': [VC_CONTEXT],
        id: `https://op.example/status/${purpose}`,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: 'did:web:op.example',
        validFrom: '2026-11-23T08:00:00.000Z',
        credentialSubject: { id: `https://op.example/status/${purpose}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList },
      });
      expect(VC_CONTEXT).toBe('https://www.w3.org/ns/credentials/v2');
    }
  });
});
