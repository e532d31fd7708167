import type { HistoryEntry } from '../../api/api-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { HashText } from '../../components/HashText';
import { StatusTag } from '../../components/StatusTag';
import { actionLabels, statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { NamedId } from '../../components/NamedId';
import { paths } from '../../router/routes';

/** Every status change, newest first, each with the evidence ledger entry written with it. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card title={t('history.title')}>
      {entries.length === 0 ? (
        <EmptyState title={t('history.empty')} />
      ) : (
        <ol className="timeline">
          {entries.map((h, i) => (
            <li key={`${h.at}:${i}`} className="timeline-item">
              <span className={`timeline-dot dot-${h.to}`} aria-hidden="true" />
              <div className="timeline-body">
                <div className="timeline-head">
                  <strong>{label(actionLabels, h.action)}</strong>
                  {h.from && <StatusTag value={h.from}>{label(statusLabels, h.from)}</StatusTag>}
                  {h.from && <span aria-hidden="true">→</span>}
                  <StatusTag value={h.to}>{label(statusLabels, h.to)}</StatusTag>
                  <span className="muted small">{formatDateTime(h.at)}</span>
                </div>
                <div className="timeline-meta">
                  <span>{t('history.actor')}: <NamedId id={h.actor} /></span>
                  {typeof h.ledgerIndex === 'number' ? (
                    <Link to={paths.evidenceEntry(h.ledgerIndex)}>{t('history.ledgerEntry', { index: h.ledgerIndex })}</Link>
                  ) : (
                    h.evidenceHash && <span>{t('history.evidenceHash')}: <HashText value={h.evidenceHash} /></span>
                  )}
                </div>
                {h.reason && <p className="timeline-reason">{t('history.reason')}: {h.reason}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
