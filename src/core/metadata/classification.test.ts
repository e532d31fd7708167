import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locale.js';
import {
  classificationMessages,
  classificationName,
  classificationRules,
  classifyAssessment,
  classifyImpact,
  compareLevels,
  describeClassificationFailure,
  highestLevel,
  impactDegreeNames,
  impactDegrees,
  impactObjectNames,
  impactObjects,
  publishable,
  validateClassification,
  type Classification,
  type Impact,
  type ImpactDegree,
  type ImpactObject,
} from './classification.js';

const core: Classification = { level: 'core' };
const important: Classification = { level: 'important' };
const general = (grade: 1 | 2 | 3 | 4): Classification => ({ level: 'general', grade });
const anImpact = (object: ImpactObject = 'individual-rights', degree: ImpactDegree = 'serious'): Impact => ({ object, degree });

const failureOf = (input: unknown) => {
  const result = validateClassification(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.failure;
};

describe('classifyImpact (GB/T 43697-2024 table 2, grades after Annex H)', () => {
  it.each([
    ['national-security', 'especially-serious', core],
    ['national-security', 'serious', core],
    ['national-security', 'general', important],
    ['economic-operation', 'especially-serious', core],
    ['economic-operation', 'serious', important],
    ['economic-operation', 'general', general(4)],
    ['social-order', 'serious', important],
    ['public-interest', 'especially-serious', core],
    ['public-interest', 'serious', important],
    ['public-interest', 'general', general(4)],
    ['organisation-rights', 'especially-serious', general(4)],
    ['organisation-rights', 'serious', general(3)],
    ['individual-rights', 'serious', general(3)],
    ['individual-rights', 'general', general(2)],
  ] as const)('maps harm to %s of degree %s to %o', (object, degree, expected) => {
    expect(classifyImpact({ object, degree })).toEqual(expected);
  });

  it('never makes data core or important through harm to organisations or individuals alone', () => {
    for (const object of ['organisation-rights', 'individual-rights'] as const) {
      for (const degree of impactDegrees) expect(classifyImpact({ object, degree }).level).toBe('general');
    }
  });

  it('grades data that harms nobody as general grade 1, whatever the object', () => {
    for (const object of impactObjects) expect(classifyImpact({ object, degree: 'none' })).toEqual(general(1));
  });
});

describe('classifyAssessment', () => {
  it('takes the highest level any impact yields', () => {
    const assessment = [anImpact('individual-rights', 'especially-serious'), anImpact('public-interest', 'serious'), anImpact('national-security', 'none')];
    expect(classifyAssessment(assessment)).toEqual(important);
  });

  it('does not depend on the order of the impacts', () => {
    const assessment = [anImpact('organisation-rights', 'general'), anImpact('individual-rights', 'serious')];
    expect(classifyAssessment(assessment)).toEqual(classifyAssessment([...assessment].reverse()));
    expect(classifyAssessment(assessment)).toEqual(general(3));
  });

  it('treats an empty assessment as no harm found', () => {
    expect(classifyAssessment([])).toEqual(general(1));
  });
});

describe('compareLevels and highestLevel', () => {
  const ascending = [general(1), general(2), general(3), general(4), important, core];

  it('orders general grades 1–4 below important data and important below core', () => {
    const shuffled = [core, general(3), important, general(1), general(4), general(2)];
    expect([...shuffled].sort(compareLevels)).toEqual(ascending);
    expect(compareLevels(general(2), general(2))).toBe(0);
  });

  it('finds the highest of a list, and nothing in an empty one', () => {
    expect(highestLevel([general(2), general(4), general(1)])).toEqual(general(4));
    expect(highestLevel([general(4), important])).toEqual(important);
    expect(highestLevel([])).toBeUndefined();
  });

  it('returns a copy, so callers cannot change the input through it', () => {
    const input = [general(2)];
    const highest = highestLevel(input);
    if (highest?.level === 'general') highest.grade = 4;
    expect(input[0]).toEqual(general(2));
  });
});

describe('publishable', () => {
  it('refuses core data and allows every other level', () => {
    expect(publishable(core)).toBe(false);
    for (const level of [important, general(1), general(4)]) expect(publishable(level)).toBe(true);
  });
});

describe('names', () => {
  it('names levels and grades in Chinese and English', () => {
    expect(classificationName(core, 'zh-CN')).toBe('核心数据');
    expect(classificationName(important, 'en')).toBe('Important data');
    expect(classificationName(general(3), 'zh-CN')).toBe('一般数据 3 级');
    expect(classificationName(general(3), 'en')).toBe('General data, grade 3');
  });

  it('names every impact object and degree in both locales', () => {
    for (const locale of locales) {
      for (const object of impactObjects) expect(impactObjectNames[object][locale]).not.toBe('');
      for (const degree of impactDegrees) expect(impactDegreeNames[degree][locale]).not.toBe('');
    }
  });
});

describe('validateClassification', () => {
  it('accepts a general label with its grade and a core or important label without one', () => {
    expect(validateClassification({ level: 'general', grade: 3 })).toEqual({ ok: true, value: general(3) });
    expect(validateClassification({ level: 'core' })).toEqual({ ok: true, value: core });
    expect(validateClassification({ level: 'important', note: 'kept out' })).toEqual({ ok: true, value: important });
  });

  it('keeps a valid assessment on the label', () => {
    const assessment = [anImpact('individual-rights', 'serious')];
    expect(validateClassification({ level: 'general', grade: 3, assessment })).toEqual({ ok: true, value: { ...general(3), assessment } });
  });

  it('allows a label higher than its assessment: providers may grade up', () => {
    expect(validateClassification({ level: 'important', assessment: [anImpact('individual-rights', 'general')] }).ok).toBe(true);
  });

  it.each([
    [null, { rule: 'classification.object', pointer: '' }],
    [[], { rule: 'classification.object', pointer: '' }],
    [{ level: 'secret' }, { rule: 'classification.level', pointer: '/level', actual: 'secret' }],
    [{}, { rule: 'classification.level', pointer: '/level', actual: 'undefined' }],
    [{ level: 'general' }, { rule: 'classification.grade-missing', pointer: '/grade' }],
    [{ level: 'general', grade: 5 }, { rule: 'classification.grade', pointer: '/grade', actual: '5' }],
    [{ level: 'general', grade: '3' }, { rule: 'classification.grade', pointer: '/grade', actual: '3' }],
    [{ level: 'core', grade: 1 }, { rule: 'classification.grade-not-allowed', pointer: '/grade', actual: '1' }],
    [{ level: 'general', grade: 1, assessment: {} }, { rule: 'classification.assessment', pointer: '/assessment' }],
    [{ level: 'general', grade: 1, assessment: [] }, { rule: 'classification.assessment-empty', pointer: '/assessment' }],
  ])('refuses %j with the rule and pointer at fault', (input, expected) => {
    expect(failureOf(input)).toMatchObject(expected);
  });

  it('points at the impact whose object or degree is unknown', () => {
    const assessment = [anImpact(), { object: 'public-interest', degree: 'catastrophic' }];
    expect(failureOf({ level: 'general', grade: 4, assessment })).toMatchObject({
      rule: 'classification.assessment',
      pointer: '/assessment/1/degree',
      actual: 'catastrophic',
    });
    expect(failureOf({ level: 'core', assessment: [{ object: 'planet', degree: 'none' }] })).toMatchObject({ pointer: '/assessment/0/object' });
  });

  it('refuses a label lower than its own assessment, naming both', () => {
    const label = { level: 'general', grade: 2, assessment: [anImpact('public-interest', 'serious')] };
    expect(failureOf(label)).toEqual({ rule: 'classification.below-assessment', pointer: '/level', expected: 'important', actual: 'general-2' });
  });
});

describe('classification messages', () => {
  it('has a Chinese and an English message for every rule', () => {
    for (const rule of classificationRules) for (const locale of locales) expect(classificationMessages[rule][locale]).not.toBe('');
  });

  it('leaves no placeholder unfilled and names labels in the reader’s language', () => {
    const inputs = [null, { level: 'x' }, { level: 'general' }, { level: 'general', grade: 9 }, { level: 'core', grade: 1 }, { level: 'core', assessment: [1] }, { level: 'core', assessment: [] }];
    for (const input of [...inputs, { level: 'general', grade: 1, assessment: [anImpact('national-security', 'serious')] }]) {
      for (const locale of locales) expect(describeClassificationFailure(failureOf(input), locale)).not.toMatch(/\{\w+\}/);
    }
    const below = failureOf({ level: 'general', grade: 1, assessment: [anImpact('national-security', 'serious')] });
    expect(describeClassificationFailure(below, 'zh-CN')).toContain('一般数据 1 级');
    expect(describeClassificationFailure(below, 'zh-CN')).toContain('核心数据');
  });
});
