import { useState } from 'react';
import type { AgreementView } from '../../api/contract-types';
import { useRevokeAgreement } from '../../api/agreements-api';
import { useI18n } from '../../i18n/use-i18n';
import { ReasonDialog } from './ReasonDialog';

/** The provider revokes an agreement in force, with the reason the consumer is told. */
export function RevokeAgreementButton({ agreement }: { agreement: AgreementView }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const revoke = useRevokeAgreement(agreement.id);
  if (agreement.role !== 'provider' || (agreement.status !== 'active' && agreement.status !== 'pending')) return null;
  return (
    <>
      <button type="button" className="btn btn-danger-outline" data-action="revoke" onClick={() => setOpen(true)}>{t('contracts.agreement.revoke')}</button>
      {open && (
        <ReasonDialog
          title={t('contracts.agreement.revoke')}
          intro={t('contracts.agreement.revokeIntro')}
          confirm={t('contracts.agreement.revoke')}
          required
          pending={revoke.isPending}
          error={revoke.error}
          onSubmit={(reason) => reason && revoke.mutate(reason, { onSuccess: () => setOpen(false) })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
