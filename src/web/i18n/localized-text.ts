import type { Locale } from './messages';

/**
 * A language-tagged text in the console's language, else the other one, else any language
 * the provider wrote (a Chinese title still shows in the English console).
 */
export function localized(text: Record<string, string | undefined> | undefined, locale: Locale): string | undefined {
  if (!text) return undefined;
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const first = text[locale] || text[other] || Object.values(text).find((v) => v);
  return first || undefined;
}

/** Keywords in the console's language first, then the others, without repeats. */
export function localizedList(lists: Record<string, string[]> | undefined, locale: Locale): string[] {
  if (!lists) return [];
  const ordered = [lists[locale] ?? [], ...Object.entries(lists).filter(([l]) => l !== locale).map(([, v]) => v)];
  return [...new Set(ordered.flat())];
}
