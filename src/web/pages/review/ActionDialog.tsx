import { useState, type FormEvent } from 'react';
import type { Participant, ReviewAction } from '../../api/api-types';
import { useReviewAction } from '../../api/participants-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { actionLabels } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { dangerous, reasonRequired } from './review-actions';

const confirmText: Record<ReviewAction, MessageKey> = {
  'start-review': 'review.confirm.start-review',
  approve: 'review.confirm.approve',
  reject: 'review.confirm.reject',
  suspend: 'review.confirm.suspend',
  reinstate: 'review.confirm.reinstate',
  revoke: 'review.confirm.revoke',
};

/** Confirms one review action, with its reason (required for reject, suspend and revoke). */
export function ActionDialog({ participant, action, onClose, onDone }: { participant: Participant; action: ReviewAction; onClose(): void; onDone(updated: Participant): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useReviewAction(participant.id);
  const required = reasonRequired.has(action);
  const missing = required && reason.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    mutation.mutate({ action, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onDone });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('review.dialogTitle', { action: label(actionLabels, action), name: participant.name })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</button>
          <button type="submit" form="action-form" className={dangerous.has(action) ? 'btn btn-danger' : 'btn btn-primary'} disabled={mutation.isPending}>
            {mutation.isPending ? t('common.submitting') : t('review.confirmButton', { action: label(actionLabels, action) })}
          </button>
        </>
      }
    >
      <form id="action-form" onSubmit={submit} noValidate className="form-vertical">
        <p>{t(confirmText[action])}</p>
        {mutation.error && <ErrorBanner error={mutation.error} />}
        <FormField label={t('review.reason')} htmlFor="action-reason" required={required} error={touched && missing ? t('review.reasonRequired') : undefined} hint={required ? undefined : t('review.reasonOptional')}>
          <textarea id="action-reason" name="reason" rows={4} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={touched && missing} />
        </FormField>
      </form>
    </Dialog>
  );
}
