import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveKey } from '../../core/crypto/keyed-hash.js';
import { desensitizeValue, type DesensitizationRule } from '../../core/desensitization/index.js';
import type { DictionaryField } from '../../core/metadata/data-dictionary.js';
import { aFile, gb18030, rejection, removeTempDirs } from '../assets/readers/reader-fixtures.js';
import { secureUniform } from '../../core/crypto/secure-uniform.js';
import { desensitizationKeys as deliveryKeys } from '../../core/desensitization/index.js';
import { desensitizedCsv, desensitizedJsonl, desensitizedRows, preparationFailure } from './desensitizing-streams.js';
import { RecordDesensitizer } from './record-desensitizer.js';

const master = new Uint8Array(32).fill(7);
const keys = deliveryKeys(master, 'asset-1', 'agreement-1');
// Fixed, so that noise is checkable: with 0.5 both exponentials are equal and Laplace noise is 0.
const half = () => 0.5;
const field = (name: string, desensitization?: DesensitizationRule): DictionaryField => ({ name, type: 'string', ...(desensitization ? { desensitization } : {}) });
const fields: DictionaryField[] = [
  field('姓名', { method: 'mask', format: 'name' }),
  field('手机号', { method: 'mask', format: 'phone' }),
  field('备注'),
  field('客户号', { method: 'tokenize' }),
  field('证件号', { method: 'hash', algorithm: 'hmac-sha256' }),
  field('金额', { method: 'generalize', to: 'number-band', width: 100 }),
  field('密码', { method: 'suppress' }),
];
const desensitizer = (random: () => number = half) => RecordDesensitizer.forFields(fields, keys, random)!;
const token = (value: string) => desensitizeValue({ method: 'tokenize' }, value, keys, half);
const hmac = (value: string) => desensitizeValue({ method: 'hash', algorithm: 'hmac-sha256' }, value, keys, half);

async function output(streams: Array<Readable | Transform>): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await pipeline([...streams, sink]);
  return Buffer.concat(chunks).toString('utf8');
}

afterEach(removeTempDirs);

describe('RecordDesensitizer', () => {
  it('is undefined when no field has a rule, so the data is delivered as it is', () => {
    expect(RecordDesensitizer.forFields([field('a'), field('b')], keys, half)).toBeUndefined();
    expect(RecordDesensitizer.forFields(undefined, keys, half)).toBeUndefined();
  });

  it('rewrites the ruled members of an object, keeps null and absent members, and keeps noised numbers numbers', () => {
    const d = RecordDesensitizer.forFields([...fields, field('用电量', { method: 'noise', mechanism: 'laplace', scale: 5 })], keys, half)!;
    const row = { 手机号: 13812345678, 姓名: null, 备注: '不变', 金额: 1234.5, 用电量: 1200, 客户号: true, 证件号: { id: 1 } };
    expect(d.object(row)).toEqual({ 手机号: '138****5678', 姓名: null, 备注: '不变', 金额: 1200, 用电量: 1200, 客户号: token('true'), 证件号: hmac('{"id":1}') });
    expect(row.手机号).toBe(13812345678);
  });

  it('names the line, never its content, when a JSON Lines line is not an object', () => {
    const d = desensitizer();
    expect(() => d.jsonLine('{"手机号": "13812345678"', 3)).toThrow(/^line 3 is not JSON$/);
    expect(() => d.jsonLine('["13812345678"]', 4)).toThrow(/^line 4 is not a JSON object$/);
  });
});

describe('desensitized CSV', () => {
  const csv = [
    '姓名,手机号,备注,客户号,证件号,金额,密码',
    '张三,13812345678,"他说:""你好, 世界""",C001,410105199001011234,1234.5,secret',
    '欧阳娜娜,13987654321,"第一行\r\n第二行，含中文逗号",C002,,99,',
    '李四,,普通备注,C001,410105199001011234,abc,x',
  ].join('\r\n');

  it('rewrites ruled fields of every record, keeps the header and untouched fields byte for byte, quotes what needs quoting', async () => {
    const text = await output(desensitizedCsv(await aFile('people.csv', csv), desensitizer()));
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      ['姓名', '手机号', '备注', '客户号', '证件号', '金额', '密码'],
      ['张*', '138****5678', '他说:"你好, 世界"', token('C001'), hmac('410105199001011234'), '1200', ''],
      ['欧阳**', '139****4321', '第一行\r\n第二行，含中文逗号', token('C002'), '', '0', ''],
      ['李*', '', '普通备注', token('C001'), hmac('410105199001011234'), '', ''],
    ]);
    expect(rows[1]![3]).toMatch(/^T[A-Z2-7]{20}$/);
    expect(text.split('\r\n')[1]).toBe(`张*,138****5678,"他说:""你好, 世界""",${token('C001')},${hmac('410105199001011234')},1200,`);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('drops a BOM and empty lines, reads LF files, and writes UTF-8 from a GB18030 file', async () => {
    const lf = await output(desensitizedCsv(await aFile('lf.csv', '\uFEFF手机号,备注\n\n13812345678,"a\nb"\n'), desensitizer()));
    expect(lf).toBe('手机号,备注\r\n138****5678,"a\nb"\r\n');
    const d = RecordDesensitizer.forFields([field('城市', { method: 'mask', format: 'generic', keepStart: 1 })], keys, half)!;
    const gb = await output(desensitizedCsv(await aFile('gb.csv', gb18030('企业名称,城市\n上海企业,北京\n')), d));
    expect(gb).toBe('企业名称,城市\r\n上海企业,北*\r\n');
  });

  it('fails on a record with another number of fields than the header, without quoting values', async () => {
    const short = await rejection(output(desensitizedCsv(await aFile('short.csv', '手机号,备注\n13812345678\n'), desensitizer())));
    expect(preparationFailure(short)).toBe('line 2 is not valid CSV (CSV_RECORD_INCONSISTENT_FIELDS_LENGTH)');
    const quote = await rejection(output(desensitizedCsv(await aFile('quote.csv', '手机号,备注\n13812345678,x "13900001111"\n'), desensitizer())));
    expect(preparationFailure(quote)).toBe('line 2 is not valid CSV (INVALID_OPENING_QUOTE)');
    expect(preparationFailure(quote)).not.toContain('13900001111');
  });
});

describe('desensitized JSON Lines', () => {
  const jsonl = [
    '\uFEFF{"姓名":"张三","手机号":"13812345678","备注":"他说:\\"你好, 世界\\"\\n换行"}',
    '{"手机号":13987654321,"金额":1234.5,"密码":"x"}',
    '',
    '{"备注":"没有规则字段",  "其他": 1}',
    '{"手机号":null,"客户号":"C001"}\r',
    '{"姓名":"欧阳娜娜"}',
  ].join('\n');
  const expected = [
    JSON.stringify({ 姓名: '张*', 手机号: '138****5678', 备注: '他说:"你好, 世界"\n换行' }),
    JSON.stringify({ 手机号: '139****4321', 金额: 1200, 密码: null }),
    '',
    '{"备注":"没有规则字段",  "其他": 1}',
    `${JSON.stringify({ 手机号: null, 客户号: token('C001') })}\r`,
    JSON.stringify({ 姓名: '欧阳**' }),
  ].join('\n');

  it('rewrites the ruled members of each line, keeps other lines, blank lines and each line break', async () => {
    expect(await output([Readable.from([Buffer.from(jsonl)]), desensitizedJsonl(desensitizer())])).toBe(expected);
  });

  it('gives the same output however the input is cut, through multi-byte characters too', async () => {
    const bytes = Buffer.from(jsonl);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 5), bytes.subarray(cut + 5)];
      expect(await output([Readable.from(chunks), desensitizedJsonl(desensitizer())])).toBe(expected);
    }
  });

  it('fails on a line that is not JSON, naming the line only', async () => {
    const failure = await rejection(output([Readable.from([Buffer.from('{"手机号":"1"}\n{"手机号":"13812345678"\n')]), desensitizedJsonl(desensitizer())]));
    expect(preparationFailure(failure)).toBe('line 2 is not JSON');
  });
});

describe('desensitized table rows', () => {
  it('rewrites each row as it streams', async () => {
    async function* rows() {
      yield { 手机号: '13812345678', 备注: 'a' };
      yield { 手机号: null, 备注: 'b' };
    }
    const out: Record<string, unknown>[] = [];
    for await (const row of desensitizedRows(rows(), desensitizer())) out.push(row);
    expect(out).toEqual([{ 手机号: '138****5678', 备注: 'a' }, { 手机号: null, 备注: 'b' }]);
  });
});

describe('delivery keys', () => {
  it('derive under the sandbox labels, so hashes match the sandbox and tokens differ per agreement', () => {
    expect(keys.hashKey).toEqual(deriveKey(master, 'sandbox-hash:asset-1'));
    expect(keys.tokenKey).toEqual(deriveKey(master, 'sandbox-token:agreement-1'));
    expect(deliveryKeys(master, 'asset-1', 'agreement-2').hashKey).toEqual(keys.hashKey);
    expect(deliveryKeys(master, 'asset-1', 'agreement-2').tokenKey).not.toEqual(keys.tokenKey);
  });

  it('draw noise uniformly from the open interval (0, 1)', () => {
    const draws = Array.from({ length: 10_000 }, secureUniform);
    expect(draws.every((u) => u > 0 && u < 1)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
