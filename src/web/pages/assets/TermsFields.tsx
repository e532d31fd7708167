import { FormField } from '../../components/FormField';
import { RegionPicker } from '../../components/RegionPicker';
import { frequencyLabels, openLabels, shareLabels } from '../../i18n/catalog-labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import type { MetadataFieldProps } from './DescriptionFields';

const licences = ['https://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/publicdomain/zero/1.0/', 'https://w3id.org/trustspace/licence/restricted-1.0'];

// The coverage is a list of GB/T 2260 codes and place IRIs: the picker names the codes, the text keeps the IRIs.
const spatialItems = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);
const regionCodes = (text: string) => spatialItems(text).filter((item) => /^\d{6}$/.test(item));
const withRegions = (text: string, codes: string[]) => [...codes, ...spatialItems(text).filter((item) => !/^\d{6}$/.test(item))].join(', ');

/** Who answers for it, under what licence, what it covers, and how it may be shared (共享属性 / 开放属性). */
export function TermsFields({ form, set }: MetadataFieldProps) {
  const { t } = useI18n();
  const label = useLabel();
  const options = (table: Record<string, MessageKey>) => Object.keys(table).map((v) => <option key={v} value={v}>{label(table, v)}</option>);
  return (
    <>
      <FormField label={t('catalog.entry.license')} htmlFor="asset-license" required hint={t('assets.meta.licenseHint')}>
        <input id="asset-license" name="license" type="url" list="asset-licences" spellCheck={false} maxLength={2000} value={form.license} onChange={(e) => set('license', e.target.value)} />
        <datalist id="asset-licences">{licences.map((l) => <option key={l} value={l} />)}</datalist>
      </FormField>
      <FormField label={t('catalog.entry.contact')} htmlFor="asset-contact-name" required hint={t('assets.meta.contactHint')}>
        <div className="inline-fields">
          <input id="asset-contact-name" name="contactName" maxLength={200} aria-label={t('assets.meta.contactName')} placeholder={t('assets.meta.contactName')} value={form.contactName} onChange={(e) => set('contactName', e.target.value)} />
          <input id="asset-contact-email" name="contactEmail" type="email" maxLength={254} aria-label={t('participant.email')} placeholder={t('participant.email')} value={form.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} />
          <input id="asset-contact-phone" name="contactPhone" type="tel" maxLength={40} aria-label={t('participant.phone')} placeholder={t('participant.phone')} value={form.contactPhone} onChange={(e) => set('contactPhone', e.target.value)} />
        </div>
      </FormField>
      <FormField label={t('catalog.entry.spatial')} htmlFor="asset-spatial" hint={t('assets.meta.spatialHint')}>
        <RegionPicker id="asset-spatial-picker" name="spatial-picker" value={regionCodes(form.spatial)} onChange={(codes) => set('spatial', withRegions(form.spatial, codes))} />
        <input id="asset-spatial" name="spatial" inputMode="numeric" maxLength={500} value={form.spatial} onChange={(e) => set('spatial', e.target.value)} />
      </FormField>
      <FormField label={t('catalog.entry.temporal')} htmlFor="asset-temporal-start">
        <div className="inline-fields">
          <input id="asset-temporal-start" name="temporalStart" type="date" aria-label={t('assets.meta.temporalStart')} value={form.temporalStart} onChange={(e) => set('temporalStart', e.target.value)} />
          <span className="muted">–</span>
          <input id="asset-temporal-end" name="temporalEnd" type="date" aria-label={t('assets.meta.temporalEnd')} value={form.temporalEnd} onChange={(e) => set('temporalEnd', e.target.value)} />
        </div>
      </FormField>
      <FormField label={t('catalog.entry.periodicity')} htmlFor="asset-periodicity">
        <select id="asset-periodicity" name="periodicity" value={form.periodicity} onChange={(e) => set('periodicity', e.target.value)}>
          <option value="">{t('assets.meta.notStated')}</option>
          {options(frequencyLabels)}
        </select>
      </FormField>
      <FormField label={t('catalog.entry.shareAttribute')} htmlFor="asset-share" hint={t('assets.meta.shareHint')}>
        <select id="asset-share" name="shareAttribute" value={form.shareAttribute} onChange={(e) => set('shareAttribute', e.target.value)}>
          <option value="">{t('assets.meta.notStated')}</option>
          {options(shareLabels)}
        </select>
      </FormField>
      <FormField label={t('catalog.entry.openAttribute')} htmlFor="asset-open">
        <select id="asset-open" name="openAttribute" value={form.openAttribute} onChange={(e) => set('openAttribute', e.target.value)}>
          <option value="">{t('assets.meta.notStated')}</option>
          {options(openLabels)}
        </select>
      </FormField>
    </>
  );
}
