import type { AgreementView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { DescriptionList, type Description } from '../../components/DescriptionList';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';
import { usageLimits } from './policy-constraints';

/**
 * 使用情况: uses so far against the policy's count, and its time window. The provider counts uses
 * in its data plane; the consumer's own count is what it received (`received`).
 */
export function UsageCard({ agreement, received }: { agreement: AgreementView; received?: number }) {
  const { t, formatDateTime } = useI18n();
  const limits = usageLimits(agreement.policy);
  const used = agreement.role === 'provider' ? agreement.uses : Math.max(agreement.uses, received ?? 0);
  const left = limits.count === undefined ? undefined : Math.max(0, limits.count - used);
  const expired = limits.until !== undefined && Date.parse(limits.until) <= Date.now();
  const items: Description[] = [
    {
      label: t('contracts.usage.uses'),
      value: (
        <span data-testid="usage-count" data-used={used} data-limit={limits.count ?? ''}>
          {limits.count === undefined ? t('contracts.usage.usesUnlimited', { used }) : t('contracts.usage.usesOf', { used, limit: limits.count })}{' '}
          {left !== undefined && <StatusTag tone={left > 0 ? 'green' : 'red'}>{left > 0 ? t('contracts.usage.remaining', { n: left }) : t('contracts.usage.exhausted')}</StatusTag>}
          {agreement.role === 'consumer' && <span className="field-hint">{t('contracts.usage.countedBy')}</span>}
        </span>
      ),
      wide: true,
    },
  ];
  if (limits.from) items.push({ label: t('contracts.usage.from'), value: formatDateTime(limits.from) });
  if (limits.until) items.push({ label: t('contracts.usage.until'), value: <>{formatDateTime(limits.until)} {expired && <StatusTag tone="red">{t('contracts.usage.expired')}</StatusTag>}</> });
  return (
    <Card title={t('contracts.usage.title')}>
      <DescriptionList items={items} />
    </Card>
  );
}
