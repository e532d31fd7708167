import { useI18n } from '../../i18n/use-i18n';
import type { JobResult } from '../../api/sandbox-types';

/**
 * 预期误差: what differential privacy did to a result — the ε it spent and, per noisy column, the
 * bound its absolute error stays under with 95% probability — so nobody reads noise as a fact.
 */
export function ResultPrivacy({ result }: { result: JobResult }) {
  const { t, formatNumber } = useI18n();
  const privacy = result.privacy;
  if (!privacy) return null;
  const mechanism = privacy.mechanism === 'gaussian' ? t('sandbox.rules.gaussian') : t('sandbox.rules.laplace');
  return (
    <div className="small muted" data-testid="result-privacy">
      <p>{t('sandbox.result.privacy', { epsilon: formatNumber(privacy.epsilon), mechanism })}</p>
      <ul>
        {privacy.columns.map((c) => (
          <li key={c.name} data-column={c.name} data-testid="result-error">
            {t('sandbox.result.error95', { column: c.name, error: formatNumber(Math.round(c.error95 * 100) / 100) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
