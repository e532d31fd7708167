import { useEffect, useState, type FormEvent } from 'react';
import type { DashboardPeriod } from '../../api/dashboard-types';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { periodValid, presetDays, presetPeriod } from './dashboard-period';

const presetLabels: Record<(typeof presetDays)[number], MessageKey> = {
  7: 'dashboard.period.last7',
  30: 'dashboard.period.last30',
  90: 'dashboard.period.last90',
  365: 'dashboard.period.last365',
};

/** The period: two dates and the usual spans; nothing is asked of the server until it is valid. */
export function PeriodPicker({ value, onChange }: { value: DashboardPeriod; onChange(period: DashboardPeriod): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const valid = periodValid(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onChange(draft);
  };
  return (
    <form className="dashboard-period" onSubmit={submit} data-testid="dashboard-period">
      <div className="dashboard-presets" role="group">
        {presetDays.map((days) => (
          <button key={days} type="button" className="btn btn-small" data-days={days} onClick={() => onChange(presetPeriod(days))}>{t(presetLabels[days])}</button>
        ))}
      </div>
      <label className="dashboard-date">
        <span>{t('dashboard.period.from')}</span>
        <input id="dashboard-from" type="date" className="input" value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label className="dashboard-date">
        <span>{t('dashboard.period.to')}</span>
        <input id="dashboard-to" type="date" className="input" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={!valid}>{t('dashboard.period.apply')}</button>
      {!valid && <p className="field-error" role="alert">{t('dashboard.period.invalid')}</p>}
    </form>
  );
}
