import type { EvidenceReceipt } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { EvidenceTable } from '../../components/EvidenceTable';
import { evidenceTypeLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/**
 * 存证回执: where each step of the agreement sits in the operator's evidence ledger.
 */
export function EvidenceReceiptsCard({ receipts }: { receipts: EvidenceReceipt[] }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <div data-testid="evidence-receipts">
      <Card title={t('contracts.evidence.title')}>
        <p className="muted small">{t('contracts.evidence.hint')}</p>
        {receipts.length === 0 ? (
          <EmptyState title={t('contracts.evidence.empty')} />
        ) : (
          <EvidenceTable rows={receipts} typeLabel={(type) => label(evidenceTypeLabels, type)} />
        )}
      </Card>
    </div>
  );
}
