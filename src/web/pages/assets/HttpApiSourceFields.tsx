import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import type { SourceFieldProps } from './source-field-props';

/** An HTTP API answering JSON rows; its auth header's value is a secret, typed like a password. */
export function HttpApiSourceFields({ form, set }: SourceFieldProps) {
  const { t } = useI18n();
  return (
    <>
      <FormField label={t('assets.source.baseUrl')} htmlFor="source-base-url" required hint={t('assets.source.baseUrlHint')}>
        <input id="source-base-url" name="baseUrl" type="url" inputMode="url" spellCheck={false} maxLength={2000} placeholder="https://" value={form.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} required />
      </FormField>
      <FormField label={t('assets.source.samplePath')} htmlFor="source-sample-path" hint={t('assets.source.samplePathHint')}>
        <input id="source-sample-path" name="samplePath" spellCheck={false} maxLength={1000} value={form.samplePath} onChange={(e) => set('samplePath', e.target.value)} />
      </FormField>
      <FormField label={t('assets.source.authName')} htmlFor="source-auth-name" hint={t('assets.source.authNameHint')}>
        <input id="source-auth-name" name="authName" spellCheck={false} maxLength={100} pattern="[A-Za-z0-9-]+" value={form.authName} onChange={(e) => set('authName', e.target.value)} />
      </FormField>
      <FormField label={t('assets.source.authValue')} htmlFor="source-auth-value" hint={t('assets.source.secretHint')}>
        <input id="source-auth-value" name="authValue" type="password" autoComplete="off" spellCheck={false} maxLength={4000} value={form.authValue} onChange={(e) => set('authValue', e.target.value)} />
      </FormField>
    </>
  );
}
