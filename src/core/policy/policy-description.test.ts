import { describe, expect, it } from 'vitest';
import { aConstraint, anOfferJson, offerWith, policyOf } from './fixtures/policy-fixtures.js';
import { leftOperands } from './left-operands.js';
import { operators, type Policy } from './odrl-policy.js';
import { describePolicy } from './policy-description.js';
import { apiAccessOffer, membersOnlyOffer, openDataOffer, sandboxAggregateOffer, timeLimitedDownloadOffer } from './policy-templates.js';

/** The one condition of an offer whose one permission has this constraint. */
const conditionOf = (constraint: Record<string, unknown>, locale: 'zh-CN' | 'en'): string | undefined =>
  describePolicy(offerWith(constraint), locale).permissions[0]?.conditions[0];

const anAgreement = (overrides: Record<string, unknown> = {}): Policy =>
  policyOf(anOfferJson({ '@type': 'Agreement', assigner: 'p_grid', assignee: 'p_bank', ...overrides }));

describe('describePolicy: summary', () => {
  it('counts the rules, and says offer or agreement', () => {
    const agreement = anAgreement({
      permission: [{ action: 'use' }, { action: 'read' }],
      prohibition: [{ action: 'distribute' }],
      obligation: [{ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }],
    });
    expect(describePolicy(agreement, 'zh-CN').summary).toBe('本合约包含 2 项许可、1 项禁止、1 项义务');
    expect(describePolicy(agreement, 'en').summary).toBe('This agreement grants 2 permissions, with 1 prohibition and 1 obligation');
    expect(describePolicy(offerWith(), 'zh-CN').summary).toBe('本要约包含 1 项许可');
    expect(describePolicy(offerWith(), 'en').summary).toBe('This offer grants 1 permission');
    const onlyProhibits = policyOf({ '@id': 'urn:p', '@type': 'Set', prohibition: [{ action: 'sell' }, { action: 'give' }] });
    expect(describePolicy(onlyProhibits, 'en').summary).toBe('This policy grants no permissions, with 2 prohibitions');
  });
});

describe('describePolicy: rules', () => {
  it('reads a permission as one sentence, in Chinese and in English', () => {
    const policy = offerWith(aConstraint('purpose', 'eq', '信贷风险评估'), aConstraint('count', 'lteq', 100));
    expect(describePolicy(policy, 'zh-CN').permissions).toEqual([
      { text: '允许 使用（use）数据，条件：使用目的 等于 “信贷风险评估”；使用次数 不超过 100 次', conditions: ['使用目的 等于 “信贷风险评估”', '使用次数 不超过 100 次'], duties: [] },
    ]);
    expect(describePolicy(policy, 'en').permissions[0]?.text).toBe("Permitted: use the data. Conditions: the purpose is '信贷风险评估'; the number of uses is at most 100");
  });

  it('names the action by its title, a rule-level target and assignee, and a prohibition by when it applies', () => {
    const policy = anAgreement({
      permission: [{ action: 'inform', target: 'urn:asset:other', assignee: 'p_audit' }],
      prohibition: [{ action: 'distribute', constraint: [aConstraint('spatial', 'isNoneOf', ['CN'])] }],
    });
    const zh = describePolicy(policy, 'zh-CN');
    expect(zh.permissions[0]?.text).toBe('允许 通知（inform）数据资源 urn:asset:other（仅限 p_audit）');
    expect(zh.prohibitions[0]?.text).toBe('禁止 分发（distribute）数据，适用情形：使用地域 不等于 CN');
    const en = describePolicy(policy, 'en');
    expect(en.permissions[0]?.text).toBe('Permitted: notify (inform) the asset urn:asset:other (only p_audit)');
    expect(en.prohibitions[0]?.text).toBe('Prohibited: distribute the data. Applies when: the place of use is not CN');
  });

  it('marks a left operand it does not evaluate as never holding', () => {
    expect(conditionOf(aConstraint('partner', 'eq', 'gold'), 'zh-CN')).toBe('partner 等于 “gold”（不支持的条件，视为不满足）');
    expect(conditionOf(aConstraint('partner', 'eq', 'gold'), 'en')).toBe("partner is 'gold' (not supported: never holds)");
  });
});

describe('describePolicy: operators', () => {
  // [constraint, zh-CN, en]: each operator at least once, on single values, lists and sets.
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [aConstraint('purpose', 'eq', 'credit-risk'), '使用目的 等于 “credit-risk”', "the purpose is 'credit-risk'"],
    [aConstraint('tds:role', 'eq', 'consumer'), '参与方角色 包含 “consumer”', "the participant role includes 'consumer'"],
    [aConstraint('tds:deploymentEnvironment', 'neq', 'cloud'), '运行环境 不等于 “cloud”', "the deployment environment is not 'cloud'"],
    [aConstraint('dateTime', 'lt', '2026-01-01T00:00:00+08:00'), '使用时间 早于 2026-01-01 00:00 (UTC+08:00)', 'the date and time is before 2026-01-01 00:00 (UTC+08:00)'],
    [aConstraint('count', 'lteq', 100), '使用次数 不超过 100 次', 'the number of uses is at most 100'],
    [aConstraint('tds:kAnonymity', 'gt', 5), '结果的 k 匿名度 大于 5', 'the k-anonymity of the result is more than 5'],
    [aConstraint('payAmount', 'gteq', 100, { unit: 'CNY' }), '已支付金额 不少于 100 元', 'the amount paid is at least 100 CNY'],
    [aConstraint('tds:classification', 'isA', 'general'), '分类分级 属于 一般数据', 'the classification falls under general data'],
    [aConstraint('tds:region', 'isPartOf', ['410000', 'CN']), '所在地区 在 410000、CN 范围内', 'the region is within 410000, CN'],
    [aConstraint('tds:fields', 'isPartOf', ['month', 'load_kwh']), '访问字段 均在 “month”、“load_kwh” 范围内', "the fields lie entirely within 'month', 'load_kwh'"],
    [aConstraint('spatial', 'hasPart', ['410105']), '使用地域 包含 410105', 'the place of use contains 410105'],
    [aConstraint('industry', 'isAnyOf', ['J', 'C']), '所属行业 包含 J（金融业）、C（制造业） 中至少一项', 'the industry includes at least one of J (Finance), C (Manufacturing)'],
    [aConstraint('tds:role', 'isAllOf', ['consumer', 'provider']), '参与方角色 包含 “consumer”、“provider” 全部', "the participant role includes all of 'consumer', 'provider'"],
    [aConstraint('spatial', 'isNoneOf', ['SG', 'US']), '使用地域 不为 SG、US 中任何一项', 'the place of use is none of SG, US'],
  ];

  it.each(cases)('%j', (constraint, zh, en) => {
    expect(conditionOf(constraint, 'zh-CN')).toBe(zh);
    expect(conditionOf(constraint, 'en')).toBe(en);
  });

  it('covers every operator', () => {
    expect(new Set(cases.map(([c]) => c.operator))).toEqual(new Set(operators));
  });
});

describe('describePolicy: left operands', () => {
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [aConstraint('dateTime', 'lteq', '2026-12-31T23:59:00Z'), '使用时间 不晚于 2026-12-31 23:59 (UTC)', 'the date and time is no later than 2026-12-31 23:59 (UTC)'],
    [aConstraint('elapsedTime', 'lteq', 'P30D'), '合约生效后经过的时间 不超过 30 天', 'the time elapsed since the agreement is at most 30 days'],
    [aConstraint('delayPeriod', 'gteq', 'P1Y2M'), '合约生效后的等待期 不少于 1 年 2 个月', 'the delay since the agreement is at least 1 year 2 months'],
    [aConstraint('meteredTime', 'lt', 'PT12H'), '累计使用时长 小于 12 小时', 'the metered usage time is less than 12 hours'],
    [aConstraint('spatial', 'isPartOf', ['410000']), '使用地域 在 410000 范围内', 'the place of use is within 410000'],
    [aConstraint('tds:deploymentEnvironment', 'eq', 'provider-sandbox'), '运行环境 等于 “provider-sandbox”', "the deployment environment is 'provider-sandbox'"],
    [aConstraint('recipient', 'eq', 'did:web:bank.example.cn'), '接收方 包含 “did:web:bank.example.cn”', "the recipient includes 'did:web:bank.example.cn'"],
    [aConstraint('tds:membership', 'eq', 'member'), '成员资格 等于 成员（member）', "the membership is 'member'"],
    [aConstraint('tds:role', 'isNoneOf', ['applicant']), '参与方角色 不包含 申请者（applicant）', "the participant role does not include 'applicant'"],
    [aConstraint('tds:role', 'isNoneOf', ['applicant', 'provider']), '参与方角色 不包含 申请者（applicant）、“provider” 中任何一项', "the participant role includes none of 'applicant', 'provider'"],
    [aConstraint('industry', 'isAnyOf', ['J']), '所属行业 包含 J（金融业）', 'the industry includes J (Finance)'],
    [aConstraint('industry', 'isA', 'J66'), '所属行业 有一项属于 J66', 'the industry includes one within J66'],
    [aConstraint('tds:region', 'isA', '410000'), '所在地区 属于 410000', 'the region falls under 410000'],
    [aConstraint('tds:credentialClaim', 'eq', 'gold', { 'tds:claim': 'partnerLevel' }), '凭证声明 partnerLevel 包含 “gold”', "the credential claim 'partnerLevel' includes 'gold'"],
    [aConstraint('purpose', 'isAnyOf', ['audit', 'research']), '使用目的 为 “audit”、“research” 之一', "the purpose is one of 'audit', 'research'"],
    [aConstraint('count', 'gt', 3), '使用次数 大于 3 次', 'the number of uses is more than 3'],
    [aConstraint('deliveryChannel', 'eq', 'sandbox'), '交付方式 等于 沙箱（sandbox）', "the delivery channel is 'sandbox'"],
    [aConstraint('unitOfCount', 'eq', 'perCall'), '计数单位 等于 “perCall”', "the unit of count is 'perCall'"],
    [aConstraint('tds:asset', 'eq', 'urn:asset:1'), '数据资源 等于 “urn:asset:1”', "the asset is 'urn:asset:1'"],
    [aConstraint('tds:fields', 'hasPart', ['month']), '访问字段 涵盖 “month”', "the fields cover 'month'"],
    [aConstraint('tds:classification', 'lteq', 'general-3'), '分类分级 不超过 一般数据 3 级', 'the classification is at most general data, grade 3'],
    [aConstraint('tds:kAnonymity', 'gteq', { '@value': '10', '@type': 'xsd:integer' }), '结果的 k 匿名度 不少于 10', 'the k-anonymity of the result is at least 10'],
    [aConstraint('tds:privacyBudget', 'lteq', { '@value': '3', '@type': 'xsd:decimal' }), '差分隐私预算 ε 不超过 3', 'the differential-privacy budget ε is at most 3'],
    [aConstraint('tds:privacyMechanism', 'eq', 'gaussian'), '差分隐私机制 等于 高斯机制（gaussian）', "the differential-privacy mechanism is Gaussian mechanism ('gaussian')"],
    [aConstraint('tds:rowFilter', 'isAnyOf', ['行政区划代码=410102']), '可见数据行 包含 “行政区划代码=410102”', "the visible rows include '行政区划代码=410102'"],
    [aConstraint('tds:resultReview', 'eq', 'manual'), '结果发布审核 等于 人工审核（manual）', "the review of results is manual review ('manual')"],
    [aConstraint('payAmount', 'gteq', 9.5, { unit: 'USD' }), '已支付金额 不少于 9.5 USD', 'the amount paid is at least 9.5 USD'],
    [aConstraint('tds:priceModel', 'eq', 'oneTime'), '计价模式 等于 一次性购买（oneTime）', "the price model is one-time purchase ('oneTime')"],
  ];

  it.each(cases)('%j', (constraint, zh, en) => {
    expect(conditionOf(constraint, 'zh-CN')).toBe(zh);
    expect(conditionOf(constraint, 'en')).toBe(en);
  });

  it('covers every left operand the evaluator knows', () => {
    expect(new Set(cases.map(([c]) => c.leftOperand))).toEqual(new Set(leftOperands.map((d) => d.name)));
  });

  it('shows a date without a time, and seconds only when there are some', () => {
    expect(conditionOf(aConstraint('dateTime', 'lteq', '2025-12-31+08:00'), 'zh-CN')).toBe('使用时间 不晚于 2025-12-31 (UTC+08:00)');
    expect(conditionOf(aConstraint('dateTime', 'gteq', '2025-01-01T08:30:15'), 'en')).toBe('the date and time is no earlier than 2025-01-01 08:30:15 (UTC)');
  });
});

describe('describePolicy: logical constraints', () => {
  it('nests and / or / xone / andSequence, two deep, in brackets', () => {
    const policy = offerWith(
      { or: [aConstraint('purpose', 'eq', 'audit'), { and: [aConstraint('tds:region', 'isPartOf', ['410000']), aConstraint('count', 'lteq', 10)] }] },
      { xone: [aConstraint('deliveryChannel', 'eq', 'api'), { andSequence: [aConstraint('deliveryChannel', 'eq', 'sandbox'), aConstraint('tds:kAnonymity', 'gteq', 5)] }] },
    );
    const zh = describePolicy(policy, 'zh-CN').permissions[0];
    expect(zh?.conditions).toEqual([
      '满足其一：使用目的 等于 “audit”；（以下全部满足：所在地区 在 410000 范围内；使用次数 不超过 10 次）',
      '恰好满足其一：交付方式 等于 API 接口（api）；（依次满足：交付方式 等于 沙箱（sandbox）；结果的 k 匿名度 不少于 5）',
    ]);
    expect(zh?.text).toBe(`允许 使用（use）数据，条件：（${zh?.conditions[0]}）；（${zh?.conditions[1]}）`);
    expect(describePolicy(policy, 'en').permissions[0]?.conditions).toEqual([
      "at least one of: the purpose is 'audit'; (all of: the region is within 410000; the number of uses is at most 10)",
      "exactly one of: the delivery channel is API ('api'); (all of, in this order: the delivery channel is 'sandbox'; the k-anonymity of the result is at least 5)",
    ]);
  });
});

describe('describePolicy: duties', () => {
  it('reads duties as sentences: after each use, by a deadline, or with no deadline', () => {
    const policy = anAgreement({
      permission: [
        {
          action: 'use',
          duty: [
            { action: 'inform' },
            { action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] },
            { action: 'attribute', constraint: [aConstraint('elapsedTime', 'lteq', 'PT1H'), aConstraint('purpose', 'eq', 'publication')] },
          ],
        },
      ],
      obligation: [
        { action: 'delete', constraint: [aConstraint('dateTime', 'lteq', '2026-12-31T23:59:00Z')] },
        { action: 'archive', constraint: [aConstraint('dateTime', 'lt', '2026-07-01T00:00:00Z'), aConstraint('elapsedTime', 'lteq', 'P1M')] },
        { action: 'obtainConsent' },
      ],
    });
    const zh = describePolicy(policy, 'zh-CN');
    expect(zh.permissions[0]?.duties).toEqual(['每次使用后 1 天内通知（inform）', '须在合约生效后 30 天内删除（delete）', '每次使用后 1 小时内署名（attribute）（条件：使用目的 等于 “publication”）']);
    expect(zh.permissions[0]?.text).toBe(`允许 使用（use）数据。须履行：${zh.permissions[0]?.duties.join('；')}`);
    expect(zh.obligations.map((o) => o.text)).toEqual([
      '义务：须不晚于 2026-12-31 23:59 (UTC) 删除（delete）',
      '义务：须在 2026-07-01 00:00 (UTC) 之前且在合约生效后 1 个月内归档（archive）',
      '义务：须取得同意（obtainConsent）（无期限）',
    ]);
    expect(zh.obligations[0]?.conditions).toEqual(['使用时间 不晚于 2026-12-31 23:59 (UTC)']);
    const en = describePolicy(policy, 'en');
    expect(en.permissions[0]?.duties).toEqual(['notify (inform) within 1 day of each use', 'delete within 30 days of the agreement', "attribute within 1 hour of each use (if the purpose is 'publication')"]);
    expect(en.obligations.map((o) => o.text)).toEqual([
      'Obligation: delete by 2026-12-31 23:59 (UTC)',
      'Obligation: archive before 2026-07-01 00:00 (UTC) and within 1 month of the agreement',
      'Obligation: obtain consent (obtainConsent) (no deadline)',
    ]);
  });
});

describe('describePolicy: templates', () => {
  const templates: Array<[string, Policy, string, string]> = [
    ['sandbox aggregate', sandboxAggregateOffer({ uid: 'urn:offer:sandbox', purposes: ['credit-risk'], k: 10 }), '结果的 k 匿名度 不少于 10', 'the k-anonymity of the result is at least 10'],
    ['time-limited download', timeLimitedDownloadOffer({ uid: 'urn:offer:download', period: 'P30D', price: { amount: 100, currency: 'CNY' } }), '须在合约生效后 30 天内删除（delete）', 'delete within 30 days of the agreement'],
    ['API access', apiAccessOffer({ uid: 'urn:offer:api', maxCalls: 1000, validUntil: '2025-12-31+08:00' }), '使用次数 不超过 1000 次', 'the number of uses is at most 1000'],
    ['open data', openDataOffer({ uid: 'urn:offer:open' }), '每次使用后 1 天内署名（attribute）', 'attribute within 1 day of each use'],
    ['members only', membersOnlyOffer({ uid: 'urn:offer:members', industries: ['J'], regions: ['410000'], roles: ['consumer'] }), '成员资格 等于 成员（member）', "the membership is 'member'"],
  ];

  it.each(templates)('%s describes its key constraint in both locales', (_, policy, zh, en) => {
    const text = (locale: 'zh-CN' | 'en') => {
      const d = describePolicy(policy, locale);
      return [d.summary, ...[...d.permissions, ...d.prohibitions, ...d.obligations].map((r) => r.text)].join('\n');
    };
    expect(text('zh-CN')).toContain(zh);
    expect(text('en')).toContain(en);
  });

  it('time-limited download: the whole offer in Chinese', () => {
    const d = describePolicy(timeLimitedDownloadOffer({ uid: 'urn:offer:download', period: 'P30D', price: { amount: 100, currency: 'CNY' } }), 'zh-CN');
    expect(d.summary).toBe('本要约包含 1 项许可、1 项禁止');
    expect(d.permissions[0]?.text).toBe(
      '允许 使用（use）数据，条件：交付方式 等于 下载（download）；合约生效后经过的时间 不超过 30 天。须履行：须在合约生效后 30 天内删除（delete）',
    );
    expect(d.prohibitions[0]?.text).toBe('禁止 分发（distribute）数据');
  });
  it('names a purpose of the vocabulary by its label and keeps a free-text purpose as written', () => {
    const offer = sandboxAggregateOffer({ uid: 'urn:offer:s', purposes: ['credit-risk-assessment', '贷后管理'], k: 10 });
    expect(describePolicy(offer, 'zh-CN').permissions[0]?.text).toContain('使用目的 为 信用风险评估（credit-risk-assessment）、“贷后管理” 之一');
    expect(describePolicy(offer, 'en').permissions[0]?.text).toContain("Credit-risk assessment (credit-risk-assessment)");
  });
});
