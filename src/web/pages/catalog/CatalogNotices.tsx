import { useCatalogNotices, useMarkNoticesRead } from '../../api/catalog-api';
import type { CatalogNotice } from '../../api/catalog-types';
import { Banner } from '../../components/Banner';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

function noticeText(t: ReturnType<typeof useI18n>['t'], notice: CatalogNotice): string {
  if (notice.kind === 'unpublished') return t('catalog.notices.unpublished');
  if (notice.kind === 'withdrawn') return t('catalog.notices.withdrawn');
  return t('catalog.notices.new-version', { from: notice.fromVersion, to: notice.toVersion });
}

/**
 * Unread notices about entries this organisation read (版本变更通知): newer versions, unpublished,
 * withdrawn. A connector relays them but cannot mark them read; that stays on the operator's console.
 */
export function CatalogNotices({ canMarkRead }: { canMarkRead: boolean }) {
  const { t, formatDateTime } = useI18n();
  const notices = useCatalogNotices(true);
  const markRead = useMarkNoticesRead();
  const unread = (notices.data?.items ?? []).filter((n) => !n.read);
  if (unread.length === 0) return null;
  const upTo = Math.max(...unread.map((n) => n.id));
  return (
    <Banner tone="info" title={t('catalog.notices.title')}>
      <ul className="notice-list">
        {unread.map((n) => (
          <li key={n.id} data-notice={n.kind}>
            <Link to={paths.catalogEntry(n.entryId)} className="mono">{n.entryId}</Link> {noticeText(t, n)} <span className="muted small">{formatDateTime(n.at)}</span>
          </li>
        ))}
      </ul>
      {canMarkRead && <button type="button" className="btn btn-small" disabled={markRead.isPending} onClick={() => markRead.mutate(upTo)}>{t('catalog.notices.markRead')}</button>}
    </Banner>
  );
}
