import { useState, type FormEvent } from 'react';
import { useRegisterAsset } from '../../api/assets-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { sourceKindLabels } from '../../i18n/asset-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { FileSourceFields } from './FileSourceFields';
import { HttpApiSourceFields } from './HttpApiSourceFields';
import { connectKinds, emptySourceForm, isComplete, sourceInput, type SourceForm } from './source-form-state';
import { TableSourceFields } from './TableSourceFields';

/**
 * Connects a database table, an HTTP API or a file in the connector's source directory. The
 * connector reads a sample at once, so a source it cannot read is refused here (asset.source-unreadable).
 * Secrets leave this form once and are forgotten by it as soon as the connector has them.
 */
export function ConnectSourceForm({ onCreated }: { onCreated(id: string): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form, setForm] = useState<SourceForm>(emptySourceForm);
  const register = useRegisterAsset();
  const set = <K extends keyof SourceForm>(key: K, value: SourceForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(
      { name: form.name.trim(), source: sourceInput(form) },
      {
        onSuccess: (asset) => {
          setForm(emptySourceForm);
          onCreated(asset.id);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      {register.error && <ErrorBanner error={register.error} />}
      <FormField label={t('assets.source.kindLabel')} required>
        <div className="checks-row" role="radiogroup" aria-label={t('assets.source.kindLabel')}>
          {connectKinds.map((kind) => (
            <label key={kind} className="check-option">
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={() => set('kind', kind)} />
              {label(sourceKindLabels, kind)}
            </label>
          ))}
        </div>
      </FormField>
      <FormField label={t('assets.new.name')} htmlFor="source-name" required hint={t('assets.new.nameHint')}>
        <input id="source-name" name="name" maxLength={200} value={form.name} onChange={(e) => set('name', e.target.value)} required />
      </FormField>
      {form.kind === 'table' && <TableSourceFields form={form} set={set} />}
      {form.kind === 'http-api' && <HttpApiSourceFields form={form} set={set} />}
      {form.kind === 'file' && <FileSourceFields form={form} set={set} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={register.isPending || !isComplete(form)}>
          {register.isPending ? t('assets.new.connecting') : t('assets.new.connect')}
        </button>
      </div>
    </form>
  );
}
