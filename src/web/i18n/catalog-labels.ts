import type { MessageKey } from './messages';

// Catalog values the operator sends, mapped to their catalog keys (zh-CN terms after
// shared/GLOSSARY.md and the standards named beside each table). A value this console does not
// know is shown as it came.

/** `{ value: 'prefix.value' }`; tsc refuses a value whose key the catalogs do not have. */
export const keyed = <const P extends string, const V extends string>(prefix: P, values: readonly V[] & ([`${P}.${V}`] extends [MessageKey] ? unknown : never)) =>
  Object.fromEntries(values.map((v): [string, string] => [v, `${prefix}.${v}`])) as Record<string, MessageKey>;

export const kindLabels = keyed('catalog.kind', ['dataset', 'dataService', 'product']);

/** GB/T 43697-2024 levels; `general-N` is how the API names general data of grade N. */
export const classificationLabels = keyed('catalog.classification', ['core', 'important', 'general', 'general-1', 'general-2', 'general-3', 'general-4']);

export const accessModeLabels = keyed('catalog.accessMode', ['download', 'api', 'sandbox']);

export const priceModelLabels = keyed('catalog.priceModel', ['free', 'payAfterUse', 'payPerUse', 'subscription', 'oneTime', 'freeTrial', 'revenueShare', 'negotiated']);

export const catalogStatusLabels = keyed('catalog.status', ['pending_review', 'published', 'rejected', 'unpublished', 'withdrawn']);

/** 共享属性 / 开放属性 of the government catalog rules. */
export const shareLabels = keyed('catalog.share', ['unconditional', 'conditional', 'none']);
export const openLabels = keyed('catalog.open', ['unconditional', 'conditional', 'none']);

/** Dublin Core frequency terms, by the last segment of their IRI. */
export const frequencyLabels = keyed('catalog.frequency', ['continuous', 'daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'irregular']);

/** The EU data themes (DCAT-AP), by their code. */
export const themeLabels = keyed('catalog.theme', ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN']);

/** GB/T 4754-2017 sections; divisions (`D44`) are shown as codes. */
export const industryLabels = keyed('catalog.industry', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T']);

/** Kinds of personal information after GB/T 35273-2020 Annexes A and B. */
export const piiKindLabels = keyed('catalog.pii', ['name', 'id-number', 'phone', 'email', 'address', 'bank-card', 'birth-date', 'location', 'biometric', 'health', 'financial-account', 'minor', 'other']);

export const manualReasonLabels = keyed('catalog.manualReason', [
  'review.manual.always',
  'review.manual.important-data',
  'review.manual.general-grade-4',
  'review.manual.sensitive-personal-information',
  'review.manual.conditional-share',
]);

export const catalogActionLabels = keyed('catalog.action', ['publish', 'approve', 'reject', 'unpublish', 'withdraw']);

export const reviewStageLabels = keyed('catalog.history.stage', ['automatic', 'manual']);

/** Review outcomes of either stage. */
export const reviewOutcomeLabels: Record<string, MessageKey> = {
  passed: 'catalog.review.passed',
  failed: 'catalog.review.failed',
  approved: 'catalog.review.approved',
  rejected: 'catalog.review.rejected',
};

export const severityLabels = keyed('catalog.severity', ['error', 'warning']);

/** `general-3` for general data of grade 3, the level itself otherwise (the API's facet value). */
export function classificationCode(c: { level: string; grade?: number }): string {
  return c.level === 'general' && c.grade ? `general-${c.grade}` : c.level;
}

/** The last segment of an IRI (`…/data-theme/ENER` → `ENER`, `…/freq/monthly` → `monthly`). */
export function iriTail(value: string): string {
  const match = /[/#]([^/#]+)$/.exec(value);
  return match?.[1] ?? value;
}
