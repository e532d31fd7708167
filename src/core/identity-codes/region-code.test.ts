import { describe, expect, it } from 'vitest';
import { inSameProvince, regionName, validateRegionCode } from './region-code.js';
import { municipalities, prefectures, provinces } from './region-table.js';

describe('the GB/T 2260 table', () => {
  it('lists all 34 province-level divisions, with Taiwan, Hong Kong and Macao', () => {
    expect(Object.keys(provinces)).toHaveLength(34);
    expect(provinces['11']).toEqual({ 'zh-CN': '北京市', en: 'Beijing' });
    expect(provinces['71']?.['zh-CN']).toBe('台湾省');
    expect(provinces['81']?.['zh-CN']).toBe('香港特别行政区');
    expect(provinces['82']?.['zh-CN']).toBe('澳门特别行政区');
  });

  it('lists the prefecture-level divisions of every province on the mainland', () => {
    // 333 prefecture-level divisions, plus 市辖区 of four municipalities, 县 of Chongqing and
    // four provinces' 省直辖县级行政区划 (xx90).
    expect(prefectures.size).toBe(342);
    for (const province of Object.keys(provinces)) {
      const own = [...prefectures.keys()].filter((code) => code.startsWith(province));
      if (['71', '81', '82'].includes(province)) expect(own).toEqual([]);
      else expect(own.length).toBeGreaterThan(0);
    }
    for (const code of prefectures.keys()) expect(Object.hasOwn(provinces, code.slice(0, 2))).toBe(true);
    expect(prefectures.get('3502')).toBe('厦门市');
    expect(prefectures.get('4101')).toBe('郑州市');
    expect(prefectures.get('6590')).toBe('自治区直辖县级行政区划');
    expect(municipalities).toEqual(new Set(['11', '12', '31', '50']));
  });
});

describe('validateRegionCode', () => {
  it('accepts a province, a prefecture and a county under a known prefecture', () => {
    expect(validateRegionCode('350000')).toEqual({ ok: true, value: { code: '350000', provinceCode: '35', level: 'province' } });
    expect(validateRegionCode('350200')).toEqual({
      ok: true,
      value: { code: '350200', provinceCode: '35', prefectureCode: '3502', level: 'prefecture' },
    });
    expect(validateRegionCode('350203')).toMatchObject({ ok: true, value: { level: 'county' } });
  });

  it('accepts the municipal districts and counties of municipalities and province-administered counties', () => {
    for (const code of ['110105', '120101', '310115', '500101', '500229', '419001', '429004', '469001', '659001']) {
      expect(validateRegionCode(code).ok).toBe(true);
    }
  });

  it('accepts Taiwan, Hong Kong and Macao at province level only', () => {
    for (const code of ['710000', '810000', '820000']) expect(validateRegionCode(code).ok).toBe(true);
    expect(validateRegionCode('810100')).toEqual({ ok: false, failure: { rule: 'region.prefecture', position: 3, actual: '8101' } });
  });

  it.each(['', '35020', '3502000', '35020a', ' 350200', '３５０２００'])('rejects %j, which is not six digits', (input) => {
    expect(validateRegionCode(input)).toEqual({ ok: false, failure: { rule: 'region.format', expected: '6 digits', actual: input } });
  });

  it.each(['000000', '100000', '190000', '390100', '990000'])('rejects %s, whose province does not exist', (code) => {
    expect(validateRegionCode(code)).toEqual({ ok: false, failure: { rule: 'region.province', position: 1, actual: code.slice(0, 2) } });
  });

  it.each(['359900', '351000', '110200', '371200', '441000'])(
    'rejects %s, whose prefecture is not in the table',
    (code) => {
      expect(validateRegionCode(code)).toEqual({ ok: false, failure: { rule: 'region.prefecture', position: 3, actual: code.slice(0, 4) } });
    },
  );
});

describe('regionName', () => {
  it('names a province in either locale', () => {
    expect(regionName('350000', 'zh-CN')).toBe('福建省');
    expect(regionName('350000', 'en')).toBe('Fujian');
    expect(regionName('540000', 'en')).toBe('Xizang');
  });

  it('names a prefecture with its province, keeping the Chinese name in English', () => {
    expect(regionName('350200', 'zh-CN')).toBe('福建省厦门市');
    expect(regionName('350200', 'en')).toBe('厦门市, Fujian');
  });

  it('names a county code by its prefecture, the most specific level the table knows', () => {
    expect(regionName('350203', 'zh-CN')).toBe('福建省厦门市');
  });

  it('names anything in a municipality by the city', () => {
    expect(regionName('110105', 'zh-CN')).toBe('北京市');
    expect(regionName('500229', 'en')).toBe('Chongqing');
  });

  it('returns undefined for an invalid code', () => {
    expect(regionName('990000', 'zh-CN')).toBeUndefined();
    expect(regionName('abc', 'en')).toBeUndefined();
  });
});

describe('inSameProvince', () => {
  it('is true for codes in the same province at any level', () => {
    expect(inSameProvince('350200', '350203')).toBe(true);
    expect(inSameProvince('350000', '350583')).toBe(true);
  });

  it('is false across provinces, and for codes in no known province', () => {
    expect(inSameProvince('350200', '440100')).toBe(false);
    expect(inSameProvince('100000', '100000')).toBe(false);
    expect(inSameProvince('990000', '990000')).toBe(false);
    expect(inSameProvince('', '')).toBe(false);
  });
});
