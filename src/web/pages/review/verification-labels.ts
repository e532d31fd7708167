import type { VerificationResult } from '../../api/api-types';
import type { MessageKey } from '../../i18n/messages';

/**
 * How a verifier's result is titled. The built-in verifiers (`rules:*`) only check the codes'
 * structure, so they are called rule checks, never 公安/市场监管 verification; a configured
 * external verifier keeps its registry's kind and is named beside it.
 */
export function verificationTitle(result: Pick<VerificationResult, 'verifier' | 'kind'>): { key: MessageKey; rulesOnly: boolean } {
  if (result.verifier.startsWith('rules:')) {
    const key = `verification.rulesOnly.${result.kind}`;
    return { key: (isRulesKey(key) ? key : 'verification.rulesOnly.public-security'), rulesOnly: true };
  }
  return { key: `verification.kind.${result.kind}` as MessageKey, rulesOnly: false };
}

const rulesKeys = new Set(['verification.rulesOnly.market-regulation', 'verification.rulesOnly.public-security', 'verification.rulesOnly.tax']);
const isRulesKey = (key: string): key is MessageKey => rulesKeys.has(key);

/** A resident-ID check's detail with any date masked: the ID number's mask hides the birth date. */
export function maskedCheckDetail(rule: string, detail: string): string {
  return rule.startsWith('resident-id.') ? detail.replace(/\d{4}-?\d{2}-?\d{2}/g, '****-**-**') : detail;
}
