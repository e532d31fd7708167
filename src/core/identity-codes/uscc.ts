import { failure, success, type CodeResult } from './code-result.js';
import { isProvinceCode } from './region-code.js';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015:
 *
 *   position 1      registration authority (登记管理部门)
 *   position 2      organisation category (机构类别), meaningful per authority
 *   positions 3–8   region of the registering office (GB/T 2260)
 *   positions 9–17  organisation code (GB 11714 主体标识码)
 *   position 18     check character: weighted sum of positions 1–17 (weights 3^(i-1) mod 31)
 *                   made divisible by 31
 */

/** I, O, Z, S, V are left out: too easily confused with 1, 0, 2, 5 and U when copied by hand. */
export const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * GB 32100-2015 table 1 with its amendments (A 中央军委改革和编制办公室 and N 农业 were added
 * later): each authority and the categories it may register. Y 其他 has a single category, 1.
 */
export const usccAuthorities: Readonly<Record<string, { name: string; categories: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', categories: { '1': '其他' } },
};

/** Organisations registered by a national authority carry 100000, which is no province. */
const NATIONAL_REGION = '100000';

export interface Uscc {
  /** The code upper-cased, as it should be stored. */
  code: string;
  authority: string;
  category: string;
  regionCode: string;
}

/**
 * The check character for the first 17 characters. Throws a RangeError when they are not 17
 * characters of the charset: this is for building codes (fixtures, demo data), not for checking
 * input, which goes through `validateUscc`.
 */
export function usccCheckCharacter(first17: string): string {
  const upper = first17.replace(/[a-z]/g, (c) => c.toUpperCase());
  if (upper.length !== 17) throw new RangeError(`usccCheckCharacter needs 17 characters, got ${upper.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccCharset.indexOf(upper.charAt(i));
    if (value < 0) throw new RangeError(`usccCheckCharacter: position ${i + 1} is not in the charset`);
    sum += value * (weights[i] ?? 0);
  }
  return usccCharset.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a USCC and reports the first rule it breaks, in reading order: length, charset,
 * authority, category, region, check character. Lower case is accepted (and upper-cased);
 * nothing is trimmed, so stray whitespace is a charset failure at its position.
 *
 * Positions 9–17 are checked only against the charset: many issued codes do not satisfy the
 * GB 11714 check digit at position 17 (codes assigned since 2015 need not), so enforcing it
 * would reject real organisations. The region is checked to its province only, because codes
 * keep the region of registration for life, including prefectures abolished since.
 */
export function validateUscc(input: string): CodeResult<Uscc> {
  // Only ASCII letters change case: a full Unicode upper-casing could change the length.
  const code = input.replace(/[a-z]/g, (c) => c.toUpperCase());
  const chars = [...code];
  if (chars.length !== 18) return failure('uscc.length', { expected: '18', actual: String(chars.length) });
  const bad = chars.findIndex((c) => !usccCharset.includes(c));
  if (bad >= 0) return failure('uscc.charset', { position: bad + 1, actual: chars[bad] });

  const authority = code.charAt(0);
  const registrar = usccAuthorities[authority];
  if (!registrar) {
    return failure('uscc.authority', { position: 1, expected: Object.keys(usccAuthorities).join(','), actual: authority });
  }
  const category = code.charAt(1);
  if (!Object.hasOwn(registrar.categories, category)) {
    return failure('uscc.category', { position: 2, expected: Object.keys(registrar.categories).join(','), actual: category });
  }

  const regionCode = code.slice(2, 8);
  const nonDigit = regionCode.search(/\D/);
  if (nonDigit >= 0) return failure('uscc.region', { position: 3 + nonDigit, actual: regionCode });
  if (regionCode !== NATIONAL_REGION && !isProvinceCode(regionCode.slice(0, 2))) {
    return failure('uscc.region', { position: 3, actual: regionCode });
  }

  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) return failure('uscc.check-character', { position: 18, expected, actual });
  return success({ code, authority, category, regionCode });
}
