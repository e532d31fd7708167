import { useState } from 'react';
import type { ReviewAction } from '../../api/api-types';
import { useParticipant } from '../../api/participants-api';
import { canReview } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { Banner } from '../../components/Banner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { actionLabels, statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { DocumentsTable } from './DocumentsTable';
import { HistoryTimeline } from './HistoryTimeline';
import { ParticipantInfo } from './ParticipantInfo';
import { ReviewActions } from './ReviewActions';
import { VerificationResults } from './VerificationResults';

export function ParticipantDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const session = useSession();
  const query = useParticipant(id);
  const [done, setDone] = useState<ReviewAction | null>(null);
  const breadcrumb = <Link to={paths.review}>← {t('review.backToList')}</Link>;

  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('review.detailTitle')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const p = query.data;

  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{p.name} <StatusTag value={p.status}>{label(statusLabels, p.status)}</StatusTag></>}
        subtitle={t('review.detailSubtitle', { uscc: p.uscc })}
        extra={canReview(session) ? <ReviewActions participant={p} onDone={setDone} /> : undefined}
      />
      {done && <Banner tone="success" title={t('review.actionDone', { action: label(actionLabels, done), status: label(statusLabels, p.status) })} />}
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
