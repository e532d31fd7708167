import { FormField } from '../../components/FormField';

interface Props {
  id: string;
  label: string;
  zh: string;
  en: string;
  onZh(value: string): void;
  onEn(value: string): void;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  maxLength?: number;
}

/** A text in Chinese and English side by side (`{id}-zh`, `{id}-en`); the catalog shows the reader's language. */
export function BilingualInput({ id, label, zh, en, onZh, onEn, required, hint, multiline, maxLength = 4000 }: Props) {
  const field = (lang: 'zh' | 'en', value: string, onValue: (v: string) => void) => {
    const props = { id: `${id}-${lang}`, name: `${id}-${lang}`, lang: lang === 'zh' ? 'zh-CN' : 'en', value, maxLength, 'aria-label': `${label} (${lang === 'zh' ? '中文' : 'English'})` };
    return (
      <div className="bilingual-item">
        <span className="bilingual-lang" aria-hidden="true">{lang === 'zh' ? '中' : 'EN'}</span>
        {multiline ? <textarea rows={3} {...props} onChange={(e) => onValue(e.target.value)} /> : <input {...props} onChange={(e) => onValue(e.target.value)} />}
      </div>
    );
  };
  return (
    <FormField label={label} htmlFor={`${id}-zh`} required={required} hint={hint}>
      <div className="bilingual">
        {field('zh', zh, onZh)}
        {field('en', en, onEn)}
      </div>
    </FormField>
  );
}
