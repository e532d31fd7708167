import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../identity-codes/index.js';
import { locales } from '../i18n/locale.js';
import type { DataDictionary, DictionaryField } from './data-dictionary.js';
import {
  commonSurnames,
  describePiiFinding,
  fieldNameHint,
  luhnValid,
  piiConsistency,
  piiFindingMessages,
  piiFindingRules,
  scanField,
  scanSamples,
  type PiiScan,
} from './pii-detection.js';

const today = new Date('2025-06-01T04:00:00Z');
const options = { today };

function aResidentId(sequence = 1, birth = '19850620', region = '110105'): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** A card number with a valid Luhn check digit appended. */
function aCardNumber(body = '622202123456789'): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => aResidentId(i + 1));
const personNames = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '欧阳娜娜', '赵敏'];
const aField = (name: string, overrides: Partial<DictionaryField> = {}): DictionaryField => ({ name, type: 'string', ...overrides });
const aScan = (...fields: PiiScan['fields']): PiiScan => ({ threshold: 0.6, fields });

describe('luhnValid', () => {
  it('accepts numbers whose check digit is right and refuses those whose is not', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid(aCardNumber())).toBe(true);
    expect(luhnValid('')).toBe(false);
  });
});

describe('scanField: values', () => {
  it('detects resident ID numbers by their real check character, as sensitive', () => {
    const scan = scanField('col_a', ids(5), options);
    expect(scan).toMatchObject({ scanned: 5, matchRatio: 1, pii: { kind: 'id-number', sensitive: true } });
    expect(scan.evidence).toEqual([{ rule: 'pii.value.resident-id', matches: 5 }]);
  });

  it('does not take 18-digit numbers with wrong check characters for ID numbers', () => {
    const wrong = ids(5).map((id) => `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`);
    expect(scanField('col_a', wrong, options).pii).toBeUndefined();
  });

  it('detects mainland mobile numbers, with +86 and spaces, but not fixed lines', () => {
    expect(scanField('c', ['13812345678', '+86 139 1234 5678', '15000000000'], options).pii).toEqual({ kind: 'phone', sensitive: false });
    expect(scanField('c', ['010-12345678', '0371-65432100', '02188776655'], options).pii).toBeUndefined();
  });

  it('detects email addresses', () => {
    expect(scanField('c', ['a@example.com', 'li.na@corp.cn', 'x@y.org'], options).pii?.kind).toBe('email');
  });

  it('detects bank card numbers by the Luhn check, with or without spaces, as sensitive', () => {
    const cards = [aCardNumber(), aCardNumber('621700000000000'), aCardNumber('4367420012345678').replace(/(\d{4})/g, '$1 ').trim()];
    expect(scanField('c', cards, options).pii).toEqual({ kind: 'bank-card', sensitive: true });
    const failing = cards.map((c) => c.replace(/\d$/, (d) => String((Number(d) + 1) % 10)));
    expect(scanField('c', failing, options).pii).toBeUndefined();
  });

  it('takes only 16 to 19 digits for a card number, however good the check digit', () => {
    const short = ['6222021234567', '62220212345678', '622202123456789'].map(aCardNumber);
    expect(scanField('c', short, options).pii).toBeUndefined();
    expect(scanField('c', [aCardNumber('622202123456789012')], options).pii?.kind).toBe('bank-card');
  });

  it('detects Chinese personal names that start with a common surname, compound ones included', () => {
    expect(scanField('c', personNames, options)).toMatchObject({ pii: { kind: 'name', sensitive: false }, matchRatio: 1 });
  });

  it('does not take place and organisation names starting with a surname character for people', () => {
    expect(scanField('c', ['黄浦区', '高新区', '金水路', '马钢集团', '周口市', '郑州银行'], options).pii).toBeUndefined();
  });

  it('does not take a repetitive category column for names, although its words start with surname characters', () => {
    const categories = ['高端', '金融', '文化', '高端', '金融', '文化', '高端', '金融', '高端', '文化'];
    expect(scanField('category', categories, options).pii).toBeUndefined();
  });

  it('detects Chinese addresses by their administrative and street markers', () => {
    const addresses = ['河南省郑州市金水区花园路18号', '北京市海淀区中关村大街27号', '上海市黄浦区南京东路100弄3号501室'];
    expect(scanField('c', addresses, options).pii).toEqual({ kind: 'address', sensitive: false });
  });

  it('counts dates as birth dates only when the name says so', () => {
    const dates = ['1990-01-02', '1985/12/31', '2001年5月6日', '19770707'];
    expect(scanField('出生日期', dates, options).pii?.kind).toBe('birth-date');
    expect(scanField('report_date', dates, options).pii).toBeUndefined();
    expect(scanField('birthday', ['2030-01-01', '1990-02-30', 'soon'], options).pii).toBeUndefined();
  });

  it('reads numbers as their digits, as JSON sources give phones', () => {
    expect(scanField('c', [13812345678, 13912345678], options).pii?.kind).toBe('phone');
  });
});

describe('scanField: threshold, samples and evidence', () => {
  it('detects a kind when at least 0.6 of the non-null values match, ignoring nulls', () => {
    const three = [...ids(3), 'x', 'y', null, '', undefined, '  '];
    expect(scanField('c', three, options)).toMatchObject({ scanned: 5, matchRatio: 0.6, pii: { kind: 'id-number' } });
    const two = [...ids(2), 'x', 'y', 'z'];
    expect(scanField('c', two, options)).toMatchObject({ scanned: 5, matchRatio: 0.4 });
    expect(scanField('c', two, options).pii).toBeUndefined();
    expect(scanField('c', two, { today, threshold: 0.4 }).pii?.kind).toBe('id-number');
  });

  it('examines only the first sampleLimit non-null values', () => {
    const values = [...ids(3), ...Array.from({ length: 100 }, () => 'x')];
    expect(scanField('c', values, { today, sampleLimit: 3 })).toMatchObject({ scanned: 3, pii: { kind: 'id-number' } });
  });

  it('reports rule ids and counts as evidence, never the values', () => {
    const values = [...ids(3), '13812345678', 'a@example.com'];
    const scan = scanField('身份证号', values, options);
    expect(scan.evidence).toEqual([
      { rule: 'pii.value.resident-id', matches: 3 },
      { rule: 'pii.value.mobile', matches: 1 },
      { rule: 'pii.value.email', matches: 1 },
      { rule: 'pii.name.id-number' },
    ]);
    for (const value of values) expect(JSON.stringify(scan)).not.toContain(value);
  });
});

describe('scanField: field-name hints', () => {
  it.each([
    ['姓名', 'name'],
    ['客户姓名', 'name'],
    ['联系人电话', 'phone'],
    ['身份证号码', 'id-number'],
    ['户籍地址', 'address'],
    ['邮件地址', 'email'],
    ['name', 'name'],
    ['full_name', 'name'],
    ['phone_owner_name', 'name'],
    ['idCardNo', 'id-number'],
    ['ID_CARD', 'id-number'],
    ['contact_phone', 'phone'],
    ['mobileNumber', 'phone'],
    ['email_address', 'email'],
    ['home_address', 'address'],
    ['ip_address', 'other'],
    ['bank_card_no', 'bank-card'],
    ['date_of_birth', 'birth-date'],
    ['sfzh', 'id-number'],
    ['病历摘要', 'health'],
    ['fingerprint_hash', 'biometric'],
  ] as const)('reads %s as %s', (name, kind) => {
    expect(fieldNameHint(name)).toBe(kind);
  });

  it.each(['company_name', 'enterprise_name', '企业名称', 'face_value', 'hotel', 'amount', 'region_code', 'product_name'])('reads nothing personal in %s', (name) => {
    expect(fieldNameHint(name)).toBeUndefined();
  });

  it('detects the hinted kind when there are no values to check', () => {
    expect(scanField('身份证号', [null, ''], options)).toMatchObject({ scanned: 0, matchRatio: 0, pii: { kind: 'id-number', sensitive: true } });
  });

  it('detects a hinted kind no value rule checks, such as health data, as sensitive', () => {
    expect(scanField('诊断结果', ['高血压', '糖尿病'], options).pii).toEqual({ kind: 'health', sensitive: true });
  });

  it('lets a hint lower the bar to half the threshold, but not overrule values that contradict it', () => {
    expect(scanField('联系人', ['张伟', '王芳', '无', '不详', '—'], options).pii?.kind).toBe('name');
    expect(scanField('手机号', ['N/A', 'unknown', '-', '13812345678'], options).pii).toBeUndefined();
  });

  it('lets a bare "name" column of enterprise names pass: the values do not support the hint', () => {
    expect(scanField('name', ['国网河南省电力公司', '郑州煤矿机械集团股份有限公司', '宇通客车股份有限公司'], options).pii).toBeUndefined();
  });
});

describe('scanSamples', () => {
  it('scans every column of the rows, in order of first appearance', () => {
    const rows = [
      { id: 1, 姓名: '张伟', 手机: '13812345678' },
      { id: 2, 姓名: '王芳', 手机: '13912345678', note: 'vip' },
    ];
    const scan = scanSamples(rows, options);
    expect(scan.threshold).toBe(0.6);
    expect(scan.fields.map((f) => [f.field, f.pii?.kind])).toEqual([
      ['id', undefined],
      ['姓名', 'name'],
      ['手机', 'phone'],
      ['note', undefined],
    ]);
  });
});

describe('commonSurnames', () => {
  it('ships about a hundred distinct single-character surnames', () => {
    expect(new Set(commonSurnames).size).toBe(commonSurnames.length);
    expect(commonSurnames.length).toBeGreaterThanOrEqual(100);
    expect(commonSurnames.every((s) => [...s].length === 1)).toBe(true);
  });
});

describe('piiConsistency', () => {
  const detected = (field: string, kind: 'id-number' | 'phone' | 'name', sensitive = kind === 'id-number') => ({
    field,
    scanned: 10,
    matchRatio: 1,
    pii: { kind, sensitive },
    evidence: [],
  });

  it('reports personal information the dictionary does not declare, at the field', () => {
    const dictionary: DataDictionary = { fields: [aField('id'), aField('mobile')] };
    expect(piiConsistency(dictionary, aScan(detected('mobile', 'phone')))).toEqual([
      { rule: 'pii.undeclared', severity: 'error', field: 'mobile', pointer: '/fields/1/pii', expected: 'phone' },
    ]);
  });

  it('reports a scanned column the dictionary lacks entirely', () => {
    expect(piiConsistency({ fields: [] }, aScan(detected('sfz', 'id-number')))).toEqual([
      { rule: 'pii.undeclared', severity: 'error', field: 'sfz', pointer: '/fields', expected: 'id-number' },
    ]);
  });

  it('reports declared sensitivity lower than the detected kind calls for, and the kind mismatch', () => {
    const dictionary: DataDictionary = { fields: [aField('code', { pii: { kind: 'other', sensitive: false } })] };
    expect(piiConsistency(dictionary, aScan(detected('code', 'id-number')))).toEqual([
      { rule: 'pii.sensitivity-understated', severity: 'error', field: 'code', pointer: '/fields/0/pii', expected: 'id-number', actual: 'other' },
      { rule: 'pii.kind-mismatch', severity: 'warning', field: 'code', pointer: '/fields/0/pii', expected: 'id-number', actual: 'other' },
    ]);
  });

  it('reports a sensitive kind declared not sensitive even when the sample shows nothing', () => {
    const dictionary: DataDictionary = { fields: [aField('card', { pii: { kind: 'bank-card', sensitive: false } })] };
    expect(piiConsistency(dictionary, aScan())).toMatchObject([{ rule: 'pii.sensitivity-understated', expected: 'bank-card' }]);
  });

  it('accepts declarations that match the scan, and declared fields the sample shows nothing in', () => {
    const dictionary: DataDictionary = {
      fields: [aField('sfz', { pii: { kind: 'id-number', sensitive: true } }), aField('名称', { pii: { kind: 'name', sensitive: false } })],
    };
    expect(piiConsistency(dictionary, aScan(detected('sfz', 'id-number'), { field: '名称', scanned: 3, matchRatio: 0, evidence: [] }))).toEqual([]);
  });

  it('describes every finding in both languages with kinds named, leaving no placeholder', () => {
    const dictionary: DataDictionary = { fields: [aField('a'), aField('b', { pii: { kind: 'phone', sensitive: false } })] };
    const findings = piiConsistency(dictionary, aScan(detected('a', 'phone'), detected('b', 'id-number')));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(piiFindingRules));
    for (const finding of findings) for (const locale of locales) expect(describePiiFinding(finding, locale)).not.toMatch(/\{\w+\}/);
    expect(describePiiFinding(findings[0]!, 'zh-CN')).toBe('字段 a 的样本中检出个人信息（电话号码），但数据字典未声明');
    for (const rule of piiFindingRules) for (const locale of locales) expect(piiFindingMessages[rule][locale]).not.toBe('');
  });
});
