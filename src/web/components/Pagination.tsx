import { useI18n } from '../i18n/use-i18n';

/** Page controls under a table: total, previous/next and the page number (1-based for people). */
export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <span className="pagination-total">{t('pagination.total', { total })}</span>
      <button type="button" className="btn btn-small" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span className="pagination-page">{t('pagination.page', { page: page + 1, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
