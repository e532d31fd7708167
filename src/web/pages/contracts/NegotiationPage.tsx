import { DatasetName } from '../../components/DatasetName';
import { isNegotiationOver, useNegotiation } from '../../api/negotiations-api';
import { Banner } from '../../components/Banner';
import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ContractStateTag } from './ContractStateTag';
import { NegotiationActions } from './NegotiationActions';
import { NegotiationFacts } from './NegotiationFacts';
import { NegotiationSteps } from './NegotiationSteps';
import { ProcessReasonView } from './ProcessReasonView';

/**
 * One contract negotiation (`/negotiations/:id`), followed live: the state machine as steps, read
 * again every second until FINALIZED or TERMINATED, the message on its way to the counterpart, the
 * reasons of a termination, and the agreement once there is one.
 */
export function NegotiationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useNegotiation(id);
  const breadcrumb = <Link to={paths.negotiations}>← {t('contracts.negotiation.back')}</Link>;
  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('contracts.negotiation.title')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const n = query.data;
  const over = isNegotiationOver(n);
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{t('contracts.negotiation.title')} <ContractStateTag kind="negotiation" value={n.state} /></>}
        subtitle={<DatasetName id={n.datasetId} />}
        extra={<NegotiationActions negotiation={n} />}
      />
      <div className="stack">
        <Card title={t('contracts.negotiation.progress')} extra={<span className="small muted">{over ? t('contracts.negotiation.over') : t('contracts.negotiation.live')}</span>}>
          <NegotiationSteps negotiation={n} />
          {n.sending && <Banner tone="info" title={t('contracts.negotiation.sending', { message: n.sending, attempts: n.attempts })} />}
          {n.state === 'TERMINATED' && (
            <Banner tone="warning" title={t('contracts.negotiation.terminated')}>
              <ProcessReasonView reason={n.reason} />
            </Banner>
          )}
          {n.state !== 'TERMINATED' && n.reason !== undefined && <ProcessReasonView reason={n.reason} />}
          {n.state === 'FINALIZED' && n.agreementId && (
            <Banner tone="success" title={t('contracts.negotiation.finalized')}>
              <Link to={paths.agreement(n.agreementId)} data-action="open-agreement">{t('contracts.negotiation.openAgreement')}</Link>
            </Banner>
          )}
        </Card>
        <NegotiationFacts negotiation={n} />
      </div>
    </>
  );
}
