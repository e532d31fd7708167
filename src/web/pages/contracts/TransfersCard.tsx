import type { AgreementView } from '../../api/contract-types';
import { useAgreementTransfers, useStartTransfer } from '../../api/transfers-api';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';
import { TransferRow } from './TransferRow';

/** 数据传输 under the agreement; the consumer starts an HttpData-PULL transfer from here. */
export function TransfersCard({ agreement }: { agreement: AgreementView }) {
  const { t } = useI18n();
  const query = useAgreementTransfers(agreement.id);
  const start = useStartTransfer();
  const items = query.data?.items ?? [];
  // The server refuses a transfer the signed policy does not allow (ADR 0010); the console does not offer it.
  const canDownload = agreement.allowedChannels.includes('download');
  const startButton = agreement.role === 'consumer' && canDownload && (
    <button type="button" className="btn btn-primary btn-small" data-action="start-transfer" disabled={agreement.status !== 'active' || start.isPending} title={agreement.status === 'active' ? undefined : t('contracts.transfers.notActive')} onClick={() => start.mutate({ agreementId: agreement.id, format: 'HttpData-PULL' })}>
      {t('contracts.transfers.start')}
    </button>
  );
  return (
    <div data-testid="transfers">
      <Card title={t('contracts.transfers.title')} extra={startButton || undefined}>
        {start.error && <ErrorBanner error={start.error} />}
        {query.isPending && <Loading />}
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && items.length === 0 && <EmptyState title={t('contracts.transfers.empty')} hint={agreement.role !== 'consumer' ? undefined : canDownload ? t('contracts.transfers.emptyHint') : t('contracts.transfers.noDownload')} />}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('contracts.transfers.id')}</th>
                  <th>{t('contracts.transfers.format')}</th>
                  <th>{t('contracts.transfers.state')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((transfer) => <TransferRow key={transfer.id} transfer={transfer} purpose={agreement.purpose} />)}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
