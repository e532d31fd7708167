import type { EvidenceReceipt } from '../../api/contract-types';
import { useConnectorIdentity } from '../../api/identity-api';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { HashText } from '../../components/HashText';
import { evidenceTypeLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/**
 * 存证回执: where each step of the agreement sits in the operator's evidence ledger. Each links to
 * the operator console's ledger page, which recomputes the inclusion proof in the browser, and to
 * the public entry itself. Links, not fetches: the operator's ledger is another origin.
 */
export function EvidenceReceiptsCard({ receipts }: { receipts: EvidenceReceipt[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const operatorUrl = useConnectorIdentity().data?.operatorUrl?.replace(/\/+$/, '');
  return (
    <div data-testid="evidence-receipts">
      <Card title={t('contracts.evidence.title')}>
        <p className="muted small">{t('contracts.evidence.hint')}</p>
        {receipts.length === 0 ? (
          <EmptyState title={t('contracts.evidence.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('contracts.evidence.type')}</th>
                  <th className="num">{t('contracts.evidence.index')}</th>
                  <th>{t('contracts.evidence.at')}</th>
                  <th>{t('contracts.evidence.leafHash')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {receipts.map((r) => (
                  <tr key={`${r.ledgerIndex}:${r.type}`} data-receipt={r.type} data-ledger-index={r.ledgerIndex}>
                    <td>
                      {label(evidenceTypeLabels, r.type)}
                      <div className="small muted mono">{r.type}</div>
                    </td>
                    <td className="num">{r.ledgerIndex}</td>
                    <td className="nowrap">{formatDateTime(r.at)}</td>
                    <td><HashText value={r.leafHash} /></td>
                    <td className="col-actions">
                      {operatorUrl && (
                        <>
                          <a href={`${operatorUrl}/evidence?entry=${r.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.verify')}</a>
                          {' · '}
                          <a href={`${operatorUrl}/ledger/entries/${r.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.raw')}</a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
