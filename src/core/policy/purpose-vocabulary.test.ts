import { describe, expect, it } from 'vitest';
import { parsePolicy } from './odrl-parse.js';
import { evaluate } from './policy-evaluator.js';
import { sandboxAggregateOffer } from './policy-templates.js';
import { purposeLabel, purposeNamespace, purposeTerm, purposeVocabulary } from './purpose-vocabulary.js';
import { policyToJson } from './odrl-serialize.js';
import { aContext, aRequest } from './fixtures/policy-fixtures.js';

describe('the purpose vocabulary', () => {
  it('has unique ids, each with a zh-CN and an English label', () => {
    expect(new Set(purposeVocabulary.map((p) => p.id)).size).toBe(purposeVocabulary.length);
    expect(purposeVocabulary.length).toBeGreaterThanOrEqual(12);
    for (const p of purposeVocabulary) {
      expect(p.label['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(p.label.en).toMatch(/^[A-Z]/);
      expect(p.iri).toBe(`${purposeNamespace}${p.id}`);
    }
  });

  it("keeps the demo's purpose: credit-risk-assessment is a term, read by id or IRI", () => {
    expect(purposeTerm('credit-risk-assessment')?.label['zh-CN']).toBe('信用风险评估');
    expect(purposeTerm(`${purposeNamespace}credit-risk-assessment`)?.id).toBe('credit-risk-assessment');
  });

  it('shows a free-text purpose written through the API as written', () => {
    expect(purposeTerm('贷后管理')).toBeUndefined();
    expect(purposeLabel('贷后管理', 'en')).toBe('贷后管理');
    expect(purposeLabel('marketing', 'zh-CN')).toBe('市场营销');
  });

  it('gives right operands an offer parses and evaluates: a vocabulary purpose is permitted, another refused', () => {
    const json = policyToJson(sandboxAggregateOffer({ uid: 'urn:offer:s', purposes: ['credit-risk-assessment', 'free text purpose'], k: 10 }));
    const parsed = parsePolicy(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ask = (purpose: string) => evaluate(parsed.policy, aRequest({ action: 'aggregate', purpose }), aContext({ stage: 'negotiation' })).permitted;
    expect(ask('credit-risk-assessment')).toBe(true);
    expect(ask('free text purpose')).toBe(true);
    expect(ask('marketing')).toBe(false);
  });
});
