import type { Participant } from '../../api/api-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { HashText } from '../../components/HashText';
import { roleLabels, serviceKindLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** Who the organisation is. Personal data arrives masked from the server and is marked so. */
export function ParticipantInfo({ participant: p }: { participant: Participant }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const masked = <span className="masked-note">{t('participant.masked')}</span>;
  return (
    <Card title={t('participant.basicInfo')}>
      <DescriptionList
        items={[
          { label: t('participant.name'), value: p.name },
          { label: t('participant.uscc'), value: <code className="mono">{p.uscc}</code> },
          { label: t('participant.legalRepresentative'), value: p.legalRepresentative.name },
          { label: t('participant.idNumber'), value: <>{<code className="mono">{p.legalRepresentative.idNumber}</code>} {masked}</> },
          { label: t('participant.contact'), value: p.contact.name },
          { label: t('participant.phone'), value: <>{<code className="mono">{p.contact.phone}</code>} {masked}</> },
          { label: t('participant.email'), value: p.contact.email },
          { label: t('participant.region'), value: p.region },
          { label: t('participant.industry'), value: `${p.industry.section}${p.industry.division ?? ''}` },
          { label: t('participant.roles'), value: p.roles.map((r) => label(roleLabels, r)).join(t('common.listSeparator')) },
          ...(p.serviceKinds.length > 0 ? [{ wide: true, label: t('participant.serviceKinds'), value: p.serviceKinds.map((k) => label(serviceKindLabels, k)).join(t('common.listSeparator')) }] : []),
          { label: t('participant.createdAt'), value: formatDateTime(p.createdAt) },
          { label: t('participant.updatedAt'), value: formatDateTime(p.updatedAt) },
          { label: t('participant.id'), value: <code className="mono">{p.id}</code>, wide: true },
          { label: t('participant.did'), value: p.did ? <HashText value={p.did} full /> : t('participant.noDid'), wide: true },
        ]}
      />
    </Card>
  );
}
