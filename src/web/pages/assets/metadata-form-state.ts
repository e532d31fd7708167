import type { CatalogEntry, LocalizedText } from '../../api/catalog-types';
import type { EntryChanges } from '../../api/asset-types';
import { iriTail } from '../../i18n/catalog-labels';

/** The EU data theme vocabulary (DCAT-AP) and the Dublin Core frequencies the catalog uses. */
export const themeBase = 'http://publications.europa.eu/resource/authority/data-theme/';
export const frequencyBase = 'http://purl.org/cld/freq/';

/** The entry's description as the metadata form edits it: plain strings, lists as typed text. */
export interface MetadataForm {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  keywordsZh: string;
  keywordsEn: string;
  /** Theme IRIs. */
  themes: string[];
  license: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** GB/T 2260 codes or place IRIs, separated by commas or spaces. */
  spatial: string;
  temporalStart: string;
  temporalEnd: string;
  /** A Dublin Core frequency's last segment (`monthly`), or empty. */
  periodicity: string;
  shareAttribute: string;
  openAttribute: string;
}

/** Splits typed lists on Latin or Chinese commas, enumeration commas, semicolons and new lines. */
export const splitList = (text: string): string[] => text.split(/[,，、;；\n]+/).map((v) => v.trim()).filter(Boolean);

const listSeparator = '，';

export function metadataFormFrom(entry: CatalogEntry): MetadataForm {
  return {
    titleZh: entry.title['zh-CN'] ?? '',
    titleEn: entry.title.en ?? '',
    descriptionZh: entry.description['zh-CN'] ?? '',
    descriptionEn: entry.description.en ?? '',
    keywordsZh: (entry.keywords?.['zh-CN'] ?? []).join(listSeparator),
    keywordsEn: (entry.keywords?.en ?? []).join(', '),
    themes: entry.themes ?? [],
    license: entry.license ?? '',
    contactName: entry.contactPoint?.name ?? '',
    contactEmail: entry.contactPoint?.email ?? '',
    contactPhone: entry.contactPoint?.phone ?? '',
    spatial: (entry.spatial ?? []).join(', '),
    temporalStart: entry.temporal?.start?.slice(0, 10) ?? '',
    temporalEnd: entry.temporal?.end?.slice(0, 10) ?? '',
    periodicity: entry.accrualPeriodicity ? iriTail(entry.accrualPeriodicity) : '',
    shareAttribute: entry.shareAttribute ?? '',
    openAttribute: entry.openAttribute ?? '',
  };
}

/** `{ zh-CN, en }` with the languages that have text; the other languages the entry had are kept. */
function bilingual(previous: LocalizedText | undefined, zh: string, en: string): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [lang, value] of Object.entries(previous ?? {})) if (lang !== 'zh-CN' && lang !== 'en' && value) text[lang] = value;
  if (zh.trim()) text['zh-CN'] = zh.trim();
  if (en.trim()) text.en = en.trim();
  return text;
}

const present = <T,>(value: T | undefined | '', key: string): Record<string, T> => (value === undefined || value === '' ? {} : { [key]: value });

/** Members the form can empty: sent in the PATCH's `clear` list when the form leaves them blank. */
export function clearedMembers(form: MetadataForm): Array<keyof EntryChanges> {
  const cleared: Array<keyof EntryChanges> = [];
  if (!form.license.trim()) cleared.push('license');
  if (!form.periodicity) cleared.push('accrualPeriodicity');
  if (!form.shareAttribute) cleared.push('shareAttribute');
  if (!form.openAttribute) cleared.push('openAttribute');
  if (!form.contactName.trim() && !form.contactEmail.trim() && !form.contactPhone.trim()) cleared.push('contactPoint');
  if (!form.temporalStart && !form.temporalEnd) cleared.push('temporal');
  return cleared;
}

/**
 * The entry members the form edits, ready for PATCH. Empty text is left out here and listed by
 * clearedMembers, since the API keeps a member that is not sent.
 */
export function metadataChanges(entry: CatalogEntry, form: MetadataForm): EntryChanges {
  const keywords: Record<string, string[]> = {};
  const zh = splitList(form.keywordsZh);
  const en = splitList(form.keywordsEn);
  if (zh.length) keywords['zh-CN'] = zh;
  if (en.length) keywords.en = en;
  const contact = { ...present(form.contactName.trim(), 'name'), ...present(form.contactEmail.trim(), 'email'), ...present(form.contactPhone.trim(), 'phone') };
  const temporal = { ...present(form.temporalStart, 'start'), ...present(form.temporalEnd, 'end') };
  return {
    title: bilingual(entry.title, form.titleZh, form.titleEn),
    description: bilingual(entry.description, form.descriptionZh, form.descriptionEn),
    keywords,
    themes: form.themes,
    spatial: splitList(form.spatial.replace(/\s+/g, ',')),
    ...(Object.keys(contact).length ? { contactPoint: contact } : {}),
    ...(Object.keys(temporal).length ? { temporal } : {}),
    ...present(form.license.trim(), 'license'),
    ...present(form.periodicity ? `${frequencyBase}${form.periodicity}` : '', 'accrualPeriodicity'),
    ...present(form.shareAttribute as CatalogEntry['shareAttribute'], 'shareAttribute'),
    ...present(form.openAttribute as CatalogEntry['openAttribute'], 'openAttribute'),
  };
}
