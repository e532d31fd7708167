import { impactDegrees, impactObjects, type Impact } from '../../api/asset-types';
import { impactDegreeLabels, impactObjectLabels } from '../../i18n/asset-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** One line of the impact assessment: an impact object and how badly it would be harmed. */
export function ImpactRow({ index, impact, onChange, onRemove }: { index: number; impact: Impact; onChange(impact: Impact): void; onRemove(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <li className="impact-row" data-impact={index}>
      <select name={`impact-object-${index}`} aria-label={t('assets.classification.object')} value={impact.object} onChange={(e) => onChange({ ...impact, object: e.target.value as Impact['object'] })}>
        {impactObjects.map((o) => <option key={o} value={o}>{label(impactObjectLabels, o)}</option>)}
      </select>
      <select name={`impact-degree-${index}`} aria-label={t('assets.classification.degree')} value={impact.degree} onChange={(e) => onChange({ ...impact, degree: e.target.value as Impact['degree'] })}>
        {impactDegrees.map((d) => <option key={d} value={d}>{label(impactDegreeLabels, d)}</option>)}
      </select>
      <button type="button" className="btn btn-link" onClick={onRemove}>{t('common.remove')}</button>
    </li>
  );
}
