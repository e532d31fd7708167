import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../canonical-json/canonical-json.js';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { DomainError } from '../errors/index.js';
import {
  EvidenceFormatError,
  MAX_INLINE_PAYLOAD_BYTES,
  decodeEvidenceLeaf,
  encodeEvidence,
  payloadHashOf,
  payloadMatchesHash,
  type EvidenceInput,
} from './evidence-entry.js';

const sha256 = hashAlgorithm('sha256');
const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function anEvidence(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    type: 'participant.approved',
    subject: 'urn:trustspace:participant:42',
    actor: 'did:web:operator.example',
    at: '2025-01-02T03:04:05.678Z',
    payload: { reason: 'documents checked', scores: [1, 2.5], ok: true, 名: '€' },
    ...overrides,
  };
}

describe('evidence entries', () => {
  it('encodes the leaf as the canonical JSON of the entry, with payloadHash over the canonical payload', () => {
    const input = anEvidence();
    const { entry, leaf } = encodeEvidence(sha256, input);
    expect(entry.payloadHash).toBe(`sha256:${hex(sha256.digest(canonicalJsonBytes(input.payload)))}`);
    expect(leaf).toEqual(canonicalJsonBytes(entry));
    expect(new TextDecoder().decode(leaf)).toMatch(/^\{"actor":"did:web:operator\.example","at":"2025-01-02T03:04:05\.678Z","payload":\{/);
  });

  it('uses the log algorithm for payloadHash', () => {
    const { entry } = encodeEvidence(hashAlgorithm('sm3'), anEvidence({ payload: 'abc' }));
    expect(entry.payloadHash).toBe(`sm3:${hex(hashAlgorithm('sm3').digest(utf8('"abc"')))}`);
  });

  it('decodes its own leaves back to the entry', () => {
    for (const payload of [null, 0, 'text', [1, [2]], { nested: { deep: [null, false] } }, anEvidence().payload]) {
      const { entry, leaf } = encodeEvidence(sha256, anEvidence({ payload }));
      expect(decodeEvidenceLeaf(leaf)).toEqual(entry);
      expect(payloadMatchesHash(entry)).toBe(true);
    }
  });

  it('inlines a payload of exactly MAX_INLINE_PAYLOAD_BYTES and references a larger one by hash only', () => {
    const fits = 'x'.repeat(MAX_INLINE_PAYLOAD_BYTES - 2);
    expect(encodeEvidence(sha256, anEvidence({ payload: fits })).entry.payload).toBe(fits);
    const large = { blob: 'y'.repeat(MAX_INLINE_PAYLOAD_BYTES) };
    const { entry, leaf } = encodeEvidence(sha256, anEvidence({ payload: large }));
    expect(entry.payload).toBeNull();
    expect(entry.payloadHash).toBe(payloadHashOf(sha256, large));
    expect(leaf.length).toBeLessThan(MAX_INLINE_PAYLOAD_BYTES);
    expect(decodeEvidenceLeaf(leaf)).toEqual(entry);
    expect(payloadMatchesHash(entry)).toBe(true);
  });

  it('counts the inline limit in UTF-8 bytes, not characters', () => {
    const payload = '€'.repeat(2000); // 6002 bytes as JSON, 2002 characters
    expect(encodeEvidence(sha256, anEvidence({ payload })).entry.payload).toBeNull();
  });

  it('detects a payload that does not match its hash', () => {
    const { entry } = encodeEvidence(sha256, anEvidence());
    expect(payloadMatchesHash({ ...entry, payload: { reason: 'forged' } })).toBe(false);
    expect(payloadMatchesHash({ ...entry, payloadHash: 'md5:00' })).toBe(false);
    expect(payloadMatchesHash({ ...entry, payloadHash: entry.payloadHash.replace('sha256', 'sm3') })).toBe(false);
  });

  it('rejects input it cannot record, as a ledger.evidence-invalid domain error', () => {
    const bad: Array<Partial<EvidenceInput>> = [
      { payload: undefined },
      { payload: { n: NaN } },
      { payload: 1n },
      { at: '2025-01-02T03:04:05Z' },
      { at: '2025-01-02T03:04:05.678+01:00' },
      { at: '2025-02-30T00:00:00.000Z' },
      { actor: 7 as unknown as string },
      { subject: '\ud800' },
    ];
    for (const overrides of bad) {
      const error = (() => {
        try {
          encodeEvidence(sha256, anEvidence(overrides));
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(overrides, (_k, v: unknown) => (typeof v === 'bigint' ? 'bigint' : v))).toBeInstanceOf(EvidenceFormatError);
      expect((error as DomainError).code).toBe('ledger.evidence-invalid');
    }
  });

  describe('decoding is strict', () => {
    const { entry } = encodeEvidence(sha256, anEvidence());
    const leafOf = (value: unknown) => utf8(canonicalJson(value));

    it.each([
      ['invalid UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d)],
      ['not JSON', utf8('{"type":')],
      ['an array', leafOf([entry])],
      ['null', utf8('null')],
      ['a missing key', leafOf({ ...entry, actor: undefined })],
      ['an extra key', leafOf({ ...entry, extra: 1 })],
      ['a non-string type', leafOf({ ...entry, type: 1 })],
      ['a non-string payloadHash', leafOf({ ...entry, payloadHash: null })],
      ['a malformed payloadHash', leafOf({ ...entry, payloadHash: 'sha256:abc' })],
      ['an unknown hash algorithm', leafOf({ ...entry, payloadHash: `md5:${'0'.repeat(64)}` })],
      ['a malformed timestamp', leafOf({ ...entry, at: 'yesterday' })],
      ['an inline payload over the limit', leafOf({ ...entry, payload: 'z'.repeat(MAX_INLINE_PAYLOAD_BYTES) })],
      ['whitespace', utf8(JSON.stringify(entry, null, 1))],
      ['unsorted keys', utf8(JSON.stringify({ type: entry.type, actor: entry.actor, at: entry.at, payload: entry.payload, payloadHash: entry.payloadHash, subject: entry.subject }))],
      ['a duplicate key', utf8(canonicalJson(entry).replace('{"actor":', '{"actor":"x","actor":'))],
      ['a non-canonical number', utf8(canonicalJson({ ...entry, payload: 1 }).replace('"payload":1', '"payload":1.0'))],
      ['a byte order mark', Uint8Array.of(0xef, 0xbb, 0xbf, ...leafOf(entry))],
      ['an escaped lone surrogate', utf8(canonicalJson({ ...entry, payload: 'x' }).replace('"payload":"x"', '"payload":"\\ud800"'))],
    ])('rejects a leaf with %s', (_name, leaf) => {
      expect(() => decodeEvidenceLeaf(leaf)).toThrow(EvidenceFormatError);
    });
  });
});
