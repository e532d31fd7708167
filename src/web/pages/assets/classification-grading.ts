import type { ClassificationLabel, GeneralGrade, Impact, ImpactDegree, ImpactObject } from '../../api/asset-types';

// GB/T 43697-2024 table 2 (§6.5) with the grades of Annex H, as the connector applies them
// (src/core/metadata/classification.ts). The console cannot import core: this copy only suggests
// a label while the provider fills the assessment; the connector checks the label it is sent
// and refuses one lower than its assessment (classification.below-assessment).

type Label = Pick<ClassificationLabel, 'level' | 'grade'>;
const core: Label = { level: 'core' };
const important: Label = { level: 'important' };
const general = (grade: GeneralGrade): Label => ({ level: 'general', grade });

type Row = Readonly<Record<ImpactDegree, Label>>;
const publicRow: Row = { 'especially-serious': core, serious: important, general: general(4), none: general(1) };
const rightsRow: Row = { 'especially-serious': general(4), serious: general(3), general: general(2), none: general(1) };

const table: Readonly<Record<ImpactObject, Row>> = {
  'national-security': { 'especially-serious': core, serious: core, general: important, none: general(1) },
  'economic-operation': publicRow,
  'social-order': publicRow,
  'public-interest': publicRow,
  'organisation-rights': rightsRow,
  'individual-rights': rightsRow,
};

/** 0 (general grade 1) … 3 (general grade 4), 4 important, 5 core. */
export const rankOf = (label: Label): number => (label.level === 'core' ? 5 : label.level === 'important' ? 4 : (label.grade ?? 1) - 1);

/** The level an assessment yields: the highest any impact yields (就高从严, §6.6); none for no impacts. */
export function assessedLevel(impacts: readonly Impact[]): Label | undefined {
  let highest: Label | undefined;
  for (const impact of impacts) {
    const label = table[impact.object][impact.degree];
    if (!highest || rankOf(label) > rankOf(highest)) highest = label;
  }
  return highest;
}
