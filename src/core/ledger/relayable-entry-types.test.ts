import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { relayRuleOf } from './relayable-entry-types.js';

describe('the relay registry', () => {
  it('accepts an algorithm registration as the connector writes it, with its numeric version and entity declaration', () => {
    const rule = relayRuleOf('sandbox.algorithm.registered')!;
    const payload = { name: 'credit-score', version: 3, sqlSha256: 'a'.repeat(64), release: { k: 1 }, parameters: ['applicants'], entities: { parameter: 'applicants', column: '统一社会信用代码' } };
    expect([...Value.Errors(rule.payload, payload)]).toEqual([]);
    expect(Value.Check(rule.payload, { ...payload, version: '3' })).toBe(false);
  });

  it('relays no operator-only type', () => {
    expect(relayRuleOf('participant.approved')).toBeUndefined();
    expect(relayRuleOf('account.user-created')).toBeUndefined();
  });
});
