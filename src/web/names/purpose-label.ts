import type { Locale } from '../i18n/messages';
import { usePolicyVocabulary, type PolicyVocabulary } from '../api/policies-api';

/**
 * A purpose (使用目的) as a person reads it: the purpose vocabulary's label in the console's
 * language (core/policy/purpose-vocabulary.ts, served by the connector), matched by id or IRI.
 * A purpose outside the vocabulary (free text written through the API) is shown as written.
 */
export function purposeLabel(purpose: string | undefined, locale: Locale, vocabulary?: PolicyVocabulary): string | undefined {
  if (!purpose) return purpose;
  const entry = vocabulary?.purposes.find((p) => p.id === purpose || p.iri === purpose);
  return entry ? entry.label[locale] : purpose;
}

/** `purposeLabel` bound to the connector's vocabulary; identifiers show as written until it loads. */
export function usePurposeLabel(): (purpose: string | undefined, locale: Locale) => string | undefined {
  const vocabulary = usePolicyVocabulary().data;
  return (purpose, locale) => purposeLabel(purpose, locale, vocabulary);
}
