import { useMutation } from '@tanstack/react-query';
import { StatusTag } from '../../components/StatusTag';
import type { CheckpointNote } from '../../ledger/checkpoint-note';
import { checkInclusion } from '../../ledger/proof-check';
import { useI18n } from '../../i18n/use-i18n';

/** "Verify proof": recomputes the entry's inclusion in the checkpoint's tree in this browser. */
export function ProofCheckCell({ index, checkpoint }: { index: number; checkpoint: CheckpointNote }) {
  const { t } = useI18n();
  const check = useMutation({ mutationFn: () => checkInclusion(index, checkpoint) });
  const result = check.data;
  return (
    <div className="proof-cell" data-proof-index={index}>
      <button type="button" className="btn btn-small" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? t('ledger.verifying') : t('ledger.verifyProof')}
      </button>
      {result && (
        <details className="proof-result">
          <summary>
            <StatusTag tone={result.ok ? 'green' : 'red'}>{t(result.ok ? 'ledger.proofPass' : 'ledger.proofFail')}</StatusTag>
          </summary>
          <dl className="proof-facts">
            <dt>{t('ledger.proofTree')}</dt>
            <dd>{t('ledger.proofTreeValue', { index: result.index, size: result.size, hash: result.hash.toUpperCase(), n: result.proofLength })}</dd>
            <dt>{t('ledger.leafHash')}</dt>
            <dd><code className="mono mono-wrap small">{result.leafHashHex}</code></dd>
            <dt>{t('ledger.computedRoot')}</dt>
            <dd><code className="mono mono-wrap small">{result.computedRootHex ?? '—'}</code></dd>
            <dt>{t('ledger.checkpointRoot')}</dt>
            <dd><code className="mono mono-wrap small">{result.expectedRootHex}</code></dd>
            {result.reason && (<><dt>{t('ledger.failReason')}</dt><dd>{result.reason}</dd></>)}
          </dl>
        </details>
      )}
      {check.isError && <StatusTag tone="red">{t('ledger.proofError')}</StatusTag>}
    </div>
  );
}
