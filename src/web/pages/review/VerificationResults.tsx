import type { VerificationResult } from '../../api/api-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag } from '../../components/StatusTag';
import { checkRuleLabels, outcomeLabels, verificationKindLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** What the identity verifiers found when review started, check by check. */
export function VerificationResults({ results }: { results: VerificationResult[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <Card title={t('verification.title')}>
      {results.length === 0 ? (
        <EmptyState title={t('verification.empty')} hint={t('verification.emptyHint')} />
      ) : (
        <ul className="verifications">
          {results.map((r) => (
            <li key={`${r.verifier}:${r.at}`} className="verification">
              <div className="verification-head">
                <strong>{label(verificationKindLabels, r.kind)}</strong>
                <span className="muted">{r.verifier}</span>
                <StatusTag value={r.outcome}>{label(outcomeLabels, r.outcome)}</StatusTag>
                <span className="muted small">{formatDateTime(r.at)}</span>
              </div>
              <ul className="checks">
                {r.checks.map((c) => (
                  <li key={c.rule} className={c.passed ? 'check check-pass' : 'check check-fail'}>
                    <span className="check-mark" aria-label={c.passed ? t('verification.pass') : t('verification.fail')}>{c.passed ? '✓' : '✕'}</span>
                    <span>{label(checkRuleLabels, c.rule)}</span>
                    <span className="check-detail muted">
                      <code className="mono">{c.rule}</code> {c.detail}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
