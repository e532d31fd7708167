import { useMyCatalogEntries } from '../../api/catalog-api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { MyEntryCard } from './MyEntryCard';

/** 我的发布: the organisation's own entries, newest change first, with status and review outcome. */
export function CatalogMinePage() {
  const { t } = useI18n();
  const query = useMyCatalogEntries();
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <>
      <PageHeader title={t('catalog.mine.title')} subtitle={t('catalog.mine.subtitle')} />
      {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Loading />}
      {query.data && items.length === 0 && (
        <div className="card">
          <EmptyState title={t('catalog.mine.empty')} hint={t('catalog.mine.emptyHint')} />
        </div>
      )}
      <div className="stack">
        {items.map((record) => <MyEntryCard key={record.id} record={record} />)}
      </div>
    </>
  );
}
