import { useState, type FormEvent } from 'react';
import { useCatalogDecision } from '../../api/catalog-api';
import type { CatalogRecord } from '../../api/catalog-types';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';

export type Decision = 'approve' | 'reject';

/** Confirms a manual review decision with the reviewer's reason (required to reject). */
export function DecisionDialog({ record, decision, onClose, onDone }: { record: CatalogRecord; decision: Decision; onClose(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useCatalogDecision(record.id);
  const required = decision === 'reject';
  const missing = required && reason.trim() === '';
  const action = t(decision === 'approve' ? 'catalog.decision.approve' : 'catalog.decision.reject');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    mutation.mutate({ decision, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onDone });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('catalog.decision.dialogTitle', { action, title: localized(record.entry.title, locale) ?? record.id })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</button>
          <button type="submit" form="decision-form" className={required ? 'btn btn-danger' : 'btn btn-primary'} disabled={mutation.isPending}>
            {mutation.isPending ? t('common.submitting') : t('catalog.decision.confirmButton', { action })}
          </button>
        </>
      }
    >
      <form id="decision-form" onSubmit={submit} noValidate className="form-vertical">
        <p>{t(decision === 'approve' ? 'catalog.decision.confirm.approve' : 'catalog.decision.confirm.reject')}</p>
        {mutation.error && <ErrorBanner error={mutation.error} />}
        <FormField label={t('review.reason')} htmlFor="decision-reason" required={required} error={touched && missing ? t('review.reasonRequired') : undefined} hint={required ? undefined : t('review.reasonOptional')}>
          <textarea id="decision-reason" name="reason" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={touched && missing} />
        </FormField>
      </form>
    </Dialog>
  );
}
