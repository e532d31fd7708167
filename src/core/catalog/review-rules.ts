import { format, type Locale, type Localized } from '../i18n/locale.js';
import { entryRuleTitles, entryRules } from '../metadata/catalog-entry-validation.js';
import { mappingRules } from '../metadata/vocabulary.js';
import { piiFindingRules } from '../metadata/pii-detection.js';

/**
 * The rule ids of the automatic normative review (资源规范性审查). A finding that comes from a
 * metadata module keeps that module's stable id (`entry.*` field checks, `mapping.*` semantic
 * mapping, `pii.*` declared-versus-detected personal information), so a client branches on one
 * id whichever layer found it; the review's own rules are `review.*`.
 */
const ownRules = [
  'review.dictionary-missing',
  'review.dictionary-field-undescribed',
  'review.classification-missing',
  'review.core-data',
  'review.pii-scan-missing',
  'review.offer-missing',
  'review.offer-access-mode',
] as const;
export type OwnReviewRule = (typeof ownRules)[number];

export const reviewRules = [...entryRules, ...mappingRules, ...piiFindingRules, ...ownRules] as const;
export type ReviewRule = (typeof reviewRules)[number];

/**
 * One finding. `pointer` is a JSON Pointer (RFC 6901) into the catalog entry (`/title`,
 * `/dictionary/fields/3/pii`), except `/offers/<i>…`, which points into the publication's offers
 * (the entry has no `offers` member, so the two cannot clash). `error` fails the review;
 * `warning` is shown to the provider and the reviewer and fails nothing.
 */
export interface ReviewFinding {
  rule: string;
  severity: 'error' | 'warning';
  pointer?: string;
  detail: Localized;
}

/** What each rule asks for, in a few words (the console's legend, docs); findings carry a full sentence. */
export const reviewRuleTitles: Readonly<Record<ReviewRule, Localized>> = {
  ...entryRuleTitles,
  'mapping.unknown-concept': { 'zh-CN': '字段映射的术语不在共享词表中', en: 'A field is mapped to a term outside the shared vocabulary' },
  'mapping.type-incompatible': { 'zh-CN': '字段类型与所映射术语不符', en: "A field's type does not fit its mapped term" },
  'pii.undeclared': { 'zh-CN': '样本中检出未声明的个人信息', en: 'The sample holds undeclared personal information' },
  'pii.sensitivity-understated': { 'zh-CN': '敏感个人信息未声明为敏感', en: 'Sensitive personal information is not declared sensitive' },
  'pii.kind-mismatch': { 'zh-CN': '声明的个人信息类别与样本不符', en: 'The declared kind of personal information differs from the sample' },
  'review.dictionary-missing': { 'zh-CN': '缺少数据字典', en: 'The data dictionary is missing' },
  'review.dictionary-field-undescribed': { 'zh-CN': '字段缺少名称或说明', en: 'A field has no title or description' },
  'review.classification-missing': { 'zh-CN': '缺少数据分类分级标识', en: 'The classification label is missing' },
  'review.core-data': { 'zh-CN': '核心数据不得发布', en: 'Core data may not be published' },
  'review.pii-scan-missing': { 'zh-CN': '缺少样本个人信息扫描', en: 'No personal-information scan of a sample' },
  'review.offer-missing': { 'zh-CN': '缺少要约', en: 'No offer' },
  'review.offer-access-mode': { 'zh-CN': '要约的访问模式不在分发中', en: "An offer's access mode is not among the distributions'" },
};

/** The sentence of each of the review's own findings; `{placeholders}` are filled per finding. */
const ownMessages: Readonly<Record<OwnReviewRule, Localized>> = {
  'review.dictionary-missing': {
    'zh-CN': '数据集须附数据字典，说明每个字段的名称、类型和含义',
    en: 'A dataset needs a data dictionary stating the name, type and meaning of each field',
  },
  'review.dictionary-field-undescribed': {
    'zh-CN': '字段 {field} 没有中文或英文的名称或说明（共 {undescribed}/{total} 个字段缺少）',
    en: 'Field {field} has no title or description in Chinese or English ({undescribed} of {total} fields lack one)',
  },
  'review.classification-missing': {
    'zh-CN': '缺少数据分类分级标识：按 GB/T 43697-2024 标明核心数据、重要数据或一般数据 1–4 级',
    en: 'The classification label is missing: state core, important, or general data grade 1–4 (GB/T 43697-2024)',
  },
  'review.core-data': {
    'zh-CN': '核心数据不得发布到资源目录（《数据安全法》第二十一条）',
    en: 'Core data may never be published to the catalog (Data Security Law, art. 21)',
  },
  'review.pii-scan-missing': {
    'zh-CN': '未提供样本的个人信息扫描结果，无法核对数据字典声明的个人信息',
    en: 'No personal-information scan of a sample was provided, so the declared personal information cannot be checked',
  },
  'review.offer-missing': {
    'zh-CN': '至少需要一个要约，说明访问模式和计价模式',
    en: 'At least one offer is needed, stating the access mode and price model',
  },
  'review.offer-access-mode': {
    'zh-CN': '要约 {offer} 的访问模式 {mode} 不在资源分发声明的访问模式（{declared}）之中',
    en: 'Offer {offer} uses access mode {mode}, which no distribution declares (they declare {declared})',
  },
};

/** A finding of one of the review's own rules, its sentence filled with `values` in both languages. */
export function ownFinding(rule: OwnReviewRule, severity: ReviewFinding['severity'], pointer: string, values: Record<string, string | number> = {}): ReviewFinding {
  const message = ownMessages[rule];
  return { rule, severity, pointer, detail: { 'zh-CN': format(message['zh-CN'], values), en: format(message.en, values) } };
}

const severityNames: Readonly<Record<ReviewFinding['severity'], Localized>> = {
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '警告', en: 'Warning' },
};

/**
 * The finding as one line in `locale`, for the CLI, logs and notifications:
 * `错误（/title）：缺少资源名称`, `Error at /title: The title is missing`.
 */
export function describeFinding(finding: ReviewFinding, locale: Locale): string {
  const severity = severityNames[finding.severity][locale];
  const detail = finding.detail[locale];
  if (locale === 'zh-CN') return finding.pointer ? `${severity}（${finding.pointer}）：${detail}` : `${severity}：${detail}`;
  return finding.pointer ? `${severity} at ${finding.pointer}: ${detail}` : `${severity}: ${detail}`;
}
