import { useState } from 'react';
import type { Participant, ReviewAction } from '../../api/api-types';
import { actionLabels } from '../../i18n/labels';
import { useLabel } from '../../i18n/use-label';
import { ActionDialog } from './ActionDialog';
import { actionsFor, dangerous } from './review-actions';

/** The buttons the participant's status allows; shown only to admins and reviewers (by the caller). */
export function ReviewActions({ participant, onDone }: { participant: Participant; onDone(action: ReviewAction): void }) {
  const label = useLabel();
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const actions = actionsFor(participant);
  if (actions.length === 0) return null;
  return (
    <div className="action-bar">
      {actions.map((action) => (
        <button key={action} type="button" data-action={action} className={dangerous.has(action) ? 'btn btn-danger-outline' : 'btn btn-primary'} onClick={() => setOpen(action)}>
          {label(actionLabels, action)}
        </button>
      ))}
      {open && (
        <ActionDialog
          participant={participant}
          action={open}
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
