import { describe, expect, it } from 'vitest';
import { describeDecision } from './decision-messages.js';
import { aConstraint, aContext, anOfferJson, aRequest, offerWith, policyOf } from './fixtures/policy-fixtures.js';
import { evaluate } from './policy-evaluator.js';

describe('describeDecision', () => {
  it('explains a refusal by the constraint that failed, in Chinese and English', () => {
    const decision = evaluate(offerWith(aConstraint('purpose', 'eq', 'research')), aRequest(), aContext());
    expect(describeDecision(decision, 'zh-CN')).toEqual({
      summary: '拒绝：覆盖动作“读取”的许可均有条件不满足',
      details: ['/permission/0/constraint/0：使用目的 (purpose) 须等于 research，实际为 credit-risk'],
    });
    expect(describeDecision(decision, 'en')).toEqual({
      summary: "Denied: every permission covering 'read' has a constraint that does not hold",
      details: ['/permission/0/constraint/0: the purpose (purpose) must equal research; it is credit-risk'],
    });
  });

  it('names the prohibition that refused and what made it apply', () => {
    const policy = policyOf(anOfferJson({ prohibition: [{ '@id': 'urn:rule:no-export', action: 'distribute', constraint: [aConstraint('spatial', 'isNoneOf', ['CN'])] }] }));
    const decision = evaluate(policy, aRequest({ action: 'distribute', location: 'SG' }), aContext());
    expect(describeDecision(decision, 'en')).toEqual({
      summary: 'Denied: prohibition /prohibition/0 (urn:rule:no-export) applies (prohibitions win)',
      details: ['/prohibition/0/constraint/0: the place of use (spatial) must be none of [CN], and does (SG)'],
    });
    expect(describeDecision(decision, 'zh-CN').summary).toBe('拒绝：禁止 /prohibition/0 (urn:rule:no-export) 适用（禁止优先）');
  });

  it('says when a value is unknown or a left operand unsupported, and that it counts against the request', () => {
    const decision = evaluate(offerWith(aConstraint('count', 'lteq', 5), aConstraint('partner', 'eq', 'gold')), aRequest(), aContext({ usage: undefined }));
    expect(describeDecision(decision, 'en').details).toEqual([
      '/permission/0/constraint/0: the number of uses (count) is not known, so it counts against the request (fail closed)',
      '/permission/0/constraint/1: the left operand partner is not supported, so it counts against the request',
    ]);
    expect(describeDecision(decision, 'zh-CN').details[0]).toBe('/permission/0/constraint/0：使用次数 (count) 的取值未知，按不利于请求方处理');
  });

  it('explains a permission with what is left to later stages, and the duties', () => {
    const policy = policyOf(anOfferJson({ permission: [{ action: 'use', constraint: [aConstraint('count', 'lteq', 5)], duty: [{ action: 'inform' }] }] }));
    const decision = evaluate(policy, aRequest(), aContext({ stage: 'catalog' }));
    expect(describeDecision(decision, 'zh-CN')).toEqual({
      summary: '允许：许可 /permission/0 适用，其条件均满足',
      details: ['/permission/0/constraint/0：使用次数 (count) 将在数据访问时检查', '须履行义务：每次使用后 P1D 内通知'],
    });
    expect(describeDecision(decision, 'en').details).toEqual(['/permission/0/constraint/0: the number of uses (count) is checked at data access', 'Duty: notify within P1D of each use']);
  });

  it('says why no permission applied: another action, target or assignee', () => {
    const policy = policyOf(anOfferJson({ '@type': 'Agreement', assigner: 'p_grid', assignee: 'p_other' }));
    expect(describeDecision(evaluate(policy, aRequest(), aContext()), 'en')).toEqual({
      summary: "Denied: no permission covers the action 'read'",
      details: ['permission /permission/0 does not apply: its assignee is another party'],
    });
  });
});

describe('describeDecision shows values as people read them', () => {
  it('typed literals by their value, lists in brackets', () => {
    const policy = policyOf(anOfferJson({}, [aConstraint('count', 'lteq', { '@value': '3', '@type': 'xsd:integer' }), aConstraint('purpose', 'isAnyOf', ['audit', 'research'])]));
    const decision = evaluate(policy, aRequest(), aContext({ usage: { count: 3 } }));
    expect(describeDecision(decision, 'en').details).toEqual([
      '/permission/0/constraint/0: the number of uses (count) must be at most 3; it is 4',
      '/permission/0/constraint/1: the purpose (purpose) must be any of [audit, research]; it is credit-risk',
    ]);
    const late = evaluate(policyOf(anOfferJson({}, [aConstraint('dateTime', 'lt', '2025-06-01')])), aRequest(), aContext());
    expect(describeDecision(late, 'zh-CN').details).toEqual(['/permission/0/constraint/0：使用时间 (dateTime) 须早于 2025-06-01，实际为 2025-06-15T04:00:00.000Z']);
  });
});
