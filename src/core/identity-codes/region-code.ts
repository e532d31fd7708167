import type { Locale } from '../i18n/locale.js';
import { failure, success, type CodeResult } from './code-result.js';
import { municipalities, prefectures, provinces } from './region-table.js';

/** How deep a valid code goes: xx0000 a province, xxyy00 a prefecture, anything else a county. */
export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface RegionCode {
  code: string;
  /** The first two digits, e.g. `35` for 福建省. */
  provinceCode: string;
  /** The first four digits, absent for a province-level code. */
  prefectureCode?: string;
  level: RegionLevel;
}

export const isProvinceCode = (twoDigits: string): boolean => Object.hasOwn(provinces, twoDigits);

/**
 * Checks a six-digit GB/T 2260 code a participant declares as its region. The province must
 * exist and, below it, the prefecture must be in the table; county digits are only checked to
 * be digits, since the table stops at prefecture level (see region-table.ts).
 */
export function validateRegionCode(input: string): CodeResult<RegionCode> {
  if (!/^\d{6}$/.test(input)) return failure('region.format', { expected: '6 digits', actual: input });
  const provinceCode = input.slice(0, 2);
  if (!isProvinceCode(provinceCode)) return failure('region.province', { position: 1, actual: provinceCode });
  if (input.slice(2) === '0000') return success({ code: input, provinceCode, level: 'province' });
  const prefectureCode = input.slice(0, 4);
  if (!prefectures.has(prefectureCode)) return failure('region.prefecture', { position: 3, actual: prefectureCode });
  const level: RegionLevel = input.endsWith('00') ? 'prefecture' : 'county';
  return success({ code: input, provinceCode, prefectureCode, level });
}

/**
 * The name of the most specific level the table knows: the province for xx0000, province and
 * prefecture otherwise (a county code is named by its prefecture). The table has English names
 * for provinces only, so an English prefecture name keeps its Chinese form. `undefined` when
 * the code is not valid.
 */
export function regionName(code: string, locale: Locale): string | undefined {
  const region = validateRegionCode(code);
  if (!region.ok) return undefined;
  const province = provinces[region.value.provinceCode];
  if (!province) return undefined;
  const prefectureCode = region.value.prefectureCode;
  // A municipality's 市辖区 / 县 entries are bookkeeping, not places: the city is the name.
  if (!prefectureCode || municipalities.has(region.value.provinceCode)) return province[locale];
  const prefecture = prefectures.get(prefectureCode) ?? '';
  return locale === 'zh-CN' ? `${province['zh-CN']}${prefecture}` : `${prefecture}, ${province.en}`;
}

/**
 * Whether two codes lie in the same province: used to check that the region in a USCC (where
 * the organisation was registered) matches the region it declares. Codes whose first two digits
 * are not a known province are in no province, so never the same.
 */
export function inSameProvince(a: string, b: string): boolean {
  const pa = a.slice(0, 2);
  const pb = b.slice(0, 2);
  return /^\d{2}$/.test(pa) && isProvinceCode(pa) && pa === pb;
}
