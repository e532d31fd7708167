import type { NegotiationView } from '../../api/contract-types';
import { negotiationStateLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { negotiationSteps } from './negotiation-steps';

/** The DSP state machine as steps, the current state highlighted (see negotiation-steps.ts). */
export function NegotiationSteps({ negotiation }: { negotiation: NegotiationView }) {
  const { t } = useI18n();
  const label = useLabel();
  const steps = negotiationSteps(negotiation);
  return (
    <ol className="steps" data-testid="negotiation-steps" data-state={negotiation.state ?? 'starting'} aria-label={t('contracts.negotiation.progress')}>
      {steps.map((step, i) => (
        <li key={step.state} className={`step step-${step.status}`} data-step={step.state} data-status={step.status} aria-current={step.status === 'current' || step.status === 'failed' ? 'step' : undefined}>
          <span className="step-dot" aria-hidden="true">{step.status === 'done' ? '✓' : step.status === 'failed' ? '✕' : i + 1}</span>
          <span className="step-text">
            <span className="step-label">{step.status === 'current' && negotiation.state === null ? t('contracts.negotiationState.starting') : label(negotiationStateLabels, step.state)}</span>
            <span className="step-code">{step.state}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
