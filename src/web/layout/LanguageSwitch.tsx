import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/use-i18n';
import { locales, type Locale } from '../i18n/messages';

const names: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** 中文 | English; remembered in localStorage. Answers are read again so server texts follow. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const queryClient = useQueryClient();
  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    void queryClient.invalidateQueries();
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {locales.map((l) => (
        <button key={l} type="button" lang={l} className={l === locale ? 'lang-option active' : 'lang-option'} aria-pressed={l === locale} onClick={() => choose(l)}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
