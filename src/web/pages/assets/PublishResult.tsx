import type { AssetPublication } from '../../api/asset-types';
import { Banner } from '../../components/Banner';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';

const outcomes: Record<string, [tone: 'success' | 'info' | 'warning', title: MessageKey]> = {
  published: ['success', 'assets.publish.result.published'],
  pending_review: ['info', 'assets.publish.result.pending_review'],
  rejected: ['warning', 'assets.publish.result.rejected'],
};

/** What the operator answered to a publication, at once: published, waiting for a person, or refused with findings. */
export function PublishResult({ publication }: { publication: AssetPublication }) {
  const { t } = useI18n();
  const [tone, title] = outcomes[publication.status] ?? ['info', 'assets.publish.result.other'];
  const findings = publication.review?.automatic.findings.length ?? 0;
  return (
    <div data-testid="publish-result" data-status={publication.status}>
      <Banner tone={tone} title={t(title)}>
        {findings > 0 ? t('assets.publish.result.findings', { n: findings }) : null} <a href="#publication">{t('assets.publish.result.see')}</a>
      </Banner>
    </div>
  );
}
