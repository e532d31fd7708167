import type { ClassificationLabel } from '../../api/asset-types';
import { classificationCode, classificationLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { rankOf } from './classification-grading';

type Label = Pick<ClassificationLabel, 'level' | 'grade'>;

/**
 * What the assessment yields (就高从严) beside the chosen label: a way to take it, a warning when
 * the label is lower (the connector refuses that) and when it is core data (never published).
 */
export function AssessmentHint({ assessed, chosen, onApply }: { assessed: Label | undefined; chosen: Label | undefined; onApply(label: Label): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const below = assessed && chosen && rankOf(chosen) < rankOf(assessed);
  const same = assessed && chosen && classificationCode(assessed) === classificationCode(chosen);
  return (
    <div className="assessment-hint">
      {assessed && (
        <p data-testid="assessed-level">
          {t('assets.classification.yields', { label: label(classificationLabels, classificationCode(assessed)) })}{' '}
          {!same && <button type="button" className="btn btn-small" onClick={() => onApply(assessed)}>{t('assets.classification.apply')}</button>}
        </p>
      )}
      {below && <p className="field-error" role="alert">{t('assets.classification.below')}</p>}
      {(chosen?.level === 'core' || (!chosen && assessed?.level === 'core')) && <p className="field-error">{t('assets.classification.core')}</p>}
    </div>
  );
}
