import type { VerificationResult } from '../../api/api-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag } from '../../components/StatusTag';
import { checkRuleLabels, outcomeLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { maskedCheckDetail, verificationTitle } from './verification-labels';

/**
 * What the identity verifiers found when review started, check by check. Rule checks are called
 * so (not 公安 or registry verification); an external verifier is named.
 */
export function VerificationResults({ results }: { results: VerificationResult[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <Card title={t('verification.title')}>
      {results.length === 0 ? (
        <EmptyState title={t('verification.empty')} hint={t('verification.emptyHint')} />
      ) : (
        <ul className="verifications">
          {results.map((r) => {
            const title = verificationTitle(r);
            return (
            <li key={`${r.verifier}:${r.at}`} className="verification" data-verifier={r.verifier}>
              <div className="verification-head">
                <strong>{t(title.key)}</strong>
                <span className="muted">{title.rulesOnly ? t('verification.rulesOnlyNote') : t('verification.externalBy', { verifier: r.verifier })}</span>
                <StatusTag value={r.outcome}>{label(outcomeLabels, r.outcome)}</StatusTag>
                <span className="muted small">{formatDateTime(r.at)}</span>
              </div>
              <ul className="checks">
                {r.checks.map((c) => (
                  <li key={c.rule} className={c.passed ? 'check check-pass' : 'check check-fail'}>
                    <span className="check-mark" aria-label={c.passed ? t('verification.pass') : t('verification.fail')}>{c.passed ? '✓' : '✕'}</span>
                    <span>{label(checkRuleLabels, c.rule)}</span>
                    <span className="check-detail muted">
                      <code className="mono">{c.rule}</code> {maskedCheckDetail(c.rule, c.detail)}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
