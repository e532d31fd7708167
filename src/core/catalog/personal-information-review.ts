import type { CatalogEntry } from '../metadata/catalog-entry.js';
import { isSensitivePiiKind } from '../metadata/data-dictionary.js';
import { describePiiFinding, piiConsistency, type PiiScan } from '../metadata/pii-detection.js';
import { ownFinding, type ReviewFinding } from './review-rules.js';

/**
 * The personal-information part of the normative review (个人信息, GB/T 35273): what the
 * dictionary declares is checked against the connector's scan of a sample (counts, never
 * values). Each finding keeps the rule id and severity `piiConsistency` gives it: undeclared
 * and understated-sensitivity findings are errors, a kind other than the one detected is a
 * warning (a declared bank account the sample shows as card numbers is a judgement call for a
 * person, not a reason to refuse).
 */
export function reviewPersonalInformation(entry: CatalogEntry, scan: PiiScan | undefined): ReviewFinding[] {
  const dictionary = entry.dictionary ?? { fields: [] };
  if (!scan) {
    // Without a scan nothing can be checked; the review says so rather than passing silently.
    return dictionary.fields.length > 0 ? [ownFinding('review.pii-scan-missing', 'warning', '/dictionary')] : [];
  }
  // Checked even without a dictionary: personal information in the sample of a resource that
  // declares no fields is undeclared all the same.
  return piiConsistency(dictionary, scan).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    pointer: `/dictionary${f.pointer}`,
    detail: { 'zh-CN': describePiiFinding(f, 'zh-CN'), en: describePiiFinding(f, 'en') },
  }));
}

/**
 * Whether the resource holds sensitive personal information (敏感个人信息, GB/T 35273 Annex B)
 * by the provider's word or by the scan: a field declared sensitive or of a sensitive kind, or a
 * field the scan finds sensitive data in.
 */
export function holdsSensitivePersonalInformation(entry: CatalogEntry, scan: PiiScan | undefined): boolean {
  const declared = (entry.dictionary?.fields ?? []).some((f) => f.pii && (f.pii.sensitive || isSensitivePiiKind(f.pii.kind)));
  return declared || (scan?.fields ?? []).some((f) => f.pii?.sensitive);
}
