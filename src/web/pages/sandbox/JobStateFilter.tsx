import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { jobStateLabels } from '../../i18n/sandbox-labels';
import { jobStates } from '../../api/sandbox-types';

/** A select of job states; '' is all of them. */
export function JobStateFilter({ value, onChange }: { value: string; onChange(state: string): void }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <label className="filter">
      <span>{t('sandbox.jobs.state')}</span>
      <select name="state" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('contracts.all')}</option>
        {jobStates.map((s) => <option key={s} value={s}>{label(jobStateLabels, s)}</option>)}
      </select>
    </label>
  );
}
