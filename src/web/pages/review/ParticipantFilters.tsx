import { useState, type FormEvent } from 'react';
import { participantRoles, participantStatuses } from '../../api/api-types';
import { roleLabels, statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import type { ListState } from './list-filter';

/** Status, role, region and keyword; applying a filter goes back to the first page. */
export function ParticipantFilters({ value, onApply }: { value: ListState; onApply(next: ListState): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The address changed (Back, a link): show what it says.
    setSeen(value);
    setDraft(value);
  }
  const set = (key: keyof Omit<ListState, 'page'>) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: 0 });
  };
  const reset = () => onApply({ status: '', role: '', region: '', q: '', page: 0 });

  return (
    <form className="filters" onSubmit={submit} role="search">
      <label className="filter">
        <span>{t('review.filter.status')}</span>
        <select name="status" value={draft.status} onChange={set('status')}>
          <option value="">{t('common.all')}</option>
          {participantStatuses.map((s) => (
            <option key={s} value={s}>{label(statusLabels, s)}</option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('review.filter.role')}</span>
        <select name="role" value={draft.role} onChange={set('role')}>
          <option value="">{t('common.all')}</option>
          {participantRoles.map((r) => (
            <option key={r} value={r}>{label(roleLabels, r)}</option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('review.filter.region')}</span>
        <input name="region" inputMode="numeric" maxLength={6} pattern="[0-9]{2,6}" placeholder={t('review.filter.regionPlaceholder')} value={draft.region} onChange={set('region')} />
      </label>
      <label className="filter filter-grow">
        <span>{t('review.filter.keyword')}</span>
        <input name="q" type="search" maxLength={100} placeholder={t('review.filter.keywordPlaceholder')} value={draft.q} onChange={set('q')} />
      </label>
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary">{t('common.search')}</button>
        <button type="button" className="btn" onClick={reset}>{t('common.reset')}</button>
      </div>
    </form>
  );
}
