import { useMemo } from 'react';
import { useCheckpoint, useLedgerEntries } from '../../api/ledger-api';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { parseCheckpointNote } from '../../ledger/checkpoint-note';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { CheckpointCard } from './CheckpointCard';
import { EntryDetailCard } from './EntryDetailCard';
import { LedgerEntriesTable } from './LedgerEntriesTable';

const pageSize = 20;

/**
 * 存证账本: the latest checkpoint and the entries it covers, newest first. Every row can be
 * proven against that checkpoint in the browser, so the table stops at the checkpoint's size.
 */
export function LedgerPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const checkpoint = useCheckpoint();
  const note = useMemo(() => {
    if (!checkpoint.data) return undefined;
    try {
      return parseCheckpointNote(checkpoint.data);
    } catch (error) {
      return error as Error;
    }
  }, [checkpoint.data]);
  const page = Math.max(0, Number.parseInt(search.get('page') ?? '1', 10) - 1 || 0);
  const entryParam = search.get('entry');
  const entry = entryParam !== null && /^\d+$/.test(entryParam) ? Number(entryParam) : undefined;
  const size = note instanceof Error || !note ? 0 : note.size;
  const to = Math.max(0, size - page * pageSize);
  const from = Math.max(0, to - pageSize);
  const entries = useLedgerEntries(from, to);
  const rows = useMemo(() => [...(entries.data?.entries ?? [])].reverse(), [entries.data]);

  return (
    <>
      <PageHeader title={t('ledger.title')} subtitle={t('ledger.subtitle')} />
      {checkpoint.isPending && <Loading />}
      {checkpoint.isError && <ErrorBanner error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />}
      {note instanceof Error && <ErrorBanner error={new Error(t('ledger.checkpointMalformed', { reason: note.message }))} />}
      {note && !(note instanceof Error) && (
        <div className="stack">
          <CheckpointCard note={note} raw={checkpoint.data ?? ''} onRefresh={() => void checkpoint.refetch()} refreshing={checkpoint.isFetching} />
          {entry !== undefined && <EntryDetailCard index={entry} checkpoint={note} />}
          <Card title={t('ledger.entries')} extra={<span className="muted small">{t('ledger.entriesHint')}</span>}>
            {entries.isError && <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />}
            {size === 0 && <EmptyState title={t('ledger.empty')} hint={t('ledger.emptyHint')} />}
            {size > 0 && entries.isPending && <Loading />}
            {rows.length > 0 && (
              <>
                <LedgerEntriesTable entries={rows} checkpoint={note} />
                <Pagination page={page} pageSize={pageSize} total={size} onPage={(p) => navigate(`${paths.evidence}${p > 0 ? `?page=${p + 1}` : ''}`)} />
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
