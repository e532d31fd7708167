import { createContext, useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { en } from './en';
import { fillMessage, type Locale, type MessageKey, type MessageParams, type Messages } from './messages';
import { localeStore } from './locale-store';
import { zhCN } from './zh-CN';

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
  formatDateTime(value: string | number | Date | null | undefined): string;
  formatNumber(value: number): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = useCallback((key: MessageKey, params?: MessageParams) => fillMessage(catalogs[locale][key], params), [locale]);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      setLocale: localeStore.set,
      t,
      formatDateTime: (input) => {
        if (input === null || input === undefined || input === '') return '—';
        const date = input instanceof Date ? input : new Date(input);
        return Number.isNaN(date.getTime()) ? String(input) : dateTime.format(date);
      },
      formatNumber: (n) => number.format(n),
    };
  }, [locale, t]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
