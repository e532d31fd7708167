import { useAgreementUsage } from '../../api/agreements-api';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { StatusTag, type TagTone } from '../../components/StatusTag';
import { formatBytes } from '../../format/format-bytes';
import { accessOutcomeLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

const tones: Record<string, TagTone> = { allowed: 'blue', completed: 'green', interrupted: 'gold', refused: 'red' };

/** The provider's data-plane accesses under the agreement, newest first, with their outcomes. */
export function AccessLogCard({ agreementId }: { agreementId: string }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const query = useAgreementUsage(agreementId, true);
  const items = query.data?.items ?? [];
  return (
    <div data-testid="access-log">
      <Card title={t('contracts.usage.accessLog')} extra={<button type="button" className="btn btn-small" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>}>
        {query.isPending && <Loading />}
        {query.isError && <ErrorBanner error={query.error} />}
        {query.data && items.length === 0 && <EmptyState title={t('contracts.usage.accessEmpty')} />}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('contracts.usage.at')}</th>
                  <th>{t('contracts.usage.transfer')}</th>
                  <th>{t('contracts.usage.kind')}</th>
                  <th>{t('contracts.usage.outcome')}</th>
                  <th className="num">{t('contracts.usage.bytes')}</th>
                  <th>{t('contracts.usage.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id} data-access={a.id} data-outcome={a.outcome}>
                    <td className="nowrap">{formatDateTime(a.at)}</td>
                    <td><code className="mono" title={a.transferId}>{a.transferId.replace(/^urn:uuid:/, '').slice(0, 8)}</code></td>
                    <td>{a.kind}</td>
                    <td><StatusTag tone={tones[a.outcome] ?? 'grey'}>{label(accessOutcomeLabels, a.outcome)}</StatusTag></td>
                    <td className="num nowrap">{formatBytes(a.bytes)}</td>
                    <td className="cell-wrap small mono mono-wrap">{a.detail ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
