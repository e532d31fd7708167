import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import { BilingualInput } from './BilingualInput';
import type { MetadataForm } from './metadata-form-state';
import { ThemeChooser } from './ThemeChooser';

export interface MetadataFieldProps {
  form: MetadataForm;
  set<K extends keyof MetadataForm>(key: K, value: MetadataForm[K]): void;
}

/** What the resource is: title, description, keywords (searched in both languages) and themes. */
export function DescriptionFields({ form, set }: MetadataFieldProps) {
  const { t } = useI18n();
  return (
    <>
      <BilingualInput id="asset-title" label={t('assets.meta.title')} required maxLength={200} zh={form.titleZh} en={form.titleEn} onZh={(v) => set('titleZh', v)} onEn={(v) => set('titleEn', v)} />
      <BilingualInput id="asset-description" label={t('catalog.entry.description')} required multiline hint={t('assets.meta.descriptionHint')} zh={form.descriptionZh} en={form.descriptionEn} onZh={(v) => set('descriptionZh', v)} onEn={(v) => set('descriptionEn', v)} />
      <BilingualInput id="asset-keywords" label={t('catalog.entry.keywords')} hint={t('assets.meta.keywordsHint')} zh={form.keywordsZh} en={form.keywordsEn} onZh={(v) => set('keywordsZh', v)} onEn={(v) => set('keywordsEn', v)} />
      <FormField label={t('catalog.entry.themes')}>
        <ThemeChooser value={form.themes} onChange={(v) => set('themes', v)} />
      </FormField>
    </>
  );
}
