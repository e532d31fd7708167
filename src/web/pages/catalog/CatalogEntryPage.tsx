import { useState } from 'react';
import { useCatalogEntry } from '../../api/catalog-api';
import { useNode } from '../../api/console-api';
import { canReview } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { Banner } from '../../components/Banner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { localized } from '../../i18n/localized-text';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { CatalogStatusTag } from './CatalogStatusTag';
import { ClassificationTag } from './ClassificationTag';
import { DecisionActions } from './DecisionActions';
import type { Decision } from './DecisionDialog';
import { DictionaryTable } from './DictionaryTable';
import { DistributionsTable } from './DistributionsTable';
import { DownloadButtons } from './DownloadButtons';
import { EntryHistoryCard } from './EntryHistoryCard';
import { EntryMetadata } from './EntryMetadata';
import { LiveOffersCard } from './LiveOffersCard';
import { OffersTable } from './OffersTable';
import { ReviewSummaryCard } from './ReviewSummaryCard';

export type EntryOrigin = 'search' | 'reviews' | 'mine';

const back: Record<EntryOrigin, [string, MessageKey]> = {
  search: [paths.catalog, 'catalog.entry.backToSearch'],
  reviews: [paths.catalogReviews, 'catalog.entry.backToReviews'],
  mine: [paths.catalogMine, 'catalog.entry.backToMine'],
};

/**
 * One catalog entry (`?version=` for an older one): metadata, dictionary, offers, downloads. Its
 * provider and the operator's staff also get the review and the history (the operator sends the
 * review and visibility only to them); admins and reviewers decide entries waiting for review.
 * On a connector the entry comes through the connector, which also reads the live offers from the
 * provider's own connector; the history stays on the operator's console.
 */
export function CatalogEntryPage({ id, from }: { id: string; from: EntryOrigin }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const onConnector = useNode() === 'connector';
  const { path, search } = useLocation();
  const asked = Number.parseInt(search.get('version') ?? '', 10);
  const query = useCatalogEntry(id, Number.isFinite(asked) && asked > 0 ? asked : undefined);
  const [done, setDone] = useState<Decision | null>(null);
  const [backTo, backLabel] = back[from];
  const breadcrumb = <Link to={backTo}>← {t(backLabel)}</Link>;

  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('catalog.entry.title')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const record = query.data;
  const full = record.visibility !== undefined;

  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{localized(record.entry.title, locale) ?? t('catalog.untitled')} <CatalogStatusTag status={record.status} /> <ClassificationTag classification={record.entry.classification} /></>}
        subtitle={`${record.provider.name} · ${t('catalog.versionValue', { version: record.version })}`}
        extra={canReview(session) ? <DecisionActions record={record} onDone={setDone} /> : undefined}
      />
      {done && <Banner tone="success" title={t(done === 'approve' ? 'catalog.decision.done.approve' : 'catalog.decision.done.reject')} />}
      {record.latestVersion > record.version && (
        <Banner tone="warning" title={t('catalog.entry.olderVersion', { version: record.version, latest: record.latestVersion })}>
          <Link to={path}>{t('catalog.entry.openLatest')}</Link>
        </Banner>
      )}
      <DownloadButtons id={record.id} version={record.version} />
      <div className="grid-2">
        <div className="stack">
          <EntryMetadata record={record} />
        </div>
        <div className="stack">
          {full && record.review && <ReviewSummaryCard review={record.review} />}
          <OffersTable offers={record.offers} />
          {onConnector && record.status === 'published' && <LiveOffersCard id={record.id} />}
          <DistributionsTable distributions={record.entry.distributions ?? []} />
        </div>
      </div>
      <div className="stack section-gap">
        <DictionaryTable dictionary={record.entry.dictionary} />
        {full && !onConnector && <EntryHistoryCard id={record.id} shownVersion={record.version} versionPath={(v) => (v === record.latestVersion ? path : `${path}?version=${v}`)} />}
      </div>
    </>
  );
}
