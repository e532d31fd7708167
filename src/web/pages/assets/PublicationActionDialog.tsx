import { useState, type FormEvent } from 'react';
import { usePublicationAction, type PublicationAction } from '../../api/assets-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { catalogActionLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** Confirms taking the resource off the catalog, with an optional reason the operator records. */
export function PublicationActionDialog({ assetId, action, onClose }: { assetId: string; action: PublicationAction; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [reason, setReason] = useState('');
  const mutation = usePublicationAction(assetId);
  const name = label(catalogActionLabels, action);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ action, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={name}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</button>
          <button type="submit" form="publication-action-form" className={action === 'withdraw' ? 'btn btn-danger' : 'btn btn-primary'} disabled={mutation.isPending}>
            {mutation.isPending ? t('common.submitting') : t('catalog.decision.confirmButton', { action: name })}
          </button>
        </>
      }
    >
      <form id="publication-action-form" onSubmit={submit} noValidate className="form-vertical">
        <p>{t(action === 'withdraw' ? 'assets.publication.confirm.withdraw' : 'assets.publication.confirm.unpublish')}</p>
        {mutation.error && <ErrorBanner error={mutation.error} />}
        <FormField label={t('review.reason')} htmlFor="publication-reason" hint={t('review.reasonOptional')}>
          <textarea id="publication-reason" name="reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
      </form>
    </Dialog>
  );
}
