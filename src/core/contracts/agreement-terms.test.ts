import { describe, expect, it } from 'vitest';
import { aConstraint, anOfferJson, policyOf } from '../policy/fixtures/policy-fixtures.js';
import { policyToJson } from '../policy/index.js';
import { agreementFromOffer, sameTerms, termsOf } from './agreement-terms.js';

const PROVIDER = 'did:web:grid.example.cn';
const CONSUMER = 'did:web:bank.example.cn';
const DATASET = 'urn:tds:henan:p_grid01:dataset:load-curves';

const anOffer = (overrides: Record<string, unknown> = {}, constraints: unknown[] = [aConstraint('purpose', 'eq', 'credit-risk')]) =>
  policyOf(anOfferJson(overrides, constraints));

describe('termsOf and sameTerms', () => {
  it('ignore what names or places a policy: @id, @type, target, parties and timestamp', () => {
    const offer = anOffer();
    const agreement = anOffer({
      '@id': 'urn:uuid:agreement-9',
      '@type': 'Agreement',
      target: 'urn:tds:elsewhere',
      assigner: PROVIDER,
      assignee: CONSUMER,
      timestamp: '2026-03-01T08:00:00Z',
    });
    expect(termsOf(agreement)).toBe(termsOf(offer));
    expect(sameTerms(offer, agreement)).toBe(true);
  });

  it('keep the rules: the terms name the permission and its constraint', () => {
    const terms = JSON.parse(termsOf(anOffer())) as Record<string, unknown>;
    expect(terms).toEqual({ permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'credit-risk' }] }] });
  });

  it('differ when a constraint value differs', () => {
    expect(sameTerms(anOffer(), anOffer({}, [aConstraint('purpose', 'eq', 'marketing')]))).toBe(false);
  });

  it('differ when an operator, an action or a rule differs', () => {
    expect(sameTerms(anOffer(), anOffer({}, [aConstraint('purpose', 'neq', 'credit-risk')]))).toBe(false);
    expect(sameTerms(anOffer(), anOffer({ permission: [{ action: 'read', constraint: [aConstraint('purpose', 'eq', 'credit-risk')] }] }))).toBe(false);
    expect(sameTerms(anOffer(), anOffer({ prohibition: [{ action: 'distribute' }] }))).toBe(false);
    expect(sameTerms(anOffer(), anOffer({}, []))).toBe(false);
  });
});

describe('agreementFromOffer', () => {
  const input = { id: 'urn:uuid:agreement-1', target: DATASET, assigner: PROVIDER, assignee: CONSUMER, timestamp: '2026-03-01T08:00:00Z' };

  it('binds the offer to its id, dataset, parties and time as an Agreement', () => {
    const agreement = agreementFromOffer(anOffer({ target: 'urn:tds:offer-target' }), input);
    expect(agreement).toMatchObject({ uid: input.id, type: 'Agreement', target: DATASET, assigner: PROVIDER, assignee: CONSUMER, timestamp: input.timestamp });
  });

  it('keeps the offer’s rules unchanged', () => {
    const offer = anOffer({ prohibition: [{ action: 'distribute' }], obligation: [{ action: 'delete' }] });
    const agreement = agreementFromOffer(offer, input);
    expect(agreement.permissions).toEqual(offer.permissions);
    expect(agreement.prohibitions).toEqual(offer.prohibitions);
    expect(agreement.obligations).toEqual(offer.obligations);
    expect(sameTerms(agreement, offer)).toBe(true);
  });

  it('overrides parties the offer already named, and leaves the offer itself alone', () => {
    const offer = anOffer({ assigner: 'did:web:someone.example.cn', assignee: 'did:web:anyone.example.cn' });
    const before = policyToJson(offer);
    const agreement = agreementFromOffer(offer, input);
    expect([agreement.assigner, agreement.assignee]).toEqual([PROVIDER, CONSUMER]);
    expect(policyToJson(offer)).toEqual(before);
  });

  it('writes back as a DSP Agreement that parses again with the same terms', () => {
    const json = policyToJson(agreementFromOffer(anOffer(), input));
    expect(json).toMatchObject({ '@id': input.id, '@type': 'Agreement', target: DATASET, assigner: PROVIDER, assignee: CONSUMER, timestamp: input.timestamp });
    expect(sameTerms(policyOf(json), anOffer())).toBe(true);
  });
});
