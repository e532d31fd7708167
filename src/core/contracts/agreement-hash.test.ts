import { describe, expect, it } from 'vitest';
import { agreementHash } from './agreement-hash.js';

/** A compacted ODRL Agreement; override what the test is about. */
function anAgreementJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@id': 'urn:uuid:agreement-1',
    '@type': 'Agreement',
    target: 'urn:tds:henan:p_grid01:dataset:load-curves',
    assigner: 'did:web:grid.example.cn',
    assignee: 'did:web:bank.example.cn',
    timestamp: '2026-03-01T08:00:00Z',
    permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: 2 }] }],
    ...overrides,
  };
}

/** The same members in reverse order, recursively. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
}

describe('agreementHash', () => {
  it('is sha256:<64 hex digits> by default', () => {
    expect(agreementHash(anAgreementJson())).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is the same whatever the order of members, at every depth', () => {
    const agreement = anAgreementJson();
    expect(Object.keys(reversed(agreement) as object)[0]).toBe('permission');
    expect(agreementHash(reversed(agreement) as Record<string, unknown>)).toBe(agreementHash(agreement));
  });

  it('differs when any term changes', () => {
    const base = agreementHash(anAgreementJson());
    const changes: Array<Record<string, unknown>> = [
      { '@id': 'urn:uuid:agreement-2' },
      { target: 'urn:tds:other' },
      { assigner: 'did:web:other.example.cn' },
      { assignee: 'did:web:other.example.cn' },
      { timestamp: '2026-03-01T08:00:01Z' },
      { permission: [{ action: 'read', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: 2 }] }] },
      { permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: 3 }] }] },
      { permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lt', rightOperand: 2 }] }] },
      { permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: '2' }] }] },
      { prohibition: [{ action: 'distribute' }] },
    ];
    const hashes = changes.map((change) => agreementHash(anAgreementJson(change)));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(changes.length);
  });

  it('hashes with SM3 when asked, to a different sm3:<64 hex digits> value', () => {
    const sm3 = agreementHash(anAgreementJson(), 'sm3');
    expect(sm3).toMatch(/^sm3:[0-9a-f]{64}$/);
    expect(sm3.slice(4)).not.toBe(agreementHash(anAgreementJson()).slice(7));
    expect(agreementHash(reversed(anAgreementJson()) as Record<string, unknown>, 'sm3')).toBe(sm3);
  });
});
