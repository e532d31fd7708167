import { useLedgerEntry } from '../../api/ledger-api';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JsonBlock } from '../../components/JsonBlock';
import { Loading } from '../../components/Loading';
import type { CheckpointNote } from '../../ledger/checkpoint-note';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { EventType, EvidenceParty } from './EvidenceParty';
import { ProofCheckCell } from './ProofCheckCell';

/** One entry in full (linked from a participant's history): fields, payload and its proof check. */
export function EntryDetailCard({ index, checkpoint }: { index: number; checkpoint: CheckpointNote }) {
  const { t, formatDateTime } = useI18n();
  const query = useLedgerEntry(index);
  return (
    <Card title={t('ledger.entryTitle', { index })} extra={<Link to={paths.evidence}>{t('common.close')}</Link>}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorBanner error={query.error} />}
      {query.data && (
        <>
          <DescriptionList
            items={[
              { label: t('ledger.type'), value: query.data.entry ? <EventType type={query.data.entry.type} /> : t('ledger.undecodable') },
              { label: t('ledger.at'), value: formatDateTime(query.data.entry?.at) },
              { label: t('ledger.subject'), value: query.data.entry ? <EvidenceParty id={query.data.entry.subject} full /> : '—', wide: true },
              { label: t('ledger.actor'), value: query.data.entry ? <EvidenceParty id={query.data.entry.actor} full /> : '—', wide: true },
              { label: t('ledger.payloadHash'), value: <code className="mono mono-wrap small">{query.data.entry?.payloadHash ?? '—'}</code>, wide: true },
              {
                label: t('ledger.proof'),
                value: index < checkpoint.size ? <ProofCheckCell index={index} checkpoint={checkpoint} /> : <span className="muted">{t('ledger.notYetInCheckpoint')}</span>,
                wide: true,
              },
            ]}
          />
          <h3 className="subheading">{t('ledger.payload')}</h3>
          <JsonBlock value={query.data.entry?.payload ?? null} />
        </>
      )}
    </Card>
  );
}
