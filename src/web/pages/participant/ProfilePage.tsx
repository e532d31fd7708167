import { useParticipant } from '../../api/participants-api';
import { useSession } from '../../auth/use-session';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { DocumentsTable } from '../review/DocumentsTable';
import { HistoryTimeline } from '../review/HistoryTimeline';
import { ParticipantInfo } from '../review/ParticipantInfo';
import { VerificationResults } from '../review/VerificationResults';
import { ConnectConnectorCard } from './ConnectConnectorCard';

/** 我的主体: the logged-in person's own organisation, as the operator holds it; once admitted, how to connect its connector. */
export function ProfilePage({ participantId }: { participantId: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const query = useParticipant(participantId);
  const session = useSession();
  const isAdmin = session?.kind === 'user' && session.user.roles.includes('admin');
  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('profile.title')} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const p = query.data;
  return (
    <>
      <PageHeader title={<>{t('profile.title')} <StatusTag value={p.status}>{label(statusLabels, p.status)}</StatusTag></>} subtitle={p.name} />
      {p.status === 'approved' && <ConnectConnectorCard participantId={p.id} canCreateToken={isAdmin} />}
      <div className="grid-2">
        <div className="stack">
          <ParticipantInfo participant={p} />
          <DocumentsTable documents={p.documents ?? []} />
        </div>
        <div className="stack">
          <VerificationResults results={p.verification} />
          <HistoryTimeline history={p.history ?? []} />
        </div>
      </div>
    </>
  );
}
