import { StatusTag, type TagTone } from '../../components/StatusTag';
import { useLabel } from '../../i18n/use-label';
import { jobStateLabels } from '../../i18n/sandbox-labels';

const tones: Record<string, TagTone> = {
  queued: 'blue',
  running: 'blue',
  refused: 'red',
  failed: 'red',
  cancelled: 'grey',
  awaiting_review: 'orange',
  succeeded: 'green',
};

/** A sandbox job's state as a coloured label. */
export function JobStateTag({ state }: { state: string }) {
  const label = useLabel();
  return (
    <StatusTag value={state} tone={tones[state] ?? 'grey'}>
      {(state === 'queued' || state === 'running') && <span className="spinner spinner-inline" aria-hidden="true" />}
      {label(jobStateLabels, state)}
    </StatusTag>
  );
}
