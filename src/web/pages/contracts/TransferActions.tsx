import { useState } from 'react';
import type { TransferView } from '../../api/contract-types';
import { usePullTransfer, useTransferAction } from '../../api/transfers-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatBytes } from '../../format/format-bytes';
import { useI18n } from '../../i18n/use-i18n';
import { ReasonDialog } from './ReasonDialog';
import { ReceivedDownload } from './ReceivedDownload';

/**
 * What can be done with a transfer now: 下载 (the consumer pulls the data into its connector,
 * under the agreement's purpose, then saves the file), suspend, resume, terminate.
 */
export function TransferActions({ transfer, purpose }: { transfer: TransferView; purpose: string | undefined }) {
  const { t } = useI18n();
  const [terminating, setTerminating] = useState(false);
  const action = useTransferAction(transfer.id);
  const pull = usePullTransfer(transfer.id);
  const { state } = transfer;
  const canPull = transfer.role === 'consumer' && state === 'STARTED' && transfer.hasDataAddress && transfer.format === 'HttpData-PULL';
  const open = state === null || state === 'REQUESTED' || state === 'STARTED' || state === 'SUSPENDED';
  return (
    <div className="transfer-actions">
      <div className="action-bar">
        {canPull && (
          <button type="button" className="btn btn-primary btn-small" data-action="pull" disabled={pull.isPending} onClick={() => pull.mutate(purpose)}>
            {pull.isPending ? t('contracts.transfers.downloading') : t('contracts.transfers.download')}
          </button>
        )}
        {state === 'STARTED' && <button type="button" className="btn btn-small" data-action="suspend" disabled={action.isPending} onClick={() => action.mutate({ action: 'suspend' })}>{t('contracts.transfers.suspend')}</button>}
        {state === 'SUSPENDED' && <button type="button" className="btn btn-small" data-action="resume" disabled={action.isPending} onClick={() => action.mutate({ action: 'resume' })}>{t('contracts.transfers.resume')}</button>}
        {open && <button type="button" className="btn btn-small btn-danger-outline" data-action="terminate" onClick={() => setTerminating(true)}>{t('contracts.transfers.terminate')}</button>}
      </div>
      {pull.data && (
        <div className="pulled" data-testid="pulled">
          <span className="small">{t('contracts.transfers.received', { size: formatBytes(pull.data.bytes) })}</span>
          <ReceivedDownload item={pull.data} />
        </div>
      )}
      {(pull.error ?? action.error) && <ErrorBanner error={pull.error ?? action.error} />}
      {terminating && (
        <ReasonDialog
          title={t('contracts.transfers.terminateTitle')}
          intro={t('contracts.transfers.terminateIntro')}
          confirm={t('contracts.transfers.terminate')}
          required={false}
          pending={action.isPending}
          error={action.error}
          onSubmit={(reason) => action.mutate({ action: 'terminate', ...(reason ? { reason } : {}) }, { onSuccess: () => setTerminating(false) })}
          onClose={() => setTerminating(false)}
        />
      )}
    </div>
  );
}
