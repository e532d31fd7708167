import { useCredentials } from '../../api/participants-api';
import { Banner } from '../../components/Banner';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { CredentialCard } from './CredentialCard';

/** 凭证: the verifiable credentials the operator issued to the user's organisation. */
export function CredentialsPage({ participantId }: { participantId: string }) {
  const { t } = useI18n();
  const query = useCredentials(participantId);
  return (
    <>
      <PageHeader title={t('credentials.title')} subtitle={t('credentials.subtitle')} />
      <Banner tone="info">{t('credentials.decodeNotice')}</Banner>
      {query.isPending && <Loading />}
      {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <div className="card">
          <EmptyState title={t('credentials.empty')} hint={t('credentials.emptyHint')} />
        </div>
      )}
      <div className="stack">
        {query.data?.items.map((c) => <CredentialCard key={c.id} credential={c} />)}
      </div>
    </>
  );
}
