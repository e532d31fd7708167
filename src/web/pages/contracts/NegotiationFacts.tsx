import type { NegotiationView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { DatasetName } from '../../components/DatasetName';
import { NamedId } from '../../components/NamedId';
import { usePurposeLabel } from '../../names/purpose-label';
import { JsonBlock } from '../../components/JsonBlock';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

/** Who negotiates what: our role, the counterpart, the entry, the offer, the purpose, the agreement. */
export function NegotiationFacts({ negotiation: n }: { negotiation: NegotiationView }) {
  const { t, locale, formatDateTime } = useI18n();
  const purposeLabel = usePurposeLabel();
  const label = useLabel();
  return (
    <Card title={t('contracts.negotiation.details')}>
      <DescriptionList
        items={[
          { label: t('contracts.role'), value: label(roleLabels, n.role) },
          { label: t('contracts.purpose'), value: purposeLabel(n.purpose, locale) ?? <span className="muted">{t('contracts.noPurpose')}</span> },
          { label: t('contracts.peer'), value: <NamedId id={n.peerDid} full />, wide: true },
          { label: t('contracts.dataset'), value: <DatasetName id={n.datasetId} full />, wide: true },
          { label: t('contracts.offer'), value: <code className="mono mono-wrap">{String(n.offer['@id'] ?? '—')}</code>, wide: true },
          { label: t('contracts.negotiation.agreement'), value: n.agreementId ? <Link to={paths.agreement(n.agreementId)} className="mono mono-wrap">{n.agreementId}</Link> : '—', wide: true },
          { label: t('contracts.negotiations.id'), value: <code className="mono mono-wrap">{n.id}</code>, wide: true },
          { label: t('contracts.attempts'), value: n.attempts },
          { label: t('contracts.updatedAt'), value: formatDateTime(n.updatedAt) },
        ]}
      />
      <details className="decoded">
        <summary>{t('contracts.showOffer')}</summary>
        <JsonBlock value={n.offer} />
      </details>
    </Card>
  );
}
