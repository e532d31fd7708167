import { format, type Locale, type Localized } from '../i18n/locale.js';

/**
 * Classification and grading (分类分级) per GB/T 43697-2024 《数据安全技术 数据分类分级规则》:
 * three levels, core (核心数据) > important (重要数据) > general (一般数据), general data
 * subdivided into grades 4 (highest) to 1 (一般数据 4 级 … 1 级, Annex H).
 *
 * The level follows from an impact assessment (§6.4 数据影响分析): for each impact object, how
 * badly it would be harmed if the data were tampered with, destroyed, leaked or illegally
 * obtained or used. §6.5 (级别确定规则, table 2) maps one object and degree to a level; §6.6
 * (综合确定级别) takes the highest level any object yields ("就高从严"). We use:
 *
 *   impact object                         especially serious   serious         general         none
 *   national security 国家安全             core                 core            important       general 1
 *   economic operation 经济运行            core                 important       general 4       general 1
 *   social order 社会秩序                  core                 important       general 4       general 1
 *   public interest 公共利益               core                 important       general 4       general 1
 *   organisations' rights 组织合法权益      general 4            general 3       general 2       general 1
 *   individuals' rights 个人合法权益        general 4            general 3       general 2       general 1
 *
 * The core/important/general columns are table 2 of the standard. The grades are Annex H
 * (informative), which grades general data by its harm to organisations and individuals (the
 * published sector matrices built on it read "个人 特别严重危害 → 一般数据 4 级", "个人 严重危害
 * → 一般数据 3 级"). Annex H does not grade general harm to the three public objects; we put it
 * at grade 4, the highest general grade, because it already reaches beyond single parties.
 * "None" is grade 1 (Annex H: no harm, e.g. data already public).
 */

export const classificationLevels = ['core', 'important', 'general'] as const;
export type ClassificationLevel = (typeof classificationLevels)[number];

export const generalGrades = [1, 2, 3, 4] as const;
export type GeneralGrade = (typeof generalGrades)[number];

/** A level; general data always carries its grade, the other two levels never do. */
export type Classification = { level: 'core' } | { level: 'important' } | { level: 'general'; grade: GeneralGrade };

export const impactObjects = ['national-security', 'economic-operation', 'social-order', 'public-interest', 'organisation-rights', 'individual-rights'] as const;
export type ImpactObject = (typeof impactObjects)[number];

export const impactDegrees = ['especially-serious', 'serious', 'general', 'none'] as const;
export type ImpactDegree = (typeof impactDegrees)[number];

export interface Impact {
  object: ImpactObject;
  degree: ImpactDegree;
}

/** A stored label: the classification and, optionally, the assessment it was derived from. */
export type ClassificationLabel = Classification & { assessment?: Impact[] };

const core: Classification = { level: 'core' };
const important: Classification = { level: 'important' };
const general = (grade: GeneralGrade): Classification => ({ level: 'general', grade });

type Row = Readonly<Record<ImpactDegree, Classification>>;
const publicRow: Row = { 'especially-serious': core, serious: important, general: general(4), none: general(1) };
const rightsRow: Row = { 'especially-serious': general(4), serious: general(3), general: general(2), none: general(1) };

const gradingTable: Readonly<Record<ImpactObject, Row>> = {
  'national-security': { 'especially-serious': core, serious: core, general: important, none: general(1) },
  'economic-operation': publicRow,
  'social-order': publicRow,
  'public-interest': publicRow,
  'organisation-rights': rightsRow,
  'individual-rights': rightsRow,
};

/** 0 (general grade 1) … 3 (general grade 4), 4 important, 5 core. */
const rank = (c: Classification): number => (c.level === 'core' ? 5 : c.level === 'important' ? 4 : c.grade - 1);

/** Negative when `a` is lower than `b`, zero when equal, positive when higher; for `sort`. */
export const compareLevels = (a: Classification, b: Classification): number => rank(a) - rank(b);

/** The highest of the given classifications, or undefined for none. */
export function highestLevel(levels: readonly Classification[]): Classification | undefined {
  let highest: Classification | undefined;
  for (const level of levels) if (!highest || compareLevels(level, highest) > 0) highest = level;
  return highest && { ...highest };
}

/** The level one impact object and degree yield (§6.5, table 2; grades from Annex H). */
export const classifyImpact = (impact: Impact): Classification => ({ ...gradingTable[impact.object][impact.degree] });

/**
 * The level of a whole assessment: the highest any impact yields (§6.6). An empty assessment
 * found no harm and is general grade 1; `validateClassification` refuses one on a stored label.
 */
export const classifyAssessment = (impacts: readonly Impact[]): Classification => highestLevel(impacts.map(classifyImpact)) ?? general(1);

/**
 * Core data may never be published to the catalog, whatever the space rules say: the Data
 * Security Law (art. 21) puts it under stricter management than important data, and the
 * catalog's automatic review refuses it.
 */
export const publishable = (label: Classification): boolean => label.level !== 'core';

const levelNames: Readonly<Record<ClassificationLevel, Localized>> = {
  core: { 'zh-CN': '核心数据', en: 'Core data' },
  important: { 'zh-CN': '重要数据', en: 'Important data' },
  general: { 'zh-CN': '一般数据', en: 'General data' },
};

export const impactObjectNames: Readonly<Record<ImpactObject, Localized>> = {
  'national-security': { 'zh-CN': '国家安全', en: 'National security' },
  'economic-operation': { 'zh-CN': '经济运行', en: 'Economic operation' },
  'social-order': { 'zh-CN': '社会秩序', en: 'Social order' },
  'public-interest': { 'zh-CN': '公共利益', en: 'Public interest' },
  'organisation-rights': { 'zh-CN': '组织合法权益', en: "Organisations' lawful rights and interests" },
  'individual-rights': { 'zh-CN': '个人合法权益', en: "Individuals' lawful rights and interests" },
};

export const impactDegreeNames: Readonly<Record<ImpactDegree, Localized>> = {
  'especially-serious': { 'zh-CN': '特别严重危害', en: 'Especially serious harm' },
  serious: { 'zh-CN': '严重危害', en: 'Serious harm' },
  general: { 'zh-CN': '一般危害', en: 'General harm' },
  none: { 'zh-CN': '无危害', en: 'No harm' },
};

/** `核心数据`, `一般数据 3 级` / `Core data`, `General data, grade 3`. */
export function classificationName(classification: Classification, locale: Locale): string {
  const name = levelNames[classification.level][locale];
  if (classification.level !== 'general') return name;
  return locale === 'zh-CN' ? `${name} ${classification.grade} 级` : `${name}, grade ${classification.grade}`;
}

/** `core`, `important`, `general-3`: a label in one token, as failures report it. */
export const classificationCode = (c: Classification): string => (c.level === 'general' ? `general-${c.grade}` : c.level);

function fromCode(code: string): Classification | undefined {
  if (code === 'core' || code === 'important') return { level: code };
  const grade = Number(/^general-([1-4])$/.exec(code)?.[1]);
  return grade ? general(grade as GeneralGrade) : undefined;
}

/** Every reason a stored label is refused; stable ids for callers and API clients. */
export const classificationRules = [
  'classification.object',
  'classification.level',
  'classification.grade-missing',
  'classification.grade',
  'classification.grade-not-allowed',
  'classification.assessment',
  'classification.assessment-empty',
  'classification.below-assessment',
] as const;
export type ClassificationRule = (typeof classificationRules)[number];

export interface ClassificationFailure {
  rule: ClassificationRule;
  /** JSON Pointer (RFC 6901) into the label. */
  pointer: string;
  expected?: string;
  actual?: string;
}

export type ClassificationResult = { ok: true; value: ClassificationLabel } | { ok: false; failure: ClassificationFailure };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined');
const refuse = (rule: ClassificationRule, pointer: string, details: Omit<ClassificationFailure, 'rule' | 'pointer'> = {}): ClassificationResult => ({
  ok: false,
  failure: { rule, pointer, ...details },
});

function parseAssessment(input: unknown): Impact[] | ClassificationResult {
  if (!Array.isArray(input)) return refuse('classification.assessment', '/assessment', { expected: 'array' });
  if (input.length === 0) return refuse('classification.assessment-empty', '/assessment');
  const impacts: Impact[] = [];
  for (const [i, item] of input.entries()) {
    const object: unknown = isRecord(item) ? item.object : undefined;
    const degree: unknown = isRecord(item) ? item.degree : undefined;
    if (!(impactObjects as readonly unknown[]).includes(object)) {
      return refuse('classification.assessment', `/assessment/${i}/object`, { expected: impactObjects.join(', '), actual: shown(object) });
    }
    if (!(impactDegrees as readonly unknown[]).includes(degree)) {
      return refuse('classification.assessment', `/assessment/${i}/degree`, { expected: impactDegrees.join(', '), actual: shown(degree) });
    }
    impacts.push({ object: object as ImpactObject, degree: degree as ImpactDegree });
  }
  return impacts;
}

/**
 * Checks a stored label (from a request, a database row or an imported catalog) and reports the
 * first rule it breaks, in reading order: shape, level, grade, assessment, and that the level
 * is not lower than its own assessment yields. A label may be higher than its assessment: a
 * provider may grade up, never down. Unknown members are ignored.
 */
export function validateClassification(input: unknown): ClassificationResult {
  if (!isRecord(input)) return refuse('classification.object', '');
  const { level, grade } = input;
  if (!(classificationLevels as readonly unknown[]).includes(level)) {
    return refuse('classification.level', '/level', { expected: classificationLevels.join(', '), actual: shown(level) });
  }
  let label: ClassificationLabel;
  if (level === 'general') {
    if (grade === undefined) return refuse('classification.grade-missing', '/grade');
    if (!(generalGrades as readonly unknown[]).includes(grade)) return refuse('classification.grade', '/grade', { expected: '1, 2, 3, 4', actual: shown(grade) });
    label = { level, grade: grade as GeneralGrade };
  } else {
    if (grade !== undefined) return refuse('classification.grade-not-allowed', '/grade', { actual: shown(grade) });
    label = { level: level as 'core' | 'important' };
  }
  if (input.assessment === undefined) return { ok: true, value: label };
  const assessment = parseAssessment(input.assessment);
  if (!Array.isArray(assessment)) return assessment;
  const derived = classifyAssessment(assessment);
  if (compareLevels(label, derived) < 0) {
    return refuse('classification.below-assessment', '/level', { expected: classificationCode(derived), actual: classificationCode(label) });
  }
  return { ok: true, value: { ...label, assessment } };
}

export const classificationMessages: Readonly<Record<ClassificationRule, Localized>> = {
  'classification.object': { 'zh-CN': '分类分级标签应为对象', en: 'A classification label must be an object' },
  'classification.level': {
    'zh-CN': '数据级别 {actual} 无效，应为 {expected} 之一',
    en: 'Data level {actual} is not valid, should be one of {expected}',
  },
  'classification.grade-missing': { 'zh-CN': '一般数据须标明 1–4 级', en: 'General data must carry a grade from 1 to 4' },
  'classification.grade': { 'zh-CN': '一般数据级别 {actual} 无效，应为 {expected} 之一', en: 'General data grade {actual} is not valid, should be one of {expected}' },
  'classification.grade-not-allowed': {
    'zh-CN': '只有一般数据分 1–4 级，核心数据和重要数据不带级别（实为 {actual}）',
    en: 'Only general data has grades 1–4; core and important data carry none (found {actual})',
  },
  'classification.assessment': {
    'zh-CN': '影响评估 {pointer} 无效：应为 {expected} 之一，实为 {actual}',
    en: 'Impact assessment {pointer} is not valid: should be one of {expected}, is {actual}',
  },
  'classification.assessment-empty': { 'zh-CN': '影响评估不能为空', en: 'The impact assessment must not be empty' },
  'classification.below-assessment': {
    'zh-CN': '所标级别（{actual}）低于影响评估得出的级别（{expected}）：按 GB/T 43697-2024 就高确定级别',
    en: 'The label ({actual}) is lower than its impact assessment yields ({expected}); GB/T 43697-2024 takes the highest',
  },
};

/** The failure as one sentence in the given locale. */
export function describeClassificationFailure(failure: ClassificationFailure, locale: Locale): string {
  // A label in a sentence reads as its name (一般数据 3 级), not as its code.
  const named = (value: string) => (failure.rule === 'classification.below-assessment' ? fromCode(value) : undefined);
  const show = (value: string) => {
    const label = named(value);
    return label ? classificationName(label, locale) : value;
  };
  const values: Record<string, string> = { pointer: failure.pointer };
  if (failure.expected !== undefined) values.expected = show(failure.expected);
  if (failure.actual !== undefined) values.actual = show(failure.actual);
  return format(classificationMessages[failure.rule][locale], values);
}
