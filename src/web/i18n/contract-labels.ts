import { agreementStatuses, negotiationStates, transferStates } from '../api/contract-types';
import { keyed } from './catalog-labels';

// The contract API's values (connector console), mapped to their catalog keys. A value a newer
// connector sends that this console does not know is shown as it came.

/** DSP contract negotiation states (Dataspace Protocol 2025-1). */
export const negotiationStateLabels = keyed('contracts.negotiationState', negotiationStates);

/** DSP transfer process states. */
export const transferStateLabels = keyed('contracts.transferState', transferStates);

export const agreementStatusLabels = keyed('contracts.agreementStatus', agreementStatuses);

/** Outcomes of the provider's data-plane accesses. */
export const accessOutcomeLabels = keyed('contracts.outcome', ['allowed', 'completed', 'interrupted', 'refused']);

/** The ledger receipts' event types an agreement page shows most; others are shown as their code. */
export const evidenceTypeLabels = keyed('contracts.evidence', ['agreement.signed', 'agreement.finalized', 'agreement.revoked', 'dataplane.access', 'dataplane.delivered', 'dataplane.interrupted', 'dataplane.refused', 'data.received']);
