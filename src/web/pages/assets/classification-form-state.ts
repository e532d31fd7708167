import { impactDegrees, impactObjects, type ClassificationLabel, type GeneralGrade, type Impact } from '../../api/asset-types';

/** The classification form: level, grade for general data, and the impact assessment rows. */
export interface ClassificationForm {
  level: '' | ClassificationLabel['level'];
  grade: '' | `${GeneralGrade}`;
  assessment: Impact[];
}

export function classificationFormFrom(label: ClassificationLabel | undefined, entryLabel?: { level: string; grade?: number }): ClassificationForm {
  const source = label ?? entryLabel;
  const level = source?.level === 'core' || source?.level === 'important' || source?.level === 'general' ? source.level : '';
  const grade = level === 'general' && source?.grade && source.grade >= 1 && source.grade <= 4 ? (String(source.grade) as ClassificationForm['grade']) : '';
  return { level, grade, assessment: label?.assessment ?? [] };
}

/**
 * What keeps the form from being saved: general data (一般数据) without its grade. The connector
 * refuses it too; saying so beside the grade before sending spares the round trip.
 */
export function classificationProblem(form: ClassificationForm): 'grade-required' | undefined {
  return form.level === 'general' && !form.grade ? 'grade-required' : undefined;
}

/** The label for PATCH, or undefined while no level is chosen (the asset keeps what it had). */
export function classificationChange(form: ClassificationForm): ClassificationLabel | undefined {
  if (!form.level) return undefined;
  return {
    level: form.level,
    ...(form.level === 'general' && form.grade ? { grade: Number(form.grade) as GeneralGrade } : {}),
    ...(form.assessment.length ? { assessment: form.assessment } : {}),
  };
}

/** A new assessment row: the first object not assessed yet. */
export function nextImpact(assessment: Impact[]): Impact {
  const used = new Set(assessment.map((i) => i.object));
  return { object: impactObjects.find((o) => !used.has(o)) ?? impactObjects[0], degree: impactDegrees[3] };
}
