import type { Locale, Localized } from '../i18n/locale.js';
import type { LogicalOperator, Operator, PolicyType } from './odrl-policy.js';
import type { OperandShape } from './operator-semantics.js';
import type { ValueType } from './typed-values.js';

/**
 * The words both `describeDecision` and `describePolicy` use for operators, so a consumer reads
 * the same Chinese in the agreement it signs and in the explanation of a refusal. The rest is the
 * wording of `describePolicy`.
 */
const operatorWords: Readonly<Record<Operator, Localized>> = {
  eq: { 'zh-CN': '等于', en: 'equal' },
  neq: { 'zh-CN': '不等于', en: 'differ from' },
  lt: { 'zh-CN': '小于', en: 'be less than' },
  lteq: { 'zh-CN': '不超过', en: 'be at most' },
  gt: { 'zh-CN': '大于', en: 'be more than' },
  gteq: { 'zh-CN': '不少于', en: 'be at least' },
  isA: { 'zh-CN': '属于', en: 'be a' },
  isPartOf: { 'zh-CN': '包含于', en: 'be part of' },
  hasPart: { 'zh-CN': '包含', en: 'contain' },
  isAnyOf: { 'zh-CN': '为其中之一', en: 'be any of' },
  isAllOf: { 'zh-CN': '包含全部', en: 'include all of' },
  isNoneOf: { 'zh-CN': '不为其中任何一个', en: 'be none of' },
};

/** Ordering words for instants. */
const timeWords: Readonly<Partial<Record<Operator, Localized>>> = {
  lt: { 'zh-CN': '早于', en: 'be before' },
  lteq: { 'zh-CN': '不晚于', en: 'be no later than' },
  gt: { 'zh-CN': '晚于', en: 'be after' },
  gteq: { 'zh-CN': '不早于', en: 'be no earlier than' },
};

/** The operator as a verb after "须" / "must": `不超过` / `be at most`, `早于` / `be before` for instants. */
export const operatorWord = (op: Operator, valueType?: ValueType): Localized =>
  (valueType === 'dateTime' ? timeWords[op] : undefined) ?? operatorWords[op];

type Phrases = Readonly<Partial<Record<Operator, Localized>>>;

/** A single value against a list: `为 “审计”、“研究” 之一` reads better than the verb alone. */
const listPhrases: Phrases = {
  isA: { 'zh-CN': '属于 {values}', en: 'falls under {values}' },
  isPartOf: { 'zh-CN': '在 {values} 范围内', en: 'is within {values}' },
  hasPart: { 'zh-CN': '包含 {values}', en: 'contains {values}' },
  isAnyOf: { 'zh-CN': '为 {values} 之一', en: 'is one of {values}' },
  isAllOf: { 'zh-CN': '同时为 {values}', en: 'is each of {values}' },
  isNoneOf: { 'zh-CN': '不为 {values} 中任何一项', en: 'is none of {values}' },
};

/** A statement, not a requirement, in English: a prohibition's scope reads "applies when the place of use is …". */
const statedEn: Readonly<Record<'eq' | 'neq' | 'lt' | 'lteq' | 'gt' | 'gteq', [string, string]>> = {
  eq: ['is', 'is'],
  neq: ['is not', 'is not'],
  lt: ['is less than', 'is before'],
  lteq: ['is at most', 'is no later than'],
  gt: ['is more than', 'is after'],
  gteq: ['is at least', 'is no earlier than'],
};

/**
 * Set-valued operands (roles, industries, fields, a party's identifiers): `eq r` means the set
 * contains r. `{s}` / `{es}` agree the English verb with its subject (`the industry includes`,
 * `the fields include`).
 */
const setPhrases: Phrases = {
  eq: { 'zh-CN': '包含 {values}', en: 'include{s} {values}' },
  neq: { 'zh-CN': '不包含 {values}', en: 'do{es} not include {values}' },
  isA: { 'zh-CN': '有一项属于 {values}', en: 'include{s} one within {values}' },
  isPartOf: { 'zh-CN': '均在 {values} 范围内', en: 'lie{s} entirely within {values}' },
  hasPart: { 'zh-CN': '涵盖 {values}', en: 'cover{s} {values}' },
  isAnyOf: { 'zh-CN': '包含 {values} 中至少一项', en: 'include{s} at least one of {values}' },
  isAllOf: { 'zh-CN': '包含 {values} 全部', en: 'include{s} all of {values}' },
  isNoneOf: { 'zh-CN': '不包含 {values} 中任何一项', en: 'include{s} none of {values}' },
};

/** How a constraint states its operator, with `{values}` for the right operand: `不超过 {values}` / `is at most {values}`. */
export function operatorPhrase(op: Operator, shape: OperandShape | undefined, locale: Locale): string {
  const set = shape?.cardinality === 'set' ? setPhrases[op] : undefined;
  if (set) return set[locale];
  const list = listPhrases[op];
  if (list) return list[locale];
  if (locale === 'zh-CN') return `${operatorWord(op, shape?.valueType)['zh-CN']} {values}`;
  const [plain, time] = statedEn[op as keyof typeof statedEn];
  return `${shape?.valueType === 'dateTime' ? time : plain} {values}`;
}

export const logicalWords: Readonly<Record<LogicalOperator, Localized>> = {
  and: { 'zh-CN': '以下全部满足：', en: 'all of: ' },
  or: { 'zh-CN': '满足其一：', en: 'at least one of: ' },
  xone: { 'zh-CN': '恰好满足其一：', en: 'exactly one of: ' },
  andSequence: { 'zh-CN': '依次满足：', en: 'all of, in this order: ' },
};

/** Separators: between conditions, between values, and around a nested logical constraint. */
export const punctuation = {
  item: { 'zh-CN': '；', en: '; ' },
  value: { 'zh-CN': '、', en: ', ' },
  open: { 'zh-CN': '（', en: '(' },
  close: { 'zh-CN': '）', en: ')' },
  and: { 'zh-CN': '且', en: ' and ' },
} satisfies Record<string, Localized>;

export const ruleWords = {
  permission: { 'zh-CN': '允许 {action}{object}{party}', en: 'Permitted: {action} {object}{party}' },
  prohibition: { 'zh-CN': '禁止 {action}{object}{party}', en: 'Prohibited: {action} {object}{party}' },
  obligation: { 'zh-CN': '义务：{duty}', en: 'Obligation: {duty}' },
  permissionIf: { 'zh-CN': '，条件：{list}', en: '. Conditions: {list}' },
  prohibitionIf: { 'zh-CN': '，适用情形：{list}', en: '. Applies when: {list}' },
  duties: { 'zh-CN': '。须履行：{list}', en: '. Duties: {list}' },
  data: { 'zh-CN': '数据', en: 'the data' },
  asset: { 'zh-CN': '数据资源 {target}', en: 'the asset {target}' },
  party: { 'zh-CN': '（仅限 {assignee}）', en: ' (only {assignee})' },
  unsupported: { 'zh-CN': '（不支持的条件，视为不满足）', en: ' (not supported: never holds)' },
} satisfies Record<string, Localized>;

/** Duties as sentences; the deadline phrases follow the duty schedule (`duty-schedule.ts`). */
export const dutyWords = {
  onUse: { 'zh-CN': '每次使用后 {window}内{action}', en: '{action} within {window} of each use' },
  dueBy: { 'zh-CN': '须{deadline}{action}', en: '{action} {deadline}' },
  noDeadline: { 'zh-CN': '须{action}（无期限）', en: '{action} (no deadline)' },
  afterSigning: { 'zh-CN': '在合约生效后 {value}内', en: 'within {value} of the agreement' },
  before: { 'zh-CN': '在 {value} 之前', en: 'before {value}' },
  by: { 'zh-CN': '不晚于 {value} ', en: 'by {value}' },
  withConditions: { 'zh-CN': '{sentence}（条件：{list}）', en: '{sentence} (if {list})' },
} satisfies Record<string, Localized>;

export const policyKinds: Readonly<Record<PolicyType, Localized>> = {
  Offer: { 'zh-CN': '要约', en: 'offer' },
  Agreement: { 'zh-CN': '合约', en: 'agreement' },
  Set: { 'zh-CN': '策略', en: 'policy' },
};

/** A count of things in words: `2 项许可` / `2 permissions`, `1 prohibition`. */
export function counted(n: number, noun: 'permission' | 'prohibition' | 'obligation', locale: Locale): string {
  const zh = { permission: '许可', prohibition: '禁止', obligation: '义务' };
  if (locale === 'zh-CN') return `${n} 项${zh[noun]}`;
  return n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Units of an ISO 8601 duration: `30 天` / `30 days`. */
export const durationUnits = {
  years: { 'zh-CN': '年', en: ['year', 'years'] },
  months: { 'zh-CN': '个月', en: ['month', 'months'] },
  days: { 'zh-CN': '天', en: ['day', 'days'] },
  hours: { 'zh-CN': '小时', en: ['hour', 'hours'] },
  minutes: { 'zh-CN': '分钟', en: ['minute', 'minutes'] },
  seconds: { 'zh-CN': '秒', en: ['second', 'seconds'] },
} as const;

/** Values people know by name: delivery channels, membership, price models. Shown with their code. */
export const valueNames: Readonly<Record<string, Localized>> = {
  sandbox: { 'zh-CN': '沙箱', en: 'sandbox' },
  manual: { 'zh-CN': '人工审核', en: 'manual review' },
  auto: { 'zh-CN': '自动发布', en: 'automatic release' },
  laplace: { 'zh-CN': '拉普拉斯机制', en: 'Laplace mechanism' },
  gaussian: { 'zh-CN': '高斯机制', en: 'Gaussian mechanism' },
  download: { 'zh-CN': '下载', en: 'download' },
  api: { 'zh-CN': 'API 接口', en: 'API' },
  member: { 'zh-CN': '成员', en: 'member' },
  applicant: { 'zh-CN': '申请者', en: 'applicant' },
  free: { 'zh-CN': '免费', en: 'free' },
  payAfterUse: { 'zh-CN': '先用后付', en: 'pay after use' },
  payPerUse: { 'zh-CN': '按次计费', en: 'pay per use' },
  subscription: { 'zh-CN': '订阅', en: 'subscription' },
  oneTime: { 'zh-CN': '一次性购买', en: 'one-time purchase' },
  freeTrial: { 'zh-CN': '免费试用', en: 'free trial' },
  revenueShare: { 'zh-CN': '收益分成', en: 'revenue share' },
  negotiated: { 'zh-CN': '协商定价', en: 'negotiated' },
};
