import type { CatalogEntry } from '../metadata/catalog-entry.js';
import type { DictionaryField } from '../metadata/data-dictionary.js';
import { describeMappingFinding, validateMapping } from '../metadata/vocabulary.js';
import { ownFinding, type ReviewFinding } from './review-rules.js';

/**
 * The data dictionary's part of the normative review: a dataset must have one with at least one
 * field, each field should say what it is, and every semantic mapping must be valid.
 *
 * A field with no title and no description (in zh-CN or English) is a warning while most fields
 * are described: one unexplained column (an internal key, a flag) does not make the resource
 * unusable, and the provider sees it. When more than half the fields lack both, the dictionary
 * explains too little for a consumer to judge the data, so every such field is an error.
 */
export function reviewDictionary(entry: CatalogEntry): ReviewFinding[] {
  const fields = entry.dictionary?.fields ?? [];
  if (fields.length === 0) {
    return entry.kind === 'dataset' ? [ownFinding('review.dictionary-missing', 'error', '/dictionary')] : [];
  }
  const findings: ReviewFinding[] = [];
  const undescribed = fields.flatMap((field, i) => (isDescribed(field) ? [] : [{ field, i }]));
  const severity = undescribed.length * 2 > fields.length ? 'error' : 'warning';
  for (const { field, i } of undescribed) {
    findings.push(ownFinding('review.dictionary-field-undescribed', severity, `/dictionary/fields/${i}`, { field: field.name, undescribed: undescribed.length, total: fields.length }));
  }
  for (const m of validateMapping({ fields })) {
    findings.push({ rule: m.rule, severity: 'error', pointer: `/dictionary${m.pointer}`, detail: { 'zh-CN': describeMappingFinding(m, 'zh-CN'), en: describeMappingFinding(m, 'en') } });
  }
  return findings;
}

const hasText = (text: DictionaryField['title']) => [text?.['zh-CN'], text?.en].some((t) => t?.trim());

/** A title or a description in zh-CN or English, not blank. */
const isDescribed = (field: DictionaryField): boolean => hasText(field.title) || hasText(field.description);
