import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/index.js';
import { rowFilterColumns, sandboxTermsOf } from './sandbox-terms.js';
import { strictestRules, type ReleaseRules } from './sandbox-grant.js';

const policyWith = (constraint: Array<Record<string, unknown>>) => {
  const parsed = parsePolicy({ '@context': 'http://www.w3.org/ns/odrl.jsonld', '@type': 'Offer', uid: 'urn:x', permission: [{ action: 'aggregate', constraint }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
};

describe('sandbox terms of a policy', () => {
  it('reads k, the ε budget, the review and the visible fields and rows', () => {
    const terms = sandboxTermsOf(
      policyWith([
        { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: { '@value': '10', '@type': 'xsd:integer' } },
        { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: { '@value': '2.5', '@type': 'xsd:decimal' } },
        { leftOperand: 'tds:resultReview', operator: 'eq', rightOperand: 'manual' },
        { leftOperand: 'tds:fields', operator: 'isAnyOf', rightOperand: ['行业代码', '用电量'] },
        { leftOperand: 'tds:rowFilter', operator: 'isAnyOf', rightOperand: ['行政区划代码=410102', '行政区划代码=410103'] },
      ]),
    );
    expect(terms).toEqual({ k: 10, budget: 2.5, review: 'manual', fields: ['行业代码', '用电量'], rowFilter: ['行政区划代码=410102', '行政区划代码=410103'] });
    expect(rowFilterColumns(terms.rowFilter!)).toEqual(new Map([['行政区划代码', ['410102', '410103']]]));
  });

  it('reads k from a strict lower bound as the next integer', () => {
    expect(sandboxTermsOf(policyWith([{ leftOperand: 'tds:kAnonymity', operator: 'gt', rightOperand: { '@value': '9', '@type': 'xsd:integer' } }])).k).toBe(10);
  });
});

describe('the strictest of several agreements’ rules', () => {
  const rules = (overrides: Partial<ReleaseRules>): ReleaseRules => ({ aggregateOnly: false, k: 1, maxRows: 10_000, review: 'auto', maxConditions: 12, ...overrides });

  it('takes the larger k, aggregation, manual review, the smaller budget and row cap', () => {
    expect(
      strictestRules([
        rules({ k: 5, differentialPrivacy: { mechanism: 'laplace', budget: 3, delta: 1e-6 } }),
        rules({ k: 10, aggregateOnly: true, review: 'manual', maxRows: 100, differentialPrivacy: { mechanism: 'gaussian', budget: 1, delta: 1e-5 } }),
      ]),
    ).toEqual({ aggregateOnly: true, k: 10, maxRows: 100, review: 'manual', maxConditions: 12, differentialPrivacy: { mechanism: 'gaussian', budget: 1, delta: 1e-6 } });
  });
});
