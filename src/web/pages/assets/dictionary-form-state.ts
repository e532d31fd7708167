import type { CatalogEntry, DictionaryField } from '../../api/catalog-types';

/** One dictionary field as the editor shows it; name, type and statistics come from the data. */
export interface FieldForm {
  name: string;
  type: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  unit: string;
  /** A GB/T 35273 kind of personal information, or empty for none. */
  piiKind: string;
  sensitive: boolean;
  concept: string;
}

export function fieldFormsFrom(entry: CatalogEntry): FieldForm[] {
  return (entry.dictionary?.fields ?? []).map((f) => ({
    name: f.name,
    type: f.type,
    titleZh: f.title?.['zh-CN'] ?? '',
    titleEn: f.title?.en ?? '',
    descriptionZh: f.description?.['zh-CN'] ?? '',
    descriptionEn: f.description?.en ?? '',
    unit: f.unit ?? '',
    piiKind: f.pii?.kind ?? '',
    sensitive: f.pii?.sensitive ?? false,
    concept: f.concept ?? '',
  }));
}

function text(zh: string, en: string): { 'zh-CN'?: string; en?: string } | undefined {
  const value = { ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
  return Object.keys(value).length ? value : undefined;
}

/** The field with what the provider wrote; an emptied member is removed, everything else kept. */
function applied(field: DictionaryField, form: FieldForm): DictionaryField {
  const { title: _t, description: _d, unit: _u, pii: _p, concept: _c, ...kept } = field;
  const title = text(form.titleZh, form.titleEn);
  const description = text(form.descriptionZh, form.descriptionEn);
  return {
    ...kept,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(form.unit.trim() ? { unit: form.unit.trim() } : {}),
    ...(form.piiKind ? { pii: { kind: form.piiKind, sensitive: form.sensitive } } : {}),
    ...(form.concept.trim() ? { concept: form.concept.trim() } : {}),
  };
}

/** The whole dictionary for PATCH: the edited fields in their order, primary key and the rest kept. */
export function dictionaryChange(entry: CatalogEntry, forms: FieldForm[]): NonNullable<CatalogEntry['dictionary']> {
  const fields = entry.dictionary?.fields ?? [];
  return { ...entry.dictionary, fields: fields.map((field, i) => (forms[i] ? applied(field, forms[i]) : field)) };
}

/** True when the field says what it is (the review warns, or refuses, when too many do not). */
export const isDescribed = (f: FieldForm): boolean => [f.titleZh, f.titleEn, f.descriptionZh, f.descriptionEn].some((v) => v.trim());
