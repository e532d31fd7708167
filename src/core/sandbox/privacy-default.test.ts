import { describe, expect, it } from 'vitest';
import { aboutPersonsOrEnterprises, privacyRulesOf } from './privacy-default.js';

describe('privacy by default (ADR 0011)', () => {
  it('knows records about enterprises or persons from the dictionary: an identifier concept or personal information', () => {
    expect(aboutPersonsOrEnterprises([{ name: '统一社会信用代码', type: 'string', concept: 'tds:uscc' }])).toBe(true);
    expect(aboutPersonsOrEnterprises([{ name: '手机', type: 'string', pii: { kind: 'phone', sensitive: false } }])).toBe(true);
    expect(aboutPersonsOrEnterprises([{ name: '行政区划代码', type: 'string' }, { name: '用电量', type: 'number' }])).toBe(false);
  });

  it('puts such records under differential privacy with a budget of 10 unless the policy says otherwise', () => {
    expect(privacyRulesOf({}, true)).toEqual({ differentialPrivacy: { mechanism: 'laplace', budget: 10, delta: 1e-6 } });
    expect(privacyRulesOf({ budget: 2, mechanism: 'gaussian' }, true)).toEqual({ differentialPrivacy: { mechanism: 'gaussian', budget: 2, delta: 1e-6 } });
    expect(privacyRulesOf({ budget: 3 }, false).differentialPrivacy?.budget).toBe(3);
  });

  it('keeps exact answers only when the provider chose them, or the data is about no one, and then audits the query set', () => {
    expect(privacyRulesOf({ mechanism: 'exact' }, true)).toEqual({ querySetAudit: true });
    expect(privacyRulesOf({}, false)).toEqual({ querySetAudit: true });
  });
});
