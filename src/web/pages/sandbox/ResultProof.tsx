import { useConnectorIdentity } from '../../api/identity-api';
import { HashText } from '../../components/HashText';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { jobEvidenceLabels } from '../../i18n/sandbox-labels';
import type { JobProof } from '../../api/sandbox-types';

/**
 * 结果证明: the SHA-256 of the released result (canonical JSON) and the job's entries in the
 * space's evidence ledger. Each acknowledged entry links to the operator console's ledger page,
 * which recomputes its inclusion proof; entries not yet acknowledged have no index.
 */
export function ResultProof({ proof }: { proof: JobProof }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const operatorUrl = useConnectorIdentity().data?.operatorUrl?.replace(/\/+$/, '');
  return (
    <div className="result-proof" data-testid="job-proof">
      <h3 className="subheading">{t('sandbox.proof.title')}</h3>
      <p className="muted small">{t('sandbox.proof.hint')}</p>
      <dl className="proof-facts">
        <dt>{t('sandbox.proof.sha256')}</dt>
        <dd><code className="mono mono-wrap" data-testid="job-result-sha256">{proof.resultSha256}</code></dd>
      </dl>
      {proof.evidence.length === 0 ? (
        <p className="muted small">{t('sandbox.proof.noEvidence')}</p>
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
              {proof.evidence.map((e) => (
                <tr key={`${e.type}:${e.leafHash}`} data-receipt={e.type} data-ledger-index={e.ledgerIndex}>
                  <td>
                    {label(jobEvidenceLabels, e.type)}
                    <div className="small muted mono">{e.type}</div>
                  </td>
                  <td className="num">{e.ledgerIndex ?? <span className="muted" title={t('sandbox.proof.pending')}>…</span>}</td>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td><HashText value={e.leafHash} /></td>
                  <td className="col-actions">
                    {operatorUrl && e.ledgerIndex !== undefined ? (
                      <>
                        <a href={`${operatorUrl}/evidence?entry=${e.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.verify')}</a>
                        {' · '}
                        <a href={`${operatorUrl}/ledger/entries/${e.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.raw')}</a>
                      </>
                    ) : (
                      <span className="muted small">{t('sandbox.proof.pending')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
