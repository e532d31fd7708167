import { useState } from 'react';
import type { CatalogRecord } from '../../api/catalog-types';
import { useI18n } from '../../i18n/use-i18n';
import { DecisionDialog, type Decision } from './DecisionDialog';

/** Approve and reject for an entry waiting for manual review; shown to admins and reviewers (by the caller). */
export function DecisionActions({ record, onDone }: { record: CatalogRecord; onDone(decision: Decision): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Decision | null>(null);
  const pending = record.status === 'pending_review';
  // The dialog stays mounted until it reports back, even once the refreshed entry is no longer pending.
  if (!pending && !open) return null;
  return (
    <div className="action-bar">
      {pending && (
        <>
          <button type="button" className="btn btn-primary" data-decision="approve" onClick={() => setOpen('approve')}>{t('catalog.decision.approve')}</button>
          <button type="button" className="btn btn-danger-outline" data-decision="reject" onClick={() => setOpen('reject')}>{t('catalog.decision.reject')}</button>
        </>
      )}
      {open && (
        <DecisionDialog
          record={record}
          decision={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone(open);
          }}
        />
      )}
    </div>
  );
}
