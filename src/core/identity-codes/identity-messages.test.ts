import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locale.js';
import { failureRules, type CodeFailure, type CodeResult, type FailureRule } from './code-result.js';
import { validateEmail, validatePhone } from './contact-format.js';
import { describeFailure, identityMessages } from './identity-messages.js';
import { parseIndustry } from './industry-code.js';
import { validateRegionCode } from './region-code.js';
import { validateResidentId } from './resident-id.js';
import { validateUscc } from './uscc.js';

const today = new Date('2025-06-01T00:00:00Z');

/** One real input per rule, run through the real validator, so each example is a failure it gives. */
const examples: Record<FailureRule, () => CodeResult<unknown>> = {
  'uscc.length': () => validateUscc('9135020077604965'),
  'uscc.charset': () => validateUscc('91350200776O49653A'),
  'uscc.authority': () => validateUscc('B1350200776049653A'),
  'uscc.category': () => validateUscc('98350200776049653A'),
  'uscc.region': () => validateUscc('91AB0200776049653A'),
  'uscc.check-character': () => validateUscc('91350200776049653B'),
  'resident-id.length': () => validateResidentId('1101051949123100', today),
  'resident-id.charset': () => validateResidentId('1101051949123100AX', today),
  'resident-id.region': () => validateResidentId('990105194912310023', today),
  'resident-id.birth-date': () => validateResidentId('110105194913310021', today),
  'resident-id.birth-date-future': () => validateResidentId('110105203001010010', today),
  'resident-id.birth-date-too-early': () => validateResidentId('110105179901010010', today),
  'resident-id.check-character': () => validateResidentId('110105194912310021', today),
  'region.format': () => validateRegionCode('35020'),
  'region.province': () => validateRegionCode('990000'),
  'region.prefecture': () => validateRegionCode('359900'),
  'industry.section': () => parseIndustry('U'),
  'industry.division': () => parseIndustry('98'),
  'industry.mismatch': () => parseIndustry('D13'),
  'phone.format': () => validatePhone('12345'),
  'email.format': () => validateEmail('plain'),
};

function failureFor(rule: FailureRule): CodeFailure {
  const result = examples[rule]();
  if (result.ok) throw new Error(`the example for ${rule} was accepted`);
  return result.failure;
}

describe('identity messages', () => {
  it('has a message in every locale for every rule', () => {
    expect(Object.keys(identityMessages).sort()).toEqual([...failureRules].sort());
    for (const rule of failureRules) {
      for (const locale of locales) expect(identityMessages[rule][locale].trim(), `${rule} ${locale}`).not.toBe('');
    }
  });

  it.each([...failureRules])('describes a real %s failure with every placeholder filled', (rule) => {
    const failure = failureFor(rule);
    expect(failure.rule).toBe(rule);
    for (const locale of locales) expect(describeFailure(failure, locale)).not.toMatch(/[{}]/);
  });

  it('says where a USCC check character is wrong, what it should be and what it is', () => {
    const failure = failureFor('uscc.check-character');
    expect(describeFailure(failure, 'zh-CN')).toBe('统一社会信用代码第 18 位校验码错误：应为 A，实为 B');
    expect(describeFailure(failure, 'en')).toBe('USCC position 18: check character should be A, is B');
  });

  it('names the position of a bad character', () => {
    const failure = failureFor('uscc.charset');
    expect(describeFailure(failure, 'zh-CN')).toContain('第 12 位字符 O');
    expect(describeFailure(failure, 'en')).toContain('USCC position 12: character O');
  });

  it('shows whitespace and control characters as code points so they can be seen', () => {
    const failure: CodeFailure = { rule: 'uscc.charset', position: 5, actual: ' ' };
    expect(describeFailure(failure, 'en')).toContain('character U+0020 is not allowed');
    expect(describeFailure({ rule: 'uscc.charset', position: 5, actual: '\u200b' }, 'zh-CN')).toContain('U+200B');
  });

  it('shows an empty value as empty rather than as nothing', () => {
    expect(describeFailure({ rule: 'industry.section', expected: 'A–T', actual: '' }, 'zh-CN')).toContain('（空）');
    expect(describeFailure({ rule: 'industry.section', expected: 'A–T', actual: '' }, 'en')).toContain('(empty)');
  });
});
