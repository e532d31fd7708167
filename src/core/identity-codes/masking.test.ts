import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('maskIdNumber', () => {
  it('keeps the first six and last four characters and hides the eight between', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('440524188001010014')).toBe('440524********0014');
  });

  it('masks anything else whole, one star per character', () => {
    expect(maskIdNumber('110105194912310')).toBe('*'.repeat(15));
    expect(maskIdNumber('ABCDEFGHIJKLMNOPQR')).toBe('*'.repeat(18));
    expect(maskIdNumber('身份证')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps the area code and the last four digits of a fixed line', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('05925123456')).toBe('0592-***3456');
  });

  it('masks anything else whole, one star per character', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('not a phone')).toBe('*'.repeat(11));
    expect(maskPhone('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('John Smith')).toBe('J*********');
  });

  it('masks a one-character name whole and leaves an empty one empty', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('𠀀𠀁')).toBe('𠀀*');
  });
});

describe('masking is total', () => {
  it('never throws, even on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')] as unknown as string[]) {
      expect(maskIdNumber(value)).toBe('');
      expect(maskPhone(value)).toBe('');
      expect(maskName(value)).toBe('');
    }
  });
});
