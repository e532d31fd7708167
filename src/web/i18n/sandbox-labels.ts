import { keyed } from './catalog-labels';
import { jobStates } from '../api/sandbox-types';

// The sandbox API's values, mapped to their catalog keys. A value a newer connector sends that
// this console does not know is shown as it came.

export const jobStateLabels = keyed('sandbox.state', jobStates);

export const jobKindLabels = keyed('sandbox.kind', ['sql', 'algorithm']);

/** The ledger entries of a job's life. */
export const jobEvidenceLabels = keyed('sandbox.evidence', [
  'sandbox.job.submitted',
  'sandbox.job.started',
  'sandbox.job.requeued',
  'sandbox.job.refused',
  'sandbox.job.failed',
  'sandbox.job.cancelled',
  'sandbox.budget.charged',
  'sandbox.result.held',
  'sandbox.result.released',
  'sandbox.result.rejected',
]);

export const reviewOutcomeLabels = keyed('sandbox.review.outcome', ['released', 'rejected']);
