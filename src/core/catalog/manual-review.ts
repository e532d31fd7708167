import type { Localized } from '../i18n/locale.js';
import type { CatalogEntry } from '../metadata/catalog-entry.js';
import type { PiiScan } from '../metadata/pii-detection.js';
import { holdsSensitivePersonalInformation } from './personal-information-review.js';

/**
 * When a publication also waits for a person (人工审核) after the automatic review: the space's
 * rule says `always`, `never`, or `sensitive`, which asks for a person when the resource is
 * important data, general data of the highest grade (4), holds sensitive personal information
 * (declared or detected), or is shared only on conditions (有条件共享) that someone must judge.
 */
export type ManualReviewRule = 'always' | 'never' | 'sensitive';
export const manualReviewRules = ['always', 'never', 'sensitive'] as const satisfies readonly ManualReviewRule[];

export const manualReviewReasons = [
  'review.manual.always',
  'review.manual.important-data',
  'review.manual.general-grade-4',
  'review.manual.sensitive-personal-information',
  'review.manual.conditional-share',
  'review.manual.important-data-channel',
] as const;
export type ManualReviewReason = (typeof manualReviewReasons)[number];

export const manualReviewReasonTitles: Readonly<Record<ManualReviewReason, Localized>> = {
  'review.manual.always': { 'zh-CN': '本空间规则要求所有资源人工审核', en: 'The space reviews every resource by hand' },
  'review.manual.important-data': { 'zh-CN': '资源为重要数据', en: 'The resource is important data' },
  'review.manual.general-grade-4': { 'zh-CN': '资源为一般数据 4 级', en: 'The resource is general data, grade 4' },
  'review.manual.sensitive-personal-information': { 'zh-CN': '资源含敏感个人信息', en: 'The resource holds sensitive personal information' },
  'review.manual.conditional-share': { 'zh-CN': '资源为有条件共享', en: 'The resource is shared on conditions' },
  'review.manual.important-data-channel': {
    'zh-CN': '重要数据的要约允许沙箱以外的交付方式，须运营者审核批准',
    en: 'An offer of important data allows delivery other than the sandbox, which the operator must approve',
  },
};

/**
 * GB/T 43697-2024: important data (重要数据) is offered for the sandbox only, where raw rows never
 * leave; any other channel needs an operator's approval in review, whatever the space's rule for
 * manual review says. The channels are the offers' policies' (ADR 0010).
 */
export function importantDataOffPlatform(entry: CatalogEntry, offerChannels: readonly (readonly string[])[]): boolean {
  return entry.classification?.level === 'important' && offerChannels.some((channels) => channels.some((c) => c !== 'sandbox'));
}

/** Why a person must review, in the order of {@link manualReviewReasons}; empty when nobody need. */
export function manualReviewReasonsFor(entry: CatalogEntry, scan: PiiScan | undefined, rule: ManualReviewRule): ManualReviewReason[] {
  if (rule === 'always') return ['review.manual.always'];
  if (rule === 'never') return [];
  const reasons: ManualReviewReason[] = [];
  const c = entry.classification;
  if (c?.level === 'important') reasons.push('review.manual.important-data');
  if (c?.level === 'general' && c.grade === 4) reasons.push('review.manual.general-grade-4');
  if (holdsSensitivePersonalInformation(entry, scan)) reasons.push('review.manual.sensitive-personal-information');
  if (entry.shareAttribute === 'conditional') reasons.push('review.manual.conditional-share');
  return reasons;
}
