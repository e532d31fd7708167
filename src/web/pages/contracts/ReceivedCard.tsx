import type { ReceivedView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { HashText } from '../../components/HashText';
import { formatBytes } from '../../format/format-bytes';
import { useI18n } from '../../i18n/use-i18n';
import { ReceivedDownload } from './ReceivedDownload';

/** 已接收数据: what this connector received under the agreement, with its hash, to save as a file. */
export function ReceivedCard({ items }: { items: ReceivedView[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div data-testid="received">
      <Card title={t('contracts.received.title')}>
        {items.length === 0 ? (
          <EmptyState title={t('contracts.received.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('contracts.received.at')}</th>
                  <th className="num">{t('contracts.received.size')}</th>
                  <th>{t('contracts.received.mediaType')}</th>
                  <th>{t('contracts.received.sha256')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} data-received={item.id}>
                    <td className="nowrap">{formatDateTime(item.receivedAt)}</td>
                    <td className="num nowrap">{formatBytes(item.bytes)}</td>
                    <td className="nowrap">{item.mediaType.split(';')[0]}</td>
                    <td><HashText value={item.sha256} /></td>
                    <td><ReceivedDownload item={item} /></td>
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
