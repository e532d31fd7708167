import { DatasetName } from '../../components/DatasetName';
import { useAgreement } from '../../api/agreements-api';
import { useReceived } from '../../api/transfers-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { AccessLogCard } from './AccessLogCard';
import { AgreementFacts } from './AgreementFacts';
import { ContractStateTag } from './ContractStateTag';
import { EvidenceReceiptsCard } from './EvidenceReceiptsCard';
import { PolicyDescriptionCard } from './PolicyDescriptionCard';
import { ReceivedCard } from './ReceivedCard';
import { RevokeAgreementButton } from './RevokeAgreementButton';
import { TransfersCard } from './TransfersCard';
import { UsageCard } from './UsageCard';

/**
 * One agreement (`/agreements/:id`): its policy in words, parties, hash and signatures, ledger
 * receipts, usage against its limits, and the transfers under it (start, download, suspend,
 * resume, terminate); the provider also sees the access log and may revoke it.
 */
export function AgreementPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useAgreement(id);
  const consumer = query.data?.role === 'consumer';
  const received = useReceived(id, consumer);
  const breadcrumb = <Link to={paths.agreements}>← {t('contracts.agreement.back')}</Link>;
  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('contracts.agreement.title')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const a = query.data;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{t('contracts.agreement.title')} <ContractStateTag kind="agreement" value={a.status} /></>}
        subtitle={<DatasetName id={a.datasetId} />}
        extra={<RevokeAgreementButton agreement={a} />}
      />
      <div className="grid-2">
        <div className="stack">
          <PolicyDescriptionCard agreement={a} />
          <UsageCard agreement={a} received={received.data?.items.length} />
        </div>
        <AgreementFacts agreement={a} />
      </div>
      <div className="stack section-gap">
        <TransfersCard agreement={a} />
        {consumer && <ReceivedCard items={received.data?.items ?? []} />}
        {a.role === 'provider' && <AccessLogCard agreementId={a.id} />}
        <EvidenceReceiptsCard receipts={a.evidence ?? []} />
      </div>
    </>
  );
}
