/**
 * Every reason a code can be rejected. The ids are stable: callers branch on them, the API
 * returns them and `identity-messages.ts` must describe each one (a compile error otherwise).
 */
export const failureRules = [
  'uscc.length',
  'uscc.charset',
  'uscc.authority',
  'uscc.category',
  'uscc.region',
  'uscc.check-character',
  'resident-id.length',
  'resident-id.charset',
  'resident-id.region',
  'resident-id.birth-date',
  'resident-id.birth-date-future',
  'resident-id.birth-date-too-early',
  'resident-id.check-character',
  'region.format',
  'region.province',
  'region.prefecture',
  'industry.section',
  'industry.division',
  'industry.mismatch',
  'phone.format',
  'email.format',
] as const;

export type FailureRule = (typeof failureRules)[number];

/**
 * Why a code was rejected: the rule it breaks and, where one character or field is at fault,
 * its 1-based position with what was expected there and what was found.
 */
export interface CodeFailure {
  rule: FailureRule;
  position?: number;
  expected?: string;
  actual?: string;
}

/** A validator's answer: the parsed value, or the first rule the input breaks. */
export type CodeResult<T> = { ok: true; value: T } | { ok: false; failure: CodeFailure };

export const success = <T>(value: T): CodeResult<T> => ({ ok: true, value });

export const failure = <T>(rule: FailureRule, details: Omit<CodeFailure, 'rule'> = {}): CodeResult<T> => ({
  ok: false,
  failure: { rule, ...details },
});
