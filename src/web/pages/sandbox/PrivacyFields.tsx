import type { DifferentialPrivacyBudget } from '../../api/sandbox-types';
import { useI18n } from '../../i18n/use-i18n';
import type { BoundRow, PrivacyFormState, PrivacyProblem } from './privacy-form-state';

/**
 * 差分隐私 for one SQL job: the ε it spends (empty: the sandbox's default) and the clamping bounds
 * of summed or averaged columns, which may only narrow those the data dictionary declares.
 */
export function PrivacyFields({ dp, columns, value, problem, onChange }: { dp: DifferentialPrivacyBudget; columns: string[]; value: PrivacyFormState; problem?: PrivacyProblem; onChange(next: PrivacyFormState): void }) {
  const { t, formatNumber } = useI18n();
  const setBound = (i: number, patch: Partial<BoundRow>) => onChange({ ...value, bounds: value.bounds.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <div className="privacy-fields" data-testid="privacy-fields">
      <div className={problem === 'epsilon' ? 'field field-invalid' : 'field'}>
        <label className="field-label" htmlFor="sandbox-epsilon">{t('sandbox.privacy.epsilon')}</label>
        <div className="field-control">
          <input id="sandbox-epsilon" name="epsilon" type="number" inputMode="decimal" min="0" step="0.01" max={Math.min(10, dp.left)} placeholder={t('sandbox.privacy.epsilonPlaceholder')} value={value.epsilon} onChange={(e) => onChange({ ...value, epsilon: e.target.value })} aria-invalid={problem === 'epsilon'} />
          {problem === 'epsilon'
            ? <p className="field-error" role="alert">{t('sandbox.privacy.epsilonInvalid', { left: formatNumber(dp.left) })}</p>
            : <p className="field-hint">{t('sandbox.privacy.epsilonHint', { left: formatNumber(dp.left) })}</p>}
        </div>
      </div>
      <div className={problem === 'bounds' ? 'field field-invalid' : 'field'}>
        <span className="field-label">{t('sandbox.privacy.bounds')}</span>
        <div className="field-control">
          {value.bounds.map((b, i) => (
            <div key={i} className="inline-fields bound-row">
              <select aria-label={t('sandbox.schema.column')} value={b.column} onChange={(e) => setBound(i, { column: e.target.value })}>
                <option value="">{t('sandbox.privacy.chooseColumn')}</option>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
              <input type="number" aria-label={t('sandbox.privacy.lo')} placeholder={t('sandbox.privacy.lo')} value={b.lo} onChange={(e) => setBound(i, { lo: e.target.value })} />
              <span>–</span>
              <input type="number" aria-label={t('sandbox.privacy.hi')} placeholder={t('sandbox.privacy.hi')} value={b.hi} onChange={(e) => setBound(i, { hi: e.target.value })} />
              <button type="button" className="btn btn-small" onClick={() => onChange({ ...value, bounds: value.bounds.filter((_, j) => j !== i) })}>{t('common.remove')}</button>
            </div>
          ))}
          <button type="button" className="btn btn-small" onClick={() => onChange({ ...value, bounds: [...value.bounds, { column: columns[0] ?? '', lo: '', hi: '' }] })}>{t('sandbox.privacy.addBound')}</button>
          {problem === 'bounds'
            ? <p className="field-error" role="alert">{t('sandbox.privacy.boundsInvalid')}</p>
            : <p className="field-hint">{t('sandbox.privacy.boundsHint')}</p>}
        </div>
      </div>
    </div>
  );
}
