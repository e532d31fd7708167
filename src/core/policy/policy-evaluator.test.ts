import { describe, expect, it } from 'vitest';
import { aConstraint, aContext, anOfferJson, aRequest, aSubject, ASSET, offerWith, policyOf, SIGNED_AT } from './fixtures/policy-fixtures.js';
import { evaluate } from './policy-evaluator.js';
import { failedConstraints } from './policy-decision.js';
import type { PolicyContext, PolicyRequest } from './policy-request.js';

const permitted = (constraint: unknown, request: Partial<PolicyRequest> = {}, context: Partial<PolicyContext> = {}) =>
  evaluate(offerWith(constraint), aRequest(request), aContext(context)).permitted;

describe('the five control factors of usage control, and payment', () => {
  it('time: dateTime windows, elapsed time and delay since the agreement, metered time', () => {
    expect(permitted({ and: [aConstraint('dateTime', 'gteq', '2025-06-01'), aConstraint('dateTime', 'lt', '2025-07-01')] })).toBe(true);
    expect(permitted(aConstraint('dateTime', 'lteq', '2025-06-14+08:00'))).toBe(false);
    expect(permitted(aConstraint('elapsedTime', 'lteq', 'P30D'))).toBe(true);
    expect(permitted(aConstraint('elapsedTime', 'lteq', 'P14D'))).toBe(false); // signed 1 June, now 15 June 04:00
    expect(permitted(aConstraint('delayPeriod', 'gteq', 'P7D'))).toBe(true);
    expect(permitted(aConstraint('meteredTime', 'lteq', 'PT1H'))).toBe(true);
    expect(permitted(aConstraint('meteredTime', 'lt', 'PT1H'))).toBe(false);
  });

  it('place: where the action happens (spatial, by region containment) and in which environment', () => {
    expect(permitted(aConstraint('spatial', 'isPartOf', 'CN'))).toBe(true);
    expect(permitted(aConstraint('spatial', 'isPartOf', '410000'))).toBe(true);
    expect(permitted(aConstraint('spatial', 'isPartOf', '410000'), { location: 'SG' })).toBe(false);
    expect(permitted(aConstraint('tds:deploymentEnvironment', 'eq', 'provider-sandbox'))).toBe(false);
    expect(permitted(aConstraint('tds:deploymentEnvironment', 'eq', 'provider-sandbox'), { environment: 'provider-sandbox' })).toBe(true);
  });

  it('subject: recipient, membership, role, industry, region, credential claims', () => {
    expect(permitted(aConstraint('recipient', 'eq', 'did:web:bank.example.cn'))).toBe(true);
    expect(permitted(aConstraint('recipient', 'isNoneOf', ['p_bank']))).toBe(false);
    expect(permitted(aConstraint('tds:membership', 'eq', 'member'))).toBe(true);
    expect(permitted(aConstraint('tds:membership', 'eq', 'member'), {}, { subject: aSubject({ admitted: false }) })).toBe(false);
    expect(permitted(aConstraint('tds:role', 'isAnyOf', ['provider', 'consumer']))).toBe(true);
    expect(permitted(aConstraint('tds:role', 'eq', 'provider'))).toBe(false);
    expect(permitted(aConstraint('industry', 'isA', 'J'))).toBe(true);
    expect(permitted(aConstraint('industry', 'isAnyOf', ['D', 'I']))).toBe(false);
    expect(permitted(aConstraint('tds:region', 'isPartOf', '410000'))).toBe(true);
    expect(permitted(aConstraint('tds:region', 'isPartOf', ['330000', '320000']))).toBe(false);
    expect(permitted(aConstraint('tds:credentialClaim', 'eq', 'gold', { 'tds:claim': 'partnerLevel' }))).toBe(true);
    expect(permitted(aConstraint('tds:credentialClaim', 'isAllOf', ['ISO27001', 'DSMM-3'], { 'tds:claim': 'certifications' }))).toBe(true);
    expect(permitted(aConstraint('tds:credentialClaim', 'eq', 'gold', { 'tds:claim': 'tier' }))).toBe(false);
  });

  it('behaviour: purpose, count of uses (this one included), delivery channel', () => {
    expect(permitted(aConstraint('purpose', 'isAnyOf', ['credit-risk', 'research']))).toBe(true);
    expect(permitted(aConstraint('purpose', 'eq', 'research'))).toBe(false);
    expect(permitted(aConstraint('count', 'lteq', 100), {}, { usage: { count: 99 } })).toBe(true);
    expect(permitted(aConstraint('count', 'lteq', 100), {}, { usage: { count: 100 } })).toBe(false);
    expect(permitted(aConstraint('deliveryChannel', 'eq', 'api'))).toBe(false);
    expect(permitted(aConstraint('deliveryChannel', 'isAnyOf', ['download', 'api']))).toBe(true);
  });

  it('object: the asset, the fields touched, the classification, the k-anonymity of a result', () => {
    expect(permitted(aConstraint('tds:asset', 'eq', ASSET))).toBe(true);
    expect(permitted(aConstraint('tds:fields', 'isPartOf', ['month', 'load_kwh', 'region']))).toBe(true);
    expect(permitted(aConstraint('tds:fields', 'isNoneOf', ['customer_name']), { fields: ['month', 'customer_name'] })).toBe(false);
    expect(permitted(aConstraint('tds:classification', 'lteq', 'general-3'))).toBe(true);
    expect(permitted(aConstraint('tds:classification', 'lteq', 'general-1'))).toBe(false);
    expect(permitted(aConstraint('tds:kAnonymity', 'gteq', 10))).toBe(true);
    expect(permitted(aConstraint('tds:kAnonymity', 'gteq', 10), { kAnonymity: 3 })).toBe(false);
  });

  it('payment: the amount paid in its currency, the price model', () => {
    expect(permitted(aConstraint('payAmount', 'gteq', 100, { unit: 'CNY' }))).toBe(true);
    expect(permitted(aConstraint('payAmount', 'gteq', 200, { unit: 'CNY' }))).toBe(false);
    const usd = evaluate(offerWith(aConstraint('payAmount', 'gteq', 1, { unit: 'USD' })), aRequest(), aContext());
    expect(failedConstraints(usd)[0]).toMatchObject({ reason: 'unit-mismatch', actual: 'CNY', unit: 'USD' });
    expect(permitted(aConstraint('tds:priceModel', 'isAnyOf', ['oneTime', 'subscription']))).toBe(true);
  });
});

describe('permissions, prohibitions and actions', () => {
  it('a permission to use covers read, aggregate, distribute (ODRL includedIn), but not transfer', () => {
    const policy = offerWith();
    for (const action of ['read', 'aggregate', 'anonymize', 'derive', 'distribute', 'http://www.w3.org/ns/odrl/2/display']) {
      expect(evaluate(policy, aRequest({ action }), aContext()).permitted, action).toBe(true);
    }
    expect(evaluate(policy, aRequest({ action: 'sell' }), aContext()).reason.code).toBe('no-permission-for-action');
  });

  it('a narrower permission does not cover a wider action', () => {
    const policy = policyOf(anOfferJson({ permission: [{ action: 'read' }] }));
    expect(evaluate(policy, aRequest({ action: 'use' }), aContext()).permitted).toBe(false);
    expect(evaluate(policy, aRequest({ action: 'distribute' }), aContext()).reason.code).toBe('no-permission-for-action');
  });

  it('a prohibition wins over a permission that holds', () => {
    const policy = policyOf(anOfferJson({ prohibition: [{ action: 'distribute', constraint: [aConstraint('spatial', 'isNoneOf', ['410000', '410105'])] }] }));
    expect(evaluate(policy, aRequest({ action: 'distribute', location: 'SG' }), aContext())).toMatchObject({
      permitted: false,
      reason: { code: 'prohibited', rule: { kind: 'prohibition', index: 0, pointer: '/prohibition/0' } },
    });
    expect(evaluate(policy, aRequest({ action: 'distribute', location: '410105' }), aContext()).permitted).toBe(true);
    expect(evaluate(policy, aRequest({ action: 'read', location: 'SG' }), aContext()).permitted).toBe(true);
  });

  it('a prohibition applies when its condition cannot be ruled out (fail closed both ways)', () => {
    const policy = policyOf(anOfferJson({ prohibition: [{ action: 'use', constraint: [aConstraint('recipient', 'isAnyOf', ['p_rival'])] }, { action: 'use', constraint: [aConstraint('purpose', 'eq', 'marketing')] }] }));
    const decision = evaluate(policy, aRequest({ purpose: undefined }), aContext());
    expect(decision.reason).toMatchObject({ code: 'prohibited', rule: { pointer: '/prohibition/1' } });
    expect(failedConstraints(decision)).toMatchObject([{ pointer: '/prohibition/1/constraint/0', result: 'unknown', reason: 'unknown-left-operand-value' }]);
  });

  it('tries permissions in order and answers with the first whose constraints hold', () => {
    const policy = policyOf(anOfferJson({ permission: [{ action: 'use', constraint: [aConstraint('purpose', 'eq', 'research')] }, { '@id': 'urn:rule:b', action: 'read' }] }));
    expect(evaluate(policy, aRequest(), aContext()).reason.rule).toEqual({ kind: 'permission', index: 1, uid: 'urn:rule:b', pointer: '/permission/1' });
  });

  it('a rule for another target, or assigned to another party, does not govern the request', () => {
    const agreement = policyOf(anOfferJson({ '@type': 'Agreement', assignee: 'p_other', assigner: 'p_grid' }));
    const decision = evaluate(agreement, aRequest(), aContext());
    expect(decision.reason.code).toBe('no-permission-for-action');
    expect(decision.reason.rules[0]).toMatchObject({ applicable: false, notApplicable: 'assignee' });
    expect(evaluate(policyOf(anOfferJson({ assignee: 'did:web:bank.example.cn' })), aRequest(), aContext()).permitted).toBe(true);
    expect(evaluate(offerWith(), aRequest({ target: 'urn:other' }), aContext()).reason.rules[0]?.notApplicable).toBe('target');
    expect(evaluate(offerWith(), aRequest({ target: undefined }), aContext()).permitted).toBe(true);
  });
});

describe('fail closed and explanations', () => {
  it('a constraint on a value the context does not have fails with unknown-left-operand-value', () => {
    const decision = evaluate(offerWith(aConstraint('count', 'lteq', 5)), aRequest(), aContext({ usage: undefined }));
    expect(decision).toMatchObject({ permitted: false, reason: { code: 'constraints-not-satisfied' } });
    expect(failedConstraints(decision)).toMatchObject([{ pointer: '/permission/0/constraint/0', result: 'unknown', reason: 'unknown-left-operand-value', factor: 'behaviour' }]);
    expect(permitted(aConstraint('elapsedTime', 'lteq', 'P30D'), {}, { agreement: undefined })).toBe(false);
    expect(permitted(aConstraint('tds:region', 'eq', '410105'), {}, { subject: aSubject({ region: undefined }) })).toBe(false);
  });

  it('a left operand we do not know never holds, even under neq', () => {
    const decision = evaluate(offerWith(aConstraint('partner', 'neq', 'bronze')), aRequest(), aContext());
    expect(failedConstraints(decision)).toMatchObject([{ result: 'unknown', reason: 'unsupported-left-operand' }]);
  });

  it('says which constraint failed, what it expected and what it found', () => {
    const decision = evaluate(offerWith(aConstraint('purpose', 'eq', 'credit-risk'), { or: [aConstraint('spatial', 'eq', '330000'), aConstraint('count', 'lt', 2)] }), aRequest(), aContext({ usage: { count: 4 } }));
    expect(failedConstraints(decision)).toEqual([
      expect.objectContaining({ pointer: '/permission/0/constraint/1/or/0', leftOperand: 'spatial', operator: 'eq', expected: '330000', actual: '410105', reason: 'not-satisfied', factor: 'place' }),
      expect.objectContaining({ pointer: '/permission/0/constraint/1/or/1', leftOperand: 'count', expected: 2, actual: 5, reason: 'not-satisfied' }),
    ]);
  });
});

describe('stages: one evaluator for catalog, negotiation and access', () => {
  const policy = offerWith(aConstraint('tds:membership', 'eq', 'member'), aConstraint('purpose', 'eq', 'credit-risk'), aConstraint('count', 'lteq', 100));

  it('the catalog checks who asks and defers the rest', () => {
    const decision = evaluate(policy, aRequest({ purpose: undefined }), aContext({ stage: 'catalog', usage: undefined }));
    expect(decision).toMatchObject({ permitted: true, reason: { stage: 'catalog' } });
    expect(decision.reason.rules[0]?.constraints.map((c) => c.result)).toEqual(['true', 'deferred', 'deferred']);
    expect(evaluate(policy, aRequest(), aContext({ stage: 'catalog', subject: aSubject({ admitted: false }) })).permitted).toBe(false);
  });

  it('negotiation adds the purpose; access checks everything', () => {
    expect(evaluate(policy, aRequest({ purpose: 'marketing' }), aContext({ stage: 'negotiation', usage: undefined })).permitted).toBe(false);
    expect(evaluate(policy, aRequest(), aContext({ stage: 'negotiation', usage: undefined })).permitted).toBe(true);
    expect(evaluate(policy, aRequest(), aContext({ usage: undefined })).permitted).toBe(false);
  });
});

describe('duties of a permitted decision', () => {
  it('returns the matched permission’s duties and the policy’s obligations, due from the agreement', () => {
    const policy = policyOf(
      anOfferJson({
        permission: [{ action: 'use', duty: [{ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }, { action: 'inform' }] }],
        obligation: [{ action: 'compensate', constraint: [aConstraint('dateTime', 'lteq', '2025-06-30T00:00:00Z')] }],
      }),
    );
    const decision = evaluate(policy, aRequest(), aContext({ agreement: { signedAt: SIGNED_AT } }));
    expect(decision.duties).toMatchObject([
      { pointer: '/permission/0/duty/0', action: 'delete', trigger: 'at-time', dueAt: new Date('2025-07-01T00:00:00Z') },
      { pointer: '/permission/0/duty/1', action: 'inform', trigger: 'on-use', window: 'P1D' },
      { pointer: '/obligation/0', action: 'compensate', trigger: 'at-time', dueAt: new Date('2025-06-30T00:00:00Z') },
    ]);
    expect(evaluate(policy, aRequest({ action: 'transfer' }), aContext()).duties).toEqual([]);
  });
});
