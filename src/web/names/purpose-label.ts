import type { Locale } from '../i18n/messages';

/**
 * A purpose (使用目的) as a person reads it. Purposes are the policy's own strings today; this is
 * the one place to map them to the purpose vocabulary's labels once the console has it.
 */
export function purposeLabel(purpose: string | undefined, _locale: Locale): string | undefined {
  return purpose;
}
