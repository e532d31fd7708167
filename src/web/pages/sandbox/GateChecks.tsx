import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import type { BilingualText } from '../../api/sandbox-types';

/** What the sandbox's gate checked before it ran the job, one line each, in the console's language. */
export function GateChecks({ checks }: { checks: BilingualText[] }) {
  const { t, locale } = useI18n();
  if (checks.length === 0) return null;
  return (
    <div className="gate-checks" data-testid="job-checks">
      <h3 className="subheading">{t('sandbox.job.checks')}</h3>
      <ul className="checks">
        {checks.map((check, i) => (
          <li key={i} className="check check-pass">
            <span className="check-mark" aria-hidden="true">✓</span>
            <span className="check-detail">{localized(check, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
