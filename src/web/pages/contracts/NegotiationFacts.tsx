import type { NegotiationView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { HashText } from '../../components/HashText';
import { JsonBlock } from '../../components/JsonBlock';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

/** Who negotiates what: our role, the counterpart, the entry, the offer, the purpose, the agreement. */
export function NegotiationFacts({ negotiation: n }: { negotiation: NegotiationView }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <Card title={t('contracts.negotiation.details')}>
      <DescriptionList
        items={[
          { label: t('contracts.role'), value: label(roleLabels, n.role) },
          { label: t('contracts.purpose'), value: n.purpose ?? <span className="muted">{t('contracts.noPurpose')}</span> },
          { label: t('contracts.peer'), value: <HashText value={n.peerDid} full />, wide: true },
          { label: t('contracts.dataset'), value: n.datasetId.startsWith('urn:tds:') ? <Link to={paths.catalogEntry(n.datasetId)} className="mono mono-wrap">{n.datasetId}</Link> : <code className="mono mono-wrap">{n.datasetId}</code>, wide: true },
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
