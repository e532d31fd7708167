import type { AgreementView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { DatasetName } from '../../components/DatasetName';
import { HashText } from '../../components/HashText';
import { NamedId } from '../../components/NamedId';
import { usePurposeLabel } from '../../names/purpose-label';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ContractStateTag } from './ContractStateTag';
import { SignatureStatus } from './SignatureStatus';

/** The parties (by name, DIDs one click away), purpose, status, the hash both signed and their two signatures. */
export function AgreementFacts({ agreement: a }: { agreement: AgreementView }) {
  const { t, locale, formatDateTime } = useI18n();
  const purposeLabel = usePurposeLabel();
  const label = useLabel();
  return (
    <div data-testid="agreement-facts">
      <Card title={t('contracts.agreement.facts')}>
        <DescriptionList
          items={[
            { label: t('contracts.agreement.status'), value: <ContractStateTag kind="agreement" value={a.status} /> },
            { label: t('contracts.role'), value: label(roleLabels, a.role) },
            ...(a.statusReason ? [{ label: t('contracts.agreement.statusReason'), value: a.statusReason, wide: true }] : []),
            { label: t('contracts.agreement.provider'), value: <NamedId id={a.providerDid} full />, wide: true },
            { label: t('contracts.agreement.consumer'), value: <NamedId id={a.consumerDid} full />, wide: true },
            { label: t('contracts.dataset'), value: <DatasetName id={a.datasetId} full />, wide: true },
            { label: t('contracts.purpose'), value: purposeLabel(a.purpose, locale) ?? <span className="muted">{t('contracts.noPurpose')}</span> },
            { label: t('contracts.agreement.finalizedAt'), value: formatDateTime(a.finalizedAt) },
            { label: t('contracts.agreement.hash'), value: <span data-testid="agreement-hash" title={t('contracts.agreement.hashHint')}><HashText value={a.hash} full /></span>, wide: true },
            { label: t('contracts.agreement.providerSignature'), value: <SignatureStatus party="provider" jws={a.providerSignature} />, wide: true },
            { label: t('contracts.agreement.consumerSignature'), value: <SignatureStatus party="consumer" jws={a.consumerSignature} />, wide: true },
            { label: t('contracts.agreement.negotiation'), value: <Link to={paths.negotiation(a.negotiationId)} className="mono mono-wrap">{a.negotiationId}</Link>, wide: true },
            { label: t('contracts.agreements.id'), value: <code className="mono mono-wrap">{a.id}</code>, wide: true },
          ]}
        />
      </Card>
    </div>
  );
}
