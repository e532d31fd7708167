import type { NegotiationState, NegotiationView } from '../../api/contract-types';

export type StepStatus = 'done' | 'current' | 'todo' | 'skipped' | 'failed';

export interface Step {
  state: NegotiationState;
  status: StepStatus;
}

/**
 * The DSP negotiation drawn as steps: REQUESTED → AGREED → VERIFIED → FINALIZED, with OFFERED and
 * ACCEPTED when the negotiation is in them (a provider's counter-offer), and TERMINATED as an end
 * of its own. The API gives the current state only, so a terminated negotiation shows as reached
 * what it certainly reached: AGREED when it has an agreement, REQUESTED otherwise.
 */
export function negotiationSteps(n: Pick<NegotiationView, 'state' | 'agreementId'>): Step[] {
  const offered = n.state === 'OFFERED' || n.state === 'ACCEPTED';
  const path: NegotiationState[] = ['REQUESTED', ...(offered ? (['OFFERED', 'ACCEPTED'] as const) : []), 'AGREED', 'VERIFIED', 'FINALIZED'];
  if (n.state === null) return path.map((state, i) => ({ state, status: i === 0 ? 'current' : 'todo' }));
  if (n.state === 'TERMINATED') {
    const reached = path.indexOf(n.agreementId ? 'AGREED' : 'REQUESTED');
    return [...path.map((state, i): Step => ({ state, status: i <= reached ? 'done' : 'skipped' })), { state: 'TERMINATED', status: 'failed' }];
  }
  const at = path.indexOf(n.state);
  return path.map((state, i) => ({ state, status: i < at ? 'done' : i === at ? 'current' : 'todo' }));
}
