import type { PolicyRequest } from '../policy/index.js';
import type { SandboxTerms } from './sandbox-terms.js';

/** What the sandbox tells the evaluator about a job under these terms, with the ε spent so far. */
export function sandboxRequest(terms: SandboxTerms, privacySpent: number): Partial<PolicyRequest> {
  return {
    ...(terms.k ? { kAnonymity: terms.k } : {}),
    privacySpent,
    ...(terms.rowFilter ? { rowFilter: terms.rowFilter } : {}),
    ...(terms.fields ? { fields: terms.fields } : {}),
    review: terms.review ?? 'auto',
    privacyMechanism: terms.mechanism ?? 'laplace',
  };
}
