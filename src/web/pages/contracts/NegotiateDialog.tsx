import { useState, type FormEvent } from 'react';
import type { DspOffer } from '../../api/catalog-types';
import { useStartNegotiation } from '../../api/negotiations-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { allowedPurposes } from './policy-constraints';

/** Starts a contract negotiation for one live offer, with the purpose declared; then opens it. */
export function NegotiateDialog({ entryId, offer, onClose }: { entryId: string; offer: DspOffer; onClose(): void }) {
  const { t } = useI18n();
  const purposes = allowedPurposes(offer);
  const [purpose, setPurpose] = useState('');
  const mutation = useStartNegotiation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const declared = purpose.trim();
    mutation.mutate(
      { entryId, ...(offer['@id'] ? { offerId: offer['@id'] } : {}), ...(declared ? { purpose: declared } : {}) },
      { onSuccess: (negotiation) => navigate(paths.negotiation(negotiation.id)) },
    );
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('contracts.negotiate.title')}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</button>
          <button type="submit" form="negotiate-form" className="btn btn-primary" disabled={mutation.isPending}>{mutation.isPending ? t('common.submitting') : t('contracts.negotiate.submit')}</button>
        </>
      }
    >
      <form id="negotiate-form" onSubmit={submit} noValidate className="form-vertical">
        <p>{t('contracts.negotiate.intro')}</p>
        <p className="small"><span className="muted">{t('contracts.offer')}:</span> <code className="mono mono-wrap">{offer['@id'] ?? '—'}</code></p>
        {mutation.error && <ErrorBanner error={mutation.error} />}
        <FormField
          label={t('contracts.negotiate.purpose')}
          htmlFor="negotiate-purpose"
          required={purposes.length > 0}
          hint={purposes.length > 0 ? t('contracts.negotiate.purposeRequired', { purposes: purposes.join(t('common.listSeparator')) }) : t('contracts.negotiate.purposeHint')}
        >
          <input id="negotiate-purpose" name="purpose" maxLength={200} value={purpose} list={purposes.length ? 'negotiate-purposes' : undefined} onChange={(e) => setPurpose(e.target.value)} />
          {purposes.length > 0 && (
            <datalist id="negotiate-purposes">
              {purposes.map((p) => <option key={p} value={p} />)}
            </datalist>
          )}
        </FormField>
      </form>
    </Dialog>
  );
}
