import { describe, expect, it } from 'vitest';
import { purposeLabel } from './purpose-label';

const vocabulary = {
  purposes: [{ id: 'credit-risk-assessment', iri: 'https://w3id.org/trustspace/purpose#credit-risk-assessment', label: { 'zh-CN': '信用风险评估', en: 'Credit risk assessment' } }],
};

describe('purposeLabel', () => {
  it('names a vocabulary purpose by its label in the console language, by id or by IRI', () => {
    expect(purposeLabel('credit-risk-assessment', 'zh-CN', vocabulary)).toBe('信用风险评估');
    expect(purposeLabel('https://w3id.org/trustspace/purpose#credit-risk-assessment', 'en', vocabulary)).toBe('Credit risk assessment');
  });

  it('shows a free-text purpose as written, and the id itself until the vocabulary has loaded', () => {
    expect(purposeLabel('贷后管理', 'zh-CN', vocabulary)).toBe('贷后管理');
    expect(purposeLabel('credit-risk-assessment', 'en', undefined)).toBe('credit-risk-assessment');
    expect(purposeLabel(undefined, 'en', vocabulary)).toBeUndefined();
  });
});
