import { describe, expect, it } from 'vitest';
import { offerChannels, offerTerms } from './offer-terms.js';

const constraint = (leftOperand: string, operator: string, rightOperand: unknown) => ({ leftOperand, operator, rightOperand });

describe('the terms an offer is published under', () => {
  it('limits a policy that names no channel to the offer’s access mode, so a sandbox offer never allows a download', () => {
    const terms = offerTerms('electricity', { id: 'sandbox', accessMode: 'sandbox' }, '/offers/0');
    expect(terms).toMatchObject({ ok: true, channels: ['sandbox'] });
    if (!terms.ok) return;
    expect(terms.policy).toMatchObject({ '@id': 'urn:tds:offer:electricity:sandbox', permission: [{ action: 'use', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' }] }] });
    expect(offerChannels({ policy: terms.policy })).toEqual(['sandbox']);
  });

  it('keeps a policy that names channels when it allows the access mode, and refuses it when it does not', () => {
    const policy = { '@id': 'urn:o', '@type': 'Offer', permission: [{ action: 'use', constraint: [constraint('deliveryChannel', 'isAnyOf', ['download', 'sandbox'])] }] };
    expect(offerTerms('a', { id: 'o', accessMode: 'download', policy }, '/offers/0')).toMatchObject({ ok: true, channels: ['download', 'sandbox'] });
    expect(offerTerms('a', { id: 'o', accessMode: 'api', policy }, '/offers/1')).toMatchObject({ ok: false, code: 'policy.channel-mismatch', problems: [{ pointer: '/offers/1/accessMode' }] });
  });

  it('refuses payAmount, meteredTime and an unknown operand, pointing at each, and an unreadable policy', () => {
    const policy = {
      '@id': 'urn:o',
      '@type': 'Offer',
      permission: [{ action: 'use', constraint: [constraint('payAmount', 'gteq', { '@value': '100', '@type': 'xsd:decimal' }), { or: [constraint('meteredTime', 'lteq', 'PT1H'), constraint('partner', 'eq', 'gold')] }] }],
    };
    const terms = offerTerms('a', { id: 'o', accessMode: 'download', policy }, '/offers/0');
    expect(terms).toMatchObject({
      ok: false,
      code: 'policy.operand-unsupported',
      problems: [
        { pointer: '/offers/0/policy/permission/0/constraint/0/leftOperand', detail: expect.stringMatching(/^payAmount: /) },
        { pointer: '/offers/0/policy/permission/0/constraint/1/or/0/leftOperand', detail: expect.stringMatching(/^meteredTime: /) },
        { pointer: '/offers/0/policy/permission/0/constraint/1/or/1/leftOperand', detail: expect.stringMatching(/^partner: /) },
      ],
    });
    expect(offerTerms('a', { id: 'o', accessMode: 'download', policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'term-lteq', rightOperand: 1 }] }] } }, '/offers/0')).toMatchObject({ ok: false, code: 'policy.invalid', problems: [{ pointer: expect.stringMatching(/^\/offers\/0\/policy\/permission\/0\/constraint\/0/) }] });
  });
});
