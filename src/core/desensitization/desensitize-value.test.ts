import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, hmacSm3Hex } from '../crypto/keyed-hash.js';
import { seededRandom } from '../random/seeded-random.js';
import type { DesensitizationRule } from './desensitization-rule.js';
import { desensitizeValue, type DesensitizationKeys } from './desensitize-value.js';

const keys: DesensitizationKeys = { hashKey: new Uint8Array(32).fill(1), tokenKey: new Uint8Array(32).fill(2) };
const noRandom = () => {
  throw new Error('a deterministic rule drew a random number');
};
const apply = (rule: DesensitizationRule, value: string | null, k: DesensitizationKeys = keys) => desensitizeValue(rule, value, k, noRandom);
const table = (rule: DesensitizationRule, cases: Array<[string, string | null]>) => {
  for (const [value, expected] of cases) expect(apply(rule, value), value).toBe(expected);
};

describe('masking', () => {
  it('keeps the region and the last four of a resident ID number', () => {
    table({ method: 'mask', format: 'id-number' }, [
      ['41010519900101123X', '410105********123X'],
      ['410105199001011234', '410105********1234'],
      ['1234567890', '**********'],
    ]);
    expect(apply({ method: 'mask', format: 'id-number', keepStart: 0, keepEnd: 1 }, '41010519900101123X')).toBe('*****************X');
  });

  it('keeps 3 and 4 digits of a mobile number', () => {
    table({ method: 'mask', format: 'phone' }, [['13812345678', '138****5678'], ['1381234', '*******']]);
  });

  it('keeps the surname of a name, both characters of a compound one', () => {
    table({ method: 'mask', format: 'name' }, [
      ['张三', '张*'],
      ['张三丰', '张**'],
      ['欧阳娜娜', '欧阳**'],
      ['欧阳修', '欧阳*'],
      ['欧阳', '欧*'],
      ['张', '*'],
      ['𠮷野家', '𠮷**'],
    ]);
  });

  it('keeps an address down to its district or county and masks the rest', () => {
    table({ method: 'mask', format: 'address' }, [
      ['河南省郑州市金水区花园路100号', '河南省郑州市金水区***'],
      ['北京市朝阳区建国路88号', '北京市朝阳区***'],
      ['河南省郑州市新郑市龙湖镇张庄村', '河南省郑州市新郑市***'],
      ['河南省兰考县城关镇东市街10号', '河南省兰考县***'],
      ['上海市浦东新区张江路1号', '上海市浦东新区***'],
      ['新疆维吾尔自治区乌鲁木齐市天山区解放北路', '新疆维吾尔自治区乌鲁木齐市天山区***'],
      ['湖北省恩施土家族苗族自治州恩施市舞阳坝街道', '湖北省恩施土家族苗族自治州恩施市***'],
      ['广东省东莞市南城街道鸿福路1号', '广东省东莞市***'],
      ['郑州市中原路社区5号', '郑州市***'],
      ['花园路100号', '***'],
    ]);
  });

  it('keeps the last four of a bank card, and the first character and domain of an email', () => {
    table({ method: 'mask', format: 'bank-card' }, [['6222021234567890123', '***************0123']]);
    table({ method: 'mask', format: 'email' }, [
      ['zhangsan@example.com', 'z***@example.com'],
      ['a@example.com', '***@example.com'],
      ['a@b@example.com', 'a***@example.com'],
      ['not-an-email', '************'],
    ]);
  });

  it('stars every character of a generic value unless told what to keep', () => {
    table({ method: 'mask', format: 'generic' }, [['abc', '***']]);
    table({ method: 'mask', format: 'generic', keepStart: 1, keepEnd: 1 }, [['abcd', 'a**d'], ['ab', '**']]);
  });
});

describe('generalization', () => {
  it('turns dates into their year or month', () => {
    table({ method: 'generalize', to: 'year' }, [['2024-03-15', '2024'], ['2024-03', '2024'], ['2024年3月15日', '2024'], ['2024-13-01', null], ['soon', null]]);
    table({ method: 'generalize', to: 'month' }, [['2024-03-15', '2024-03'], ['2024/3/5', '2024-03'], ['20240315', '2024-03'], ['2024-03-15T08:00:00+08:00', '2024-03'], ['2024', '2024']]);
  });

  it('puts ages into bands of ten years, or of the given width', () => {
    table({ method: 'generalize', to: 'age-band' }, [['34', '30-39'], ['30', '30-39'], ['9.9', '0-9'], ['34岁', '30-39'], ['151', null], ['-3', null]]);
    table({ method: 'generalize', to: 'age-band', width: 5 }, [['34', '30-34'], ['35', '35-39']]);
  });

  it('gives the lower bound of the band a number falls in, exactly for decimal widths', () => {
    table({ method: 'generalize', to: 'number-band', width: 1000 }, [['12345.67', '12000'], ['-1', '-1000'], ['-0', '0'], ['1e3', null]]);
    table({ method: 'generalize', to: 'number-band', width: 0.1 }, [['0.3', '0.3'], ['0.35', '0.3'], ['-0.31', '-0.4'], ['7', '7.0']]);
    table({ method: 'generalize', to: 'number-band' }, [['37', '30']]);
  });

  it('turns GB/T 2260 codes into their city or province', () => {
    table({ method: 'generalize', to: 'region-city' }, [['410105', '410100'], ['410105001000', '410100'], ['41010', null]]);
    table({ method: 'generalize', to: 'region-province' }, [['410105', '410000']]);
  });
});

describe('keyed hashing and tokens', () => {
  it('hashes with the provider key, whatever the token key', () => {
    expect(apply({ method: 'hash', algorithm: 'hmac-sha256' }, '张三')).toBe(hmacSha256Hex(keys.hashKey, '张三'));
    expect(apply({ method: 'hash', algorithm: 'hmac-sm3' }, '张三')).toBe(hmacSm3Hex(keys.hashKey, '张三'));
    const otherAgreement = { ...keys, tokenKey: new Uint8Array(32).fill(3) };
    expect(apply({ method: 'hash', algorithm: 'hmac-sm3' }, '张三', otherAgreement)).toBe(apply({ method: 'hash', algorithm: 'hmac-sm3' }, '张三'));
  });

  it('gives T and 20 base32 characters per value, different under another agreement key', () => {
    const token = apply({ method: 'tokenize' }, '410105199001011234');
    expect(token).toMatch(/^T[A-Z2-7]{20}$/);
    expect(apply({ method: 'tokenize' }, '410105199001011234')).toBe(token);
    expect(apply({ method: 'tokenize' }, '410105199001011235')).not.toBe(token);
    expect(apply({ method: 'tokenize' }, '410105199001011234', { ...keys, tokenKey: new Uint8Array(32).fill(3) })).not.toBe(token);
  });

  it('refuses keys shorter than 16 bytes', () => {
    expect(() => apply({ method: 'tokenize' }, 'x', { ...keys, tokenKey: new Uint8Array(8) })).toThrow(RangeError);
    expect(() => apply({ method: 'hash', algorithm: 'hmac-sha256' }, 'x', { ...keys, hashKey: new Uint8Array(0) })).toThrow(RangeError);
  });
});

describe('suppression, noise and blanks', () => {
  it('leaves null and empty values as they are, under every method', () => {
    const rules: DesensitizationRule[] = [{ method: 'suppress' }, { method: 'tokenize' }, { method: 'mask', format: 'address' }, { method: 'noise', mechanism: 'laplace', scale: 1 }];
    for (const rule of rules) {
      expect(apply(rule, null)).toBeNull();
      expect(apply(rule, '')).toBe('');
    }
    expect(apply({ method: 'suppress' }, '张三')).toBeNull();
  });

  it('adds noise of the given scale, keeps the decimals and nulls what is not a number', () => {
    const random = seededRandom(42);
    const rule: DesensitizationRule = { method: 'noise', mechanism: 'gaussian', scale: 3 };
    const samples = Array.from({ length: 4000 }, () => Number(desensitizeValue(rule, '1000.0', keys, random)));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length);
    expect(Math.abs(mean - 1000)).toBeLessThan(0.3);
    expect(sd).toBeGreaterThan(2.7);
    expect(sd).toBeLessThan(3.3);
    expect(desensitizeValue({ method: 'noise', mechanism: 'laplace', scale: 1 }, '12', keys, random)).toMatch(/^-?\d+$/);
    expect(desensitizeValue(rule, 'twelve', keys, random)).toBeNull();
  });

  it('refuses an invalid rule before touching the value', () => {
    expect(() => apply({ method: 'mask', format: 'passport' } as unknown as DesensitizationRule, 'x')).toThrow(RangeError);
  });
});
