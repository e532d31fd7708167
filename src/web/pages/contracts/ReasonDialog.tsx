import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';

/**
 * Confirms an action that ends something (terminate a negotiation or transfer, revoke an
 * agreement) with the reason sent to the counterpart; `required` refuses to send it empty.
 */
export function ReasonDialog({ title, intro, confirm, required, pending, error, onSubmit, onClose }: {
  title: ReactNode;
  intro: ReactNode;
  confirm: ReactNode;
  required: boolean;
  pending: boolean;
  error: unknown;
  onSubmit(reason: string | undefined): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = required && reason.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!missing) onSubmit(reason.trim() || undefined);
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={pending}>{t('common.cancel')}</button>
          <button type="submit" form="reason-form" className="btn btn-danger" disabled={pending}>{pending ? t('common.submitting') : confirm}</button>
        </>
      }
    >
      <form id="reason-form" onSubmit={submit} noValidate className="form-vertical">
        <p>{intro}</p>
        {Boolean(error) && <ErrorBanner error={error} />}
        <FormField label={t('contracts.reason.label')} htmlFor="contract-reason" required={required} error={touched && missing ? t('contracts.reason.required') : undefined} hint={required ? undefined : t('contracts.reason.optional')}>
          <textarea id="contract-reason" name="reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={touched && missing} />
        </FormField>
      </form>
    </Dialog>
  );
}
