import { EvidenceTable } from '../../components/EvidenceTable';
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
  const { t } = useI18n();
  const label = useLabel();
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
        <EvidenceTable rows={proof.evidence} typeLabel={(type) => label(jobEvidenceLabels, type)} pending={t('sandbox.proof.pending')} />
      )}
    </div>
  );
}
