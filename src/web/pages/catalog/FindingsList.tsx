import type { ReviewFinding } from '../../api/catalog-types';
import { StatusTag } from '../../components/StatusTag';
import { severityLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** What the normative review found, errors first, in the console's language; the rule id and pointer for support. */
export function FindingsList({ findings }: { findings: ReviewFinding[] }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  if (findings.length === 0) return <p className="muted">{t('catalog.review.noFindings')}</p>;
  const sorted = [...findings].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  return (
    <ul className="findings">
      {sorted.map((f, i) => (
        <li key={`${f.rule}:${f.pointer ?? ''}:${i}`} className={`finding finding-${f.severity}`} data-rule={f.rule}>
          <StatusTag tone={f.severity === 'error' ? 'red' : 'gold'} value={f.severity}>{label(severityLabels, f.severity)}</StatusTag>
          <span className="finding-detail">{f.detail[locale] || f.detail['zh-CN'] || f.detail.en}</span>
          <span className="finding-meta muted small">
            <code className="mono">{f.rule}</code>
            {f.pointer && <> · <code className="mono">{f.pointer}</code></>}
          </span>
        </li>
      ))}
    </ul>
  );
}
