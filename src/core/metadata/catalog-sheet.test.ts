import { describe, expect, it } from 'vitest';
import { CatalogFormatError, type CatalogProblem } from './catalog-entry-error.js';
import { aCatalogEntry, generatedEntries } from './catalog-entry-fixtures.js';
import type { CatalogEntry } from './catalog-entry.js';
import { formatCatalogSheet } from './catalog-sheet-export.js';
import { parseCatalogSheet } from './catalog-sheet.js';

const HEADER = '目录名称,数据项,共享属性,开放属性,更新周期,数据提供方,摘要,关键词,所属领域,资源格式';
const options = { space: 'henan', participant: 'p_bigdata' };
const sheet = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    目录名称: '企业用电数据',
    数据项: '统一社会信用代码、月份；用电量',
    共享属性: '有条件共享',
    开放属性: '不予开放',
    更新周期: '每月',
    数据提供方: '国网河南省电力公司',
    摘要: '规模以上企业月度用电量',
    关键词: '用电，企业、能源',
    所属领域: '能源',
    资源格式: '电子表格、服务接口',
    ...overrides,
  };
  return Object.values(cells).join(',');
};

function problems(run: () => unknown): CatalogProblem[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogFormatError);
    return (error as CatalogFormatError).problems;
  }
  throw new Error('expected a refusal');
}

describe('catalog sheet import', () => {
  it('reads a row into a draft entry', () => {
    const { entries, columns } = parseCatalogSheet(sheet(row()), options);
    expect(columns).toEqual(HEADER.split(','));
    expect(entries).toEqual([
      {
        kind: 'dataset',
        id: 'urn:tds:henan:p_bigdata:catalog-1',
        title: { 'zh-CN': '企业用电数据' },
        description: { 'zh-CN': '规模以上企业月度用电量' },
        publisher: { id: 'p_bigdata', name: '国网河南省电力公司' },
        dictionary: { fields: [{ name: '统一社会信用代码', type: 'any' }, { name: '月份', type: 'any' }, { name: '用电量', type: 'any' }] },
        shareAttribute: 'conditional',
        openAttribute: 'none',
        accrualPeriodicity: 'http://purl.org/cld/freq/monthly',
        keywords: { 'zh-CN': ['用电', '企业', '能源'] },
        themes: ['能源'],
        distributions: [{ format: '电子表格' }, { format: '服务接口' }],
      } satisfies CatalogEntry,
    ]);
  });

  it('maps every update cycle to a Dublin Core frequency', () => {
    const cycles = { 实时: 'continuous', 每日: 'daily', 每周: 'weekly', 每月: 'monthly', 每季度: 'quarterly', 每年: 'annual' };
    for (const [cell, freq] of Object.entries(cycles)) {
      expect(parseCatalogSheet(sheet(row({ 更新周期: cell })), options).entries[0]?.accrualPeriodicity).toBe(`http://purl.org/cld/freq/${freq}`);
    }
  });

  it('reads UTF-8 with or without BOM, and GB18030 bytes', () => {
    const plain = parseCatalogSheet(sheet(row()), options);
    expect(parseCatalogSheet(`\uFEFF${sheet(row())}`, options)).toEqual(plain);
    expect(parseCatalogSheet(new TextEncoder().encode(`\uFEFF${sheet(row())}`), options)).toEqual(plain);
    // "企业用电数据,…" saved by Excel on Chinese Windows (GB18030), only the required columns.
    const gb18030 = Uint8Array.from(
      'c4bfc2bcc3fbb3c62ccafdbeddcfee2cb9b2cfedcaf4d0d42cbfaab7c5caf4d0d42cb8fcd0c2d6dcc6da2ccafdbeddcce1b9a9b7bd0d0ac6f3d2b5d3c3b5e7cafdbedd2ccdb3d2bbc9e7bbe1d0c5d3c3b4fac2eba1a2d3c3b5e7c1bf2cd3d0ccf5bcfeb9b2cfed2cb2bbd3e8bfaab7c52cc3bfd4c22cb9facdf8bad3c4cfcaa1b5e7c1a6b9abcbbe0d0a'
        .match(/../g)!
        .map((h) => parseInt(h, 16)),
    );
    const [entry] = parseCatalogSheet(gb18030, options).entries;
    expect(entry?.title).toEqual({ 'zh-CN': '企业用电数据' });
    expect(entry?.dictionary?.fields.map((f) => f.name)).toEqual(['统一社会信用代码', '用电量']);
    expect(entry?.publisher?.name).toBe('国网河南省电力公司');
  });

  it('keeps unknown columns in extra, empty cells included', () => {
    const text = ['目录编码,' + HEADER + ',备注', 'HN-001,' + row() + ',', 'HN-002,' + row({ 目录名称: '企业名录' }) + ',仅限政务'].join('\n');
    const { entries } = parseCatalogSheet(text, options);
    expect(entries.map((e) => e.extra)).toEqual([
      { 目录编码: 'HN-001', 备注: '' },
      { 目录编码: 'HN-002', 备注: '仅限政务' },
    ]);
  });

  it('refuses every bad cell with its line and column', () => {
    const text = sheet(
      row(),
      row({ 共享属性: '共享', 更新周期: '每两周' }),
      '',
      row({ 开放属性: '开放', 数据项: '甲、、乙', 目录名称: ' ' }),
      `"多行${'\n'}名称",甲,无条件共享,无条件开放,每年,,,,,`,
    );
    expect(problems(() => parseCatalogSheet(text, options))).toEqual([
      expect.objectContaining({ rule: 'sheet.share-attribute', line: 3, column: '共享属性' }),
      expect.objectContaining({ rule: 'sheet.update-cycle', line: 3, column: '更新周期' }),
      expect.objectContaining({ rule: 'sheet.title', line: 5, column: '目录名称' }),
      expect.objectContaining({ rule: 'sheet.data-items', line: 5, column: '数据项' }),
      expect.objectContaining({ rule: 'sheet.open-attribute', line: 5, column: '开放属性' }),
      expect.objectContaining({ rule: 'sheet.provider', line: 6, column: '数据提供方' }),
    ]);
    // A multi-line cell: the next record's line counts both of its lines.
    expect(problems(() => parseCatalogSheet(sheet(row({ 摘要: '"第一行\n第二行"' }), row({ 共享属性: '?' })), options))).toEqual([
      expect.objectContaining({ rule: 'sheet.share-attribute', line: 4 }),
    ]);
  });

  it('refuses a header without a required column, and broken CSV with its line', () => {
    expect(problems(() => parseCatalogSheet('目录名称,数据项\r\n甲,乙\r\n', options))).toContainEqual(expect.objectContaining({ rule: 'sheet.header', line: 1, column: '共享属性' }));
    expect(problems(() => parseCatalogSheet(`${HEADER},${HEADER.split(',')[0]}\r\n`, options))).toEqual([expect.objectContaining({ rule: 'sheet.header', column: '目录名称' })]);
    // csv-parse notices an unclosed quote where the input ends, and says so.
    expect(problems(() => parseCatalogSheet(sheet(row(), '"未闭合,甲,无条件共享'), options))[0]).toMatchObject({ rule: 'sheet.csv-syntax', line: 4 });
    expect(problems(() => parseCatalogSheet(sheet(row(), '甲,乙'), options))[0]).toMatchObject({ rule: 'sheet.csv-syntax', line: 3 });
  });
});

describe('catalog sheet export', () => {
  it('round-trips sheet → entries → sheet exactly, column order and unknown columns included', () => {
    const text = '\uFEFF' + ['目录编码,' + HEADER, `HN-001,${row({ 数据项: '统一社会信用代码、月份、用电量', 关键词: '用电、企业' })}`, `"=HYPERLINK(""x"")",${row({ 摘要: '"引号", 逗号\n换行' })}`].map((l) => l.replace('"引号", 逗号\n换行', '"""引号"", 逗号\n换行"')).join('\r\n') + '\r\n';
    const imported = parseCatalogSheet(text, options);
    const exported = formatCatalogSheet(imported.entries, { columns: imported.columns });
    expect(parseCatalogSheet(exported, options)).toEqual(imported);
    expect(exported.split('\r\n')[0]).toBe('\uFEFF目录编码,' + HEADER);
    expect(exported).toContain(`'=HYPERLINK`);
  });

  it('round-trips entries → sheet → entries for the sheet’s fields', () => {
    const entries = generatedEntries(40, 9).map((e, i): CatalogEntry => ({
      kind: 'dataset',
      id: `urn:tds:henan:p_bigdata:catalog-${i + 1}`,
      title: { 'zh-CN': e.title['zh-CN'] ?? '' },
      description: e.description['zh-CN'] ? { 'zh-CN': e.description['zh-CN'] } : {},
      publisher: { id: 'p_bigdata', name: e.publisher?.name ?? '提供方' },
      dictionary: { fields: [{ name: `字段${i}`, type: 'any' }, { name: 'uscc', type: 'any' }] },
      shareAttribute: 'unconditional',
      openAttribute: 'conditional',
      accrualPeriodicity: i % 2 ? 'http://purl.org/cld/freq/biweekly' : 'http://purl.org/cld/freq/daily',
      ...(i % 3 ? { keywords: { 'zh-CN': ['甲', `关键词${i}`] } } : {}),
      ...(i % 4 ? { themes: ['能源'] } : {}),
      ...(i % 5 ? { distributions: [{ format: 'CSV' }] } : {}),
      extra: { 目录编码: `=A${i}` },
    }));
    const back = parseCatalogSheet(formatCatalogSheet(entries), options).entries;
    expect(back).toEqual(entries);
  });

  it('writes what the sheet has columns for and refuses what it cannot hold', () => {
    const text = formatCatalogSheet([aCatalogEntry()], { bom: false });
    expect(text.split('\r\n')[1]).toBe('企业用电数据,uscc、month、kwh、contact_phone,有条件共享,不予开放,每月,国网河南省电力公司,河南省规模以上企业月度用电量，按统一社会信用代码汇总。,用电、企业、能源,http://publications.europa.eu/resource/authority/data-theme/ENER,CSV');
    const bad = aCatalogEntry({ dictionary: { fields: [{ name: 'a、b', type: 'string' }] }, keywords: { 'zh-CN': ['x,y'] } });
    expect(problems(() => formatCatalogSheet([aCatalogEntry(), bad]))).toEqual([
      expect.objectContaining({ rule: 'sheet.separator', pointer: '/1/dictionary/fields/0/name' }),
      expect.objectContaining({ rule: 'sheet.separator', pointer: '/1/keywords/zh-CN/0' }),
    ]);
  });
});
