import { roleLabels } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

export interface ContractListState {
  role: string;
  state: string;
  page: number;
}

/** The list state kept in the address: `?role=consumer&state=FINALIZED&page=2`. */
export function readContractListState(search: URLSearchParams): ContractListState {
  return { role: search.get('role') ?? '', state: search.get('state') ?? '', page: Math.max(0, (Number.parseInt(search.get('page') ?? '1', 10) || 1) - 1) };
}

export function contractListSearch({ role, state, page }: ContractListState): string {
  const search = new URLSearchParams();
  if (role) search.set('role', role);
  if (state) search.set('state', state);
  if (page > 0) search.set('page', String(page + 1));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Our role and the state (or status); choosing one goes back to the first page. */
export function ContractListFilters({ value, states, stateLabels, onChange }: { value: ContractListState; states: readonly string[]; stateLabels: Record<string, MessageKey>; onChange(next: ContractListState): void }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <div className="filters">
      <label className="filter">
        <span>{t('contracts.filter.role')}</span>
        <select name="role" value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value, page: 0 })}>
          <option value="">{t('contracts.all')}</option>
          {['consumer', 'provider'].map((r) => <option key={r} value={r}>{label(roleLabels, r)}</option>)}
        </select>
      </label>
      <label className="filter">
        <span>{t('contracts.filter.state')}</span>
        <select name="state" value={value.state} onChange={(e) => onChange({ ...value, state: e.target.value, page: 0 })}>
          <option value="">{t('contracts.all')}</option>
          {states.map((s) => <option key={s} value={s}>{label(stateLabels, s)}</option>)}
        </select>
      </label>
    </div>
  );
}
