import { describe, expect, it } from 'vitest';
import { allowedPurposes, usageLimits } from './policy-constraints';

const offer = (constraint: unknown[]) => ({ '@type': 'Offer', permission: [{ action: 'use', constraint }] });

describe('policy constraints shown by the console', () => {
  it('reads the purposes an offer allows, in short or prefixed form', () => {
    expect(allowedPurposes(offer([{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'credit-risk-assessment' }]))).toEqual(['credit-risk-assessment']);
    expect(allowedPurposes(offer([{ leftOperand: 'odrl:purpose', operator: { '@id': 'odrl:isAnyOf' }, rightOperand: ['a', { '@value': 'b' }] }]))).toEqual(['a', 'b']);
    expect(allowedPurposes(offer([{ leftOperand: 'count', operator: 'lteq', rightOperand: 2 }]))).toEqual([]);
    expect(allowedPurposes(undefined)).toEqual([]);
  });

  it('reads the count and the time window, inside logical constraints too', () => {
    expect(usageLimits(offer([{ leftOperand: 'count', operator: 'lteq', rightOperand: 2 }]))).toEqual({ count: 2 });
    expect(usageLimits(offer([{ leftOperand: 'http://www.w3.org/ns/odrl/2/count', operator: 'lt', rightOperand: { '@value': '5' } }]))).toEqual({ count: 4 });
    const window = offer([{ and: [{ leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': '2030-01-01T00:00:00Z', '@type': 'xsd:dateTime' } }, { leftOperand: 'dateTime', operator: 'gteq', rightOperand: '2024-01-01T00:00:00Z' }] }]);
    expect(usageLimits(window)).toEqual({ until: '2030-01-01T00:00:00Z', from: '2024-01-01T00:00:00Z' });
    expect(usageLimits(offer([]))).toEqual({});
  });
});
