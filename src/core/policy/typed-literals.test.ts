import { describe, expect, it } from 'vitest';
import { evaluate } from './policy-evaluator.js';
import { parsePolicy } from './odrl-parse.js';
import { withTypedLiterals } from './typed-literals.js';

const offer = (rightOperand: unknown) => ({ '@id': 'urn:o', '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand }] }] });

describe('withTypedLiterals', () => {
  it('writes bare numbers and booleans as typed literals, in lists too, and leaves strings and objects alone', () => {
    expect(withTypedLiterals(offer(2)).permission[0]!.constraint[0]!.rightOperand).toEqual({ '@value': '2', '@type': 'xsd:integer' });
    expect(withTypedLiterals(offer(2.5)).permission[0]!.constraint[0]!.rightOperand).toEqual({ '@value': '2.5', '@type': 'xsd:decimal' });
    expect(withTypedLiterals(offer([1, 'a', true])).permission[0]!.constraint[0]!.rightOperand).toEqual([{ '@value': '1', '@type': 'xsd:integer' }, 'a', { '@value': 'true', '@type': 'xsd:boolean' }]);
    expect(withTypedLiterals(offer('P30D'))).toEqual(offer('P30D'));
    expect(withTypedLiterals(offer({ '@id': 'CN' }))).toEqual(offer({ '@id': 'CN' }));
  });

  it('decides the same as the bare form', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const subject = { participantId: 'p', admitted: true, roles: [], industries: [] };
    for (const used of [0, 1, 2]) {
      const decide = (json: unknown) => {
        const parsed = parsePolicy(json);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        return evaluate(parsed.policy, { action: 'use' }, { now, subject, usage: { count: used } }).permitted;
      };
      expect(decide(withTypedLiterals(offer(2)))).toBe(decide(offer(2)));
    }
  });
});
