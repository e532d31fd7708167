import { describe, expect, it } from 'vitest';
import { aContext, aRequest } from './fixtures/policy-fixtures.js';
import { controlFactors, leftOperand, leftOperands, leftOperandsOf } from './left-operands.js';
import type { AtomicConstraint } from './odrl-policy.js';
import { valueTypes } from './typed-values.js';

describe('the supported left operands', () => {
  it('cover every control factor of usage control, and payment', () => {
    const names = Object.fromEntries(controlFactors.map((f) => [f, leftOperandsOf(f).map((d) => d.name)]));
    expect(names).toEqual({
      time: ['dateTime', 'elapsedTime', 'delayPeriod', 'meteredTime'],
      place: ['spatial', 'tds:deploymentEnvironment'],
      subject: ['recipient', 'tds:membership', 'tds:role', 'industry', 'tds:region', 'tds:credentialClaim'],
      behaviour: ['purpose', 'count', 'deliveryChannel', 'unitOfCount', 'tds:resultReview'],
      object: ['tds:asset', 'tds:fields', 'tds:classification', 'tds:kAnonymity', 'tds:privacyBudget', 'tds:privacyMechanism', 'tds:rowFilter'],
      payment: ['payAmount', 'tds:priceModel'],
    });
  });

  it('use ODRL’s names unprefixed and ours in the tds namespace, each with a value type, a stage and a bilingual title', () => {
    for (const def of leftOperands) {
      expect(valueTypes).toContain(def.valueType);
      expect(def.title['zh-CN'] && def.title.en, def.name).toBeTruthy();
      expect(['catalog', 'negotiation', 'access']).toContain(def.stage);
    }
    expect(leftOperand('elapsedTime')).toMatchObject({ valueType: 'duration', cardinality: 'one', factor: 'time' });
    expect(leftOperand('industry')).toMatchObject({ valueType: 'industry', cardinality: 'set' });
    expect(leftOperand('partner')).toBeUndefined();
  });

  it('resolve from the request and the context, and to undefined when the value is missing', () => {
    const resolve = (name: string, claim?: string, context = aContext()) => {
      const constraint: AtomicConstraint = { kind: 'atomic', leftOperand: name, operator: 'eq', rightOperand: { value: 'x' }, ...(claim ? { claim } : {}) };
      return leftOperand(name)!.resolve(aRequest(), context, constraint);
    };
    expect(resolve('recipient')).toEqual(['p_bank', 'did:web:bank.example.cn']);
    expect(resolve('count')).toBe(1);
    expect(resolve('tds:classification')).toBe('general-2');
    expect(resolve('elapsedTime')).toEqual({ from: new Date('2025-06-01T00:00:00Z'), to: new Date('2025-06-15T04:00:00Z') });
    expect(resolve('tds:credentialClaim', 'certifications')).toEqual(['ISO27001', 'DSMM-3']);
    expect(resolve('tds:credentialClaim', 'absent')).toBeUndefined();
    expect(resolve('elapsedTime', undefined, aContext({ agreement: undefined }))).toBeUndefined();
    expect(resolve('tds:membership', undefined, aContext({ subject: { ...aContext().subject, admitted: false } }))).toBe('applicant');
  });
});
