import type { Locale } from '../i18n/locale.js';
import { failure, success, type CodeResult } from './code-result.js';

/**
 * GB/T 4754-2017 industrial classification for national economic activities (国民经济行业分类):
 * 20 sections (门类, A–T), each owning a contiguous range of the 97 divisions (大类, 01–97).
 * Groups (中类) and classes (小类) add one and two digits after the division; a participant's
 * industry is kept to section and division, which is what admission and the catalog use.
 */
export interface IndustrySection {
  section: string;
  first: number;
  last: number;
  name: Record<Locale, string>;
}

export const industrySections: readonly IndustrySection[] = [
  { section: 'A', first: 1, last: 5, name: { 'zh-CN': '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' } },
  { section: 'B', first: 6, last: 12, name: { 'zh-CN': '采矿业', en: 'Mining' } },
  { section: 'C', first: 13, last: 43, name: { 'zh-CN': '制造业', en: 'Manufacturing' } },
  {
    section: 'D',
    first: 44,
    last: 46,
    name: { 'zh-CN': '电力、热力、燃气及水生产和供应业', en: 'Production and supply of electricity, heat, gas and water' },
  },
  { section: 'E', first: 47, last: 50, name: { 'zh-CN': '建筑业', en: 'Construction' } },
  { section: 'F', first: 51, last: 52, name: { 'zh-CN': '批发和零售业', en: 'Wholesale and retail trade' } },
  { section: 'G', first: 53, last: 60, name: { 'zh-CN': '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' } },
  { section: 'H', first: 61, last: 62, name: { 'zh-CN': '住宿和餐饮业', en: 'Accommodation and catering' } },
  {
    section: 'I',
    first: 63,
    last: 65,
    name: { 'zh-CN': '信息传输、软件和信息技术服务业', en: 'Information transmission, software and information technology services' },
  },
  { section: 'J', first: 66, last: 69, name: { 'zh-CN': '金融业', en: 'Finance' } },
  { section: 'K', first: 70, last: 70, name: { 'zh-CN': '房地产业', en: 'Real estate' } },
  { section: 'L', first: 71, last: 72, name: { 'zh-CN': '租赁和商务服务业', en: 'Leasing and business services' } },
  { section: 'M', first: 73, last: 75, name: { 'zh-CN': '科学研究和技术服务业', en: 'Scientific research and technical services' } },
  {
    section: 'N',
    first: 76,
    last: 79,
    name: { 'zh-CN': '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management' },
  },
  { section: 'O', first: 80, last: 82, name: { 'zh-CN': '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' } },
  { section: 'P', first: 83, last: 83, name: { 'zh-CN': '教育', en: 'Education' } },
  { section: 'Q', first: 84, last: 85, name: { 'zh-CN': '卫生和社会工作', en: 'Health and social work' } },
  { section: 'R', first: 86, last: 90, name: { 'zh-CN': '文化、体育和娱乐业', en: 'Culture, sports and entertainment' } },
  {
    section: 'S',
    first: 91,
    last: 96,
    name: { 'zh-CN': '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  },
  { section: 'T', first: 97, last: 97, name: { 'zh-CN': '国际组织', en: 'International organisations' } },
];

export interface Industry {
  /** A–T. */
  section: string;
  /** Two digits, 01–97, when given. */
  division?: string;
}

/** What a client may send: `"D"`, `"D44"`, `"D4420"`, `"44"`, or `{ section, division? }`. */
export type IndustryInput = string | { section: string; division?: string };

const pad = (division: number) => String(division).padStart(2, '0');
const rangeOf = (s: IndustrySection) => (s.first === s.last ? pad(s.first) : `${pad(s.first)}–${pad(s.last)}`);

export const industrySection = (section: string): IndustrySection | undefined => industrySections.find((s) => s.section === section);

export const industrySectionOfDivision = (division: number): IndustrySection | undefined =>
  industrySections.find((s) => division >= s.first && division <= s.last);

export function industryName(section: string, locale: Locale): string | undefined {
  return industrySection(section)?.name[locale];
}

/**
 * Parses an industry code. Digits after the division (group, class) must be digits but are
 * dropped: admission records section and division only. A bare division infers its section.
 */
export function parseIndustry(input: IndustryInput): CodeResult<Industry> {
  let letter: string;
  let digits: string;
  if (typeof input === 'string') {
    const match = /^([A-Za-z]?)(\d*)$/.exec(input);
    if (!match) {
      // Say which part is wrong: what stands where the section letter goes, or what follows it.
      const head = input.charAt(0).toUpperCase();
      if (/\d/.test(head)) return failure('industry.division', { expected: '01–97', actual: input });
      if (!industrySection(head)) return failure('industry.section', { expected: 'A–T', actual: head });
      return failure('industry.division', { expected: '01–97', actual: input.slice(1) });
    }
    letter = (match[1] ?? '').toUpperCase();
    digits = match[2] ?? '';
    if (!letter && !digits) return failure('industry.section', { expected: 'A–T', actual: '' });
  } else if (typeof input === 'object' && input !== null && typeof input.section === 'string') {
    letter = input.section.toUpperCase();
    digits = input.division ?? '';
    if (typeof digits !== 'string') return failure('industry.division', { expected: '01–97', actual: String(digits) });
    if (!letter) return failure('industry.section', { expected: 'A–T', actual: '' });
  } else {
    return failure('industry.section', { expected: 'A–T', actual: String(input) });
  }

  const section = letter ? industrySection(letter) : undefined;
  if (letter && !section) return failure('industry.section', { expected: 'A–T', actual: letter });
  if (!digits) return section ? success({ section: section.section }) : failure('industry.section', { expected: 'A–T', actual: '' });

  if (!/^\d{2,4}$/.test(digits)) return failure('industry.division', { expected: '01–97', actual: digits });
  const division = digits.slice(0, 2);
  const owner = industrySectionOfDivision(Number(division));
  if (!owner) return failure('industry.division', { expected: '01–97', actual: division });
  if (section && owner !== section) return failure('industry.mismatch', { expected: rangeOf(section), actual: division });
  return success({ section: owner.section, division });
}
