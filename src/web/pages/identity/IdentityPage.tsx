import { useConnectorIdentity } from '../../api/identity-api';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HashText } from '../../components/HashText';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';
import { CredentialCard } from '../participant/CredentialCard';

/** The connector's own identity: its DID, whether its key is enrolled, and the credentials it holds. */
export function IdentityPage() {
  const { t } = useI18n();
  const query = useConnectorIdentity();
  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('identity.title')} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const id = query.data;
  return (
    <>
      <PageHeader title={t('identity.title')} subtitle={t('identity.subtitle')} />
      <div className="stack">
        <Card title={t('identity.summary')}>
          <DescriptionList
            items={[
              { label: t('identity.enrolled'), value: <StatusTag tone={id.enrolled ? 'green' : 'orange'}>{t(id.enrolled ? 'identity.enrolledYes' : 'identity.enrolledNo')}</StatusTag> },
              { label: t('identity.keyAlgorithm'), value: id.keyAlgorithm ?? '—' },
              { label: t('participant.did'), value: id.did ? <HashText value={id.did} full /> : t('participant.noDid'), wide: true },
              { label: t('identity.participantId'), value: id.participantId ? <code className="mono">{id.participantId}</code> : '—' },
              { label: t('identity.operatorUrl'), value: <code className="mono">{id.operatorUrl}</code> },
            ]}
          />
        </Card>
        {id.credentials.length === 0 ? (
          <div className="card">
            <EmptyState title={t('credentials.empty')} hint={t('identity.noCredentialsHint')} />
          </div>
        ) : (
          id.credentials.map((c) => <CredentialCard key={c.id} credential={c} />)
        )}
      </div>
    </>
  );
}
