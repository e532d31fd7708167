import { useState } from 'react';
import type { NegotiationView } from '../../api/contract-types';
import { isNegotiationOver, useNegotiationAction } from '../../api/negotiations-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { ReasonDialog } from './ReasonDialog';

/** Terminate a negotiation that is not over (with a reason); accept the provider's counter-offer. */
export function NegotiationActions({ negotiation }: { negotiation: NegotiationView }) {
  const { t } = useI18n();
  const [terminating, setTerminating] = useState(false);
  const terminate = useNegotiationAction(negotiation.id);
  const accept = useNegotiationAction(negotiation.id);
  if (isNegotiationOver(negotiation)) return null;
  return (
    <div className="action-bar">
      {negotiation.role === 'consumer' && negotiation.state === 'OFFERED' && (
        <button type="button" className="btn btn-primary" data-action="accept" disabled={accept.isPending} onClick={() => accept.mutate({ action: 'accept' })}>{t('contracts.negotiation.accept')}</button>
      )}
      <button type="button" className="btn btn-danger-outline" data-action="terminate" onClick={() => setTerminating(true)}>{t('contracts.negotiation.terminate')}</button>
      {accept.error && <ErrorBanner error={accept.error} />}
      {terminating && (
        <ReasonDialog
          title={t('contracts.negotiation.terminate')}
          intro={t('contracts.negotiation.terminateIntro')}
          confirm={t('contracts.negotiation.terminate')}
          required
          pending={terminate.isPending}
          error={terminate.error}
          onSubmit={(reason) => terminate.mutate({ action: 'terminate', reason }, { onSuccess: () => setTerminating(false) })}
          onClose={() => setTerminating(false)}
        />
      )}
    </div>
  );
}
