import type { DictionaryField } from '../metadata/data-dictionary.js';
import type { DifferentialPrivacyRule } from './sandbox-grant.js';
import type { SandboxTerms } from './sandbox-terms.js';

/** The ε an agreement over records about persons or enterprises gets when its policy names none. */
export const DEFAULT_PRIVACY_BUDGET = 10;
/** δ of the Gaussian mechanism: far below one in the number of subjects of any data set we hold. */
export const DEFAULT_DELTA = 1e-6;
/** The ε one query spends when the consumer names none: a tenth of the budget, at most 1. */
export const defaultQueryEpsilon = (budget: number): number => Math.min(1, budget / 10);

const subjectConcepts = new Set(['tds:uscc', 'tds:residentId', 'tds:organizationCode']);

/**
 * Whether a data dictionary describes records about persons or enterprises: a field is mapped to
 * an enterprise or person identifier (USCC, organization code, resident ID), or holds personal
 * information (the dictionary's PII marks, from `core/metadata` detection or the provider).
 */
export const aboutPersonsOrEnterprises = (fields: readonly DictionaryField[]): boolean =>
  fields.some((f) => (f.concept !== undefined && subjectConcepts.has(f.concept)) || f.pii !== undefined);

/**
 * How an agreement's sandbox answers (ADR 0011): differential privacy when its policy sets a
 * budget or a mechanism, or by default over records about persons or enterprises; exact answers
 * with the query-set audit when the provider chose them (`tds:privacyMechanism eq exact`) or the
 * data is about no one.
 */
export function privacyRulesOf(terms: SandboxTerms, aboutSubjects: boolean): { differentialPrivacy?: DifferentialPrivacyRule; querySetAudit?: true } {
  if (terms.mechanism === 'exact') return { querySetAudit: true };
  if (terms.budget !== undefined || terms.mechanism !== undefined || aboutSubjects) {
    return { differentialPrivacy: { mechanism: terms.mechanism ?? 'laplace', budget: terms.budget ?? DEFAULT_PRIVACY_BUDGET, delta: DEFAULT_DELTA } };
  }
  return { querySetAudit: true };
}
