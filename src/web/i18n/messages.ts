import type { zhCN } from './zh-CN';

/** Every message key; zh-CN is the reference catalog, so its keys are the keys. */
export type MessageKey = keyof typeof zhCN;

/** A catalog for another locale: exactly the keys of zh-CN, no more, no fewer (checked by tsc). */
export type Messages = { readonly [K in MessageKey]: string };

export type Locale = 'zh-CN' | 'en';

export const locales: readonly Locale[] = ['zh-CN', 'en'];

export const defaultLocale: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fillMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
