import { publishable, type Classification } from '../metadata/classification.js';
import type { AccessMode, CatalogClassification, CatalogEntry } from '../metadata/catalog-entry.js';
import { entryRuleTitles, validateCatalogEntry } from '../metadata/catalog-entry-validation.js';
import type { PiiScan } from '../metadata/pii-detection.js';
import { reviewDictionary } from './dictionary-review.js';
import { offerChannels } from './offer-terms.js';
import { importantDataOffPlatform, manualReviewReasonsFor, type ManualReviewReason, type ManualReviewRule } from './manual-review.js';
import { reviewPersonalInformation } from './personal-information-review.js';
import { ownFinding, type ReviewFinding } from './review-rules.js';

export { describeFinding, reviewRules, reviewRuleTitles, type ReviewFinding, type ReviewRule } from './review-rules.js';
export { manualReviewReasons, manualReviewReasonTitles, type ManualReviewReason, type ManualReviewRule } from './manual-review.js';

/** What a provider submits for publication, as the automatic review sees it. */
export interface PublicationForReview {
  entry: CatalogEntry;
  /** The connector's PII scan of a sample of the data (no raw values, counts only). */
  piiScan?: PiiScan;
  offers: Array<{ id: string; accessMode: AccessMode; priceModel: string; policy?: Record<string, unknown> }>;
}

/**
 * The automatic review's result. `failed` when any finding is an error: the publication goes
 * back to the provider with every finding at once. `passed` with warnings publishes, or waits for
 * a person when `manualReviewRequired`. The manual decision is taken whatever the outcome, so a
 * caller shows it beside a failure too ("fix these, then a reviewer will look at it").
 */
export interface AutomaticReview {
  outcome: 'passed' | 'failed';
  findings: ReviewFinding[];
  manualReviewRequired: boolean;
  /** The {@link ManualReviewReason} ids that call for a person; empty when none does. */
  manualReasons: ManualReviewReason[];
}

/**
 * The automatic normative review (资源规范性审查) of one catalog publication: the entry's fields
 * (DCAT required fields and field forms), its data dictionary and semantic mapping, its
 * classification (core data refused), personal information declared against the scan, and its
 * offers. Pure: the same publication and rule always give the same review.
 */
export function reviewPublication(p: PublicationForReview, options: { manualReview: ManualReviewRule }): AutomaticReview {
  const findings = [
    ...reviewEntryFields(p.entry),
    ...reviewDictionary(p.entry),
    ...reviewClassification(p.entry.classification),
    ...reviewPersonalInformation(p.entry, p.piiScan),
    ...reviewOffers(p),
  ];
  const manualReasons = manualReviewReasonsFor(p.entry, p.piiScan, options.manualReview);
  const channels = p.offers.map((o) => (o.policy ? offerChannels({ policy: o.policy }) : [o.accessMode]));
  if (importantDataOffPlatform(p.entry, channels)) manualReasons.push('review.manual.important-data-channel');
  return {
    outcome: findings.some((f) => f.severity === 'error') ? 'failed' : 'passed',
    findings,
    manualReviewRequired: manualReasons.length > 0,
    manualReasons,
  };
}

// The field checks (title, description, publisher, contact point, licence required; the form of
// every other field) are catalog-entry-validation's; an entry published here must carry our URN.
// Their details are English only, so the Chinese sentence is the rule's title alone.
function reviewEntryFields(entry: CatalogEntry): ReviewFinding[] {
  return validateCatalogEntry(entry, { requireResourceUrn: true }).map((problem) => {
    const title = entryRuleTitles[problem.rule];
    return { rule: problem.rule, severity: 'error', pointer: problem.pointer, detail: { 'zh-CN': title['zh-CN'], en: `${title.en}: ${problem.detail}` } };
  });
}

function reviewClassification(label: CatalogClassification | undefined): ReviewFinding[] {
  if (!label) return [ownFinding('review.classification-missing', 'error', '/classification')];
  const classification = asClassification(label);
  // A malformed label is entry.classification's finding; only a well-formed one is judged here.
  if (classification && !publishable(classification)) return [ownFinding('review.core-data', 'error', '/classification/level')];
  return [];
}

const asClassification = (label: CatalogClassification): Classification | undefined => {
  if (label.level === 'general') return label.grade ? { level: 'general', grade: label.grade } : undefined;
  return label.grade === undefined ? { level: label.level } : undefined;
};

function reviewOffers({ entry, offers }: PublicationForReview): ReviewFinding[] {
  if (offers.length === 0) return [ownFinding('review.offer-missing', 'error', '/offers')];
  // Distributions that declare no access mode say nothing; when some do, an offer for another
  // mode has nothing behind it yet. A warning: the connector may add the distribution later.
  const declared = [...new Set((entry.distributions ?? []).flatMap((d) => (d.accessMode ? [d.accessMode] : [])))];
  if (declared.length === 0) return [];
  return offers.flatMap((offer, i) =>
    declared.includes(offer.accessMode) ? [] : [ownFinding('review.offer-access-mode', 'warning', `/offers/${i}/accessMode`, { offer: offer.id, mode: offer.accessMode, declared: declared.join(', ') })],
  );
}
