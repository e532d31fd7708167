import type { ReactNode } from 'react';
import type { CatalogHistory } from '../../api/catalog-types';
import { EmptyState } from '../../components/EmptyState';
import { HashText } from '../../components/HashText';
import { StatusTag } from '../../components/StatusTag';
import { catalogActionLabels, reviewOutcomeLabels, reviewStageLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { NamedId } from '../../components/NamedId';
import { CatalogStatusTag } from './CatalogStatusTag';

interface Item {
  at: string;
  key: string;
  head: ReactNode;
  actor: string;
  reason: string | null;
  evidenceHash: string;
  dot: string;
}

/** Status changes and reviews in one list, newest first, each with the evidence written with it. */
export function CatalogTimeline({ history }: { history: CatalogHistory }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const version = (v: number) => <span className="muted small">{t('catalog.versionValue', { version: v })}</span>;
  const items: Item[] = [
    ...history.events.map((e, i) => ({
      at: e.at,
      key: `e${i}`,
      dot: e.to === 'published' ? 'approved' : e.to,
      head: <><strong>{label(catalogActionLabels, e.action)}</strong>{e.from && <CatalogStatusTag status={e.from} />}{e.from && <span aria-hidden="true">→</span>}<CatalogStatusTag status={e.to} />{version(e.version)}</>,
      actor: e.actor,
      reason: e.reason,
      evidenceHash: e.evidenceHash,
    })),
    ...history.reviews.map((r, i) => ({
      at: r.at,
      key: `r${i}`,
      dot: r.outcome === 'passed' ? 'approved' : r.outcome,
      head: <><strong>{label(reviewStageLabels, r.stage)}</strong><StatusTag tone={r.outcome === 'passed' || r.outcome === 'approved' ? 'green' : 'red'} value={r.outcome}>{label(reviewOutcomeLabels, r.outcome)}</StatusTag>{version(r.version)}</>,
      actor: r.reviewer,
      reason: r.reason,
      evidenceHash: r.evidenceHash,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (items.length === 0) return <EmptyState title={t('history.empty')} />;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.key} className="timeline-item">
          <span className={`timeline-dot dot-${item.dot}`} aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-head">{item.head}<span className="muted small">{formatDateTime(item.at)}</span></div>
            <div className="timeline-meta">
              <span>{t('history.actor')}: <NamedId id={item.actor} /></span>
              <span>{t('catalog.history.evidenceHash')}: <HashText value={item.evidenceHash} /></span>
            </div>
            {item.reason && <p className="timeline-reason">{t('history.reason')}: {item.reason}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
