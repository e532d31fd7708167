import { defaultLocale, locales, type Locale } from './messages';

const storageKey = 'tds.locale';
const listeners = new Set<() => void>();

function readStored(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return locales.includes(stored as Locale) ? (stored as Locale) : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

let current: Locale = typeof window === 'undefined' ? defaultLocale : readStored();

/** The console's language: zh-CN unless the user chose otherwise on this browser (localStorage). */
export const localeStore = {
  get: (): Locale => current,
  set(locale: Locale): void {
    current = locale;
    try {
      window.localStorage.setItem(storageKey, locale);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
