import { format, type Locale, type Localized } from '../i18n/locale.js';
import type { CodeFailure, FailureRule } from './code-result.js';

/**
 * What a person reads for each failure rule. Typed `Record<FailureRule, Localized>`, so a new
 * rule without both messages does not compile. A template uses only the placeholders its rule
 * always fills (see the validators), so no `{…}` is ever left showing.
 */
export const identityMessages: Readonly<Record<FailureRule, Localized>> = {
  'uscc.length': {
    'zh-CN': '统一社会信用代码应为 {expected} 位，实为 {actual} 位',
    en: 'USCC must be {expected} characters long, is {actual}',
  },
  'uscc.charset': {
    'zh-CN': '统一社会信用代码第 {position} 位字符 {actual} 无效：只能使用数字和除 I、O、Z、S、V 以外的大写字母',
    en: 'USCC position {position}: character {actual} is not allowed (digits and capital letters except I, O, Z, S, V)',
  },
  'uscc.authority': {
    'zh-CN': '统一社会信用代码第 1 位登记管理部门代码 {actual} 不存在，应为 {expected} 之一',
    en: 'USCC position 1: registration authority code {actual} does not exist, should be one of {expected}',
  },
  'uscc.category': {
    'zh-CN': '统一社会信用代码第 2 位机构类别代码 {actual} 不属于该登记管理部门，应为 {expected} 之一',
    en: 'USCC position 2: organisation category {actual} does not belong to its registration authority, should be one of {expected}',
  },
  'uscc.region': {
    'zh-CN': '统一社会信用代码第 {position} 位：登记管理机关行政区划码 {actual} 不是有效的行政区划代码',
    en: 'USCC position {position}: registration region {actual} is not a valid administrative division code',
  },
  'uscc.check-character': {
    'zh-CN': '统一社会信用代码第 18 位校验码错误：应为 {expected}，实为 {actual}',
    en: 'USCC position 18: check character should be {expected}, is {actual}',
  },
  'resident-id.length': {
    'zh-CN': '公民身份号码应为 {expected} 位，实为 {actual} 位',
    en: 'Resident ID number must be {expected} characters long, is {actual}',
  },
  'resident-id.charset': {
    'zh-CN': '公民身份号码第 {position} 位字符 {actual} 无效，应为 {expected}',
    en: 'Resident ID number position {position}: character {actual} is not allowed, should be {expected}',
  },
  'resident-id.region': {
    'zh-CN': '公民身份号码第 1–6 位地址码 {actual} 不是有效的行政区划代码',
    en: 'Resident ID number positions 1–6: address code {actual} is not a valid administrative division code',
  },
  'resident-id.birth-date': {
    'zh-CN': '公民身份号码第 7–14 位出生日期 {actual} 不是有效日期',
    en: 'Resident ID number positions 7–14: birth date {actual} is not a real date',
  },
  'resident-id.birth-date-future': {
    'zh-CN': '公民身份号码第 7–14 位出生日期 {actual} 晚于今天（{expected}）',
    en: 'Resident ID number positions 7–14: birth date {actual} is after today ({expected})',
  },
  'resident-id.birth-date-too-early': {
    'zh-CN': '公民身份号码第 7–14 位出生日期 {actual} 早于 {expected}',
    en: 'Resident ID number positions 7–14: birth date {actual} is before {expected}',
  },
  'resident-id.check-character': {
    'zh-CN': '公民身份号码第 18 位校验码错误：应为 {expected}，实为 {actual}',
    en: 'Resident ID number position 18: check character should be {expected}, is {actual}',
  },
  'region.format': {
    'zh-CN': '行政区划代码应为 6 位数字，实为 {actual}',
    en: 'Administrative division code must be 6 digits, is {actual}',
  },
  'region.province': {
    'zh-CN': '行政区划代码的省级代码 {actual} 不存在',
    en: 'Administrative division code: province {actual} does not exist',
  },
  'region.prefecture': {
    'zh-CN': '行政区划代码的地级代码 {actual} 不存在',
    en: 'Administrative division code: prefecture {actual} does not exist',
  },
  'industry.section': {
    'zh-CN': '行业门类 {actual} 不存在，应为 {expected} 之一',
    en: 'Industry section {actual} does not exist, should be one of {expected}',
  },
  'industry.division': {
    'zh-CN': '行业大类 {actual} 不存在，应为 {expected} 之间的两位数字',
    en: 'Industry division {actual} does not exist, should be two digits in {expected}',
  },
  'industry.mismatch': {
    'zh-CN': '行业大类 {actual} 不属于所选门类，该门类的大类为 {expected}',
    en: 'Industry division {actual} is not in the chosen section, whose divisions are {expected}',
  },
  'phone.format': {
    'zh-CN': '电话号码格式不正确：应为 11 位手机号码（可带 +86）或带区号的固定电话',
    en: 'Phone number is not valid: use an 11-digit mobile number (optionally +86) or a fixed line with its area code',
  },
  'email.format': {
    'zh-CN': '电子邮箱地址格式不正确',
    en: 'Email address is not valid',
  },
};

const emptyValue: Localized = { 'zh-CN': '（空）', en: '(empty)' };

/**
 * Shows an offending value so a person can see it: whitespace and control characters, the
 * usual culprits of a pasted code, are written as U+XXXX instead of vanishing in the text.
 */
function displayValue(value: string, locale: Locale): string {
  if (value === '') return emptyValue[locale];
  return [...value]
    .map((c) => (/[\s\p{C}]/u.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : c))
    .join('');
}

/** The failure as one sentence in the given locale. */
export function describeFailure(failure: CodeFailure, locale: Locale): string {
  const values: Record<string, string | number> = {};
  if (failure.position !== undefined) values.position = failure.position;
  if (failure.expected !== undefined) values.expected = failure.expected;
  if (failure.actual !== undefined) values.actual = displayValue(failure.actual, locale);
  return format(identityMessages[failure.rule][locale], values);
}
