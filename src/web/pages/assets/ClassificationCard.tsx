import { classificationLevels, type GeneralGrade } from '../../api/asset-types';
import { Card } from '../../components/Card';
import { FormField } from '../../components/FormField';
import { classificationLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { AssessmentHint } from './AssessmentHint';
import { assessedLevel } from './classification-grading';
import { classificationChange, classificationProblem, nextImpact, type ClassificationForm } from './classification-form-state';
import { ImpactRow } from './ImpactRow';

const grades: GeneralGrade[] = [1, 2, 3, 4];

/** 分类分级 (GB/T 43697-2024): the impact assessment and the label; the highest impact decides. */
export function ClassificationCard({ form, onChange, showProblems }: { form: ClassificationForm; onChange(change: (form: ClassificationForm) => ClassificationForm): void; showProblems?: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  const set = (next: Partial<ClassificationForm>) => onChange((f) => ({ ...f, ...next }));
  const assessed = assessedLevel(form.assessment);
  const chosen = classificationChange(form);
  const problem = showProblems ? classificationProblem(form) : undefined;
  return (
    <Card title={t('catalog.entry.classification')} extra={<span className="muted small">GB/T 43697-2024</span>}>
      <FormField label={t('assets.classification.assessment')} hint={t('assets.classification.assessmentHint')}>
        <ul className="impact-rows">
          {form.assessment.map((impact, i) => (
            <ImpactRow
              key={i}
              index={i}
              impact={impact}
              onChange={(next) => onChange((f) => ({ ...f, assessment: f.assessment.map((old, j) => (j === i ? next : old)) }))}
              onRemove={() => onChange((f) => ({ ...f, assessment: f.assessment.filter((_, j) => j !== i) }))}
            />
          ))}
        </ul>
        <button type="button" className="btn btn-small" data-action="add-impact" onClick={() => onChange((f) => ({ ...f, assessment: [...f.assessment, nextImpact(f.assessment)] }))}>
          {t('assets.classification.addImpact')}
        </button>
        <AssessmentHint assessed={assessed} chosen={chosen} onApply={(l) => set({ level: l.level, grade: l.grade ? (String(l.grade) as ClassificationForm['grade']) : '' })} />
      </FormField>
      <FormField label={t('assets.classification.level')} htmlFor="classification-level" required error={problem ? t('assets.classification.gradeRequired') : undefined}>
        <div className="inline-fields">
          <select id="classification-level" name="level" value={form.level} onChange={(e) => set({ level: e.target.value as ClassificationForm['level'], ...(e.target.value === 'general' ? {} : { grade: '' }) })}>
            <option value="">{t('assets.unclassified')}</option>
            {classificationLevels.map((l) => <option key={l} value={l}>{label(classificationLabels, l)}</option>)}
          </select>
          {form.level === 'general' && (
            <select id="classification-grade" name="grade" aria-label={t('assets.classification.grade')} aria-invalid={Boolean(problem)} value={form.grade} onChange={(e) => set({ grade: e.target.value as ClassificationForm['grade'] })}>
              <option value="">{t('assets.classification.grade')}</option>
              {grades.map((g) => <option key={g} value={g}>{label(classificationLabels, `general-${g}`)}</option>)}
            </select>
          )}
        </div>
      </FormField>
    </Card>
  );
}
