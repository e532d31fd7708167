import { afterEach, describe, expect, it } from 'vitest';
import { createCsvReader } from './csv-reader.js';
import { aFile, allRows, countRows, gb18030, rejection, removeTempDirs } from './reader-fixtures.js';
import { ENCODING_SNIFF_BYTES } from './text-decoding.js';

afterEach(removeTempDirs);

const BOM = '\uFEFF';

describe('CSV reader', () => {
  it('reads a UTF-8 file with a BOM and Chinese headers and values, keeping values as strings', async () => {
    const file = await aFile('企业.csv', `${BOM}企业名称,城市,金额\r\n北京数据有限公司,北京,0012.50\r\n上海信息公司,上海,7\r\n`);
    const sample = await createCsvReader(file).sample(10);
    expect(sample.columns).toEqual([{ name: '企业名称' }, { name: '城市' }, { name: '金额' }]);
    expect(sample.rows).toEqual([
      { 企业名称: '北京数据有限公司', 城市: '北京', 金额: '0012.50' },
      { 企业名称: '上海信息公司', 城市: '上海', 金额: '7' },
    ]);
    expect(sample.byteSize).toBe(Buffer.byteLength(`${BOM}企业名称,城市,金额\r\n北京数据有限公司,北京,0012.50\r\n上海信息公司,上海,7\r\n`));
  });

  it('has fixture bytes that really are GB18030', () => {
    expect(new TextDecoder('gb18030').decode(gb18030('企业名称,城市'))).toBe('企业名称,城市');
  });

  it('decodes a GB18030 (GBK) file as such', async () => {
    const file = await aFile('gbk.csv', gb18030('企业名称,城市\n北京企业,北京\n上海企业,上海\n'));
    const sample = await createCsvReader(file).sample(10);
    expect(sample.columns.map((c) => c.name)).toEqual(['企业名称', '城市']);
    expect(sample.rows).toEqual([
      { 企业名称: '北京企业', 城市: '北京' },
      { 企业名称: '上海企业', 城市: '上海' },
    ]);
  });

  it('stays UTF-8 when a multi-byte character straddles the end of the first 64 KiB', async () => {
    const head = 'name,city\n';
    const filler = 'x'.repeat(ENCODING_SNIFF_BYTES - Buffer.byteLength(head) - 1 - 'a,'.length);
    // "北" is 3 bytes in UTF-8: its first byte is the last byte of the sniffed head.
    const file = await aFile('straddle.csv', `${head}${filler},北京\na,上海\n`);
    const rows = await allRows(createCsvReader(file));
    expect(rows).toEqual([
      { name: filler, city: '北京' },
      { name: 'a', city: '上海' },
    ]);
  });

  it('skips empty lines', async () => {
    const file = await aFile('gaps.csv', 'a,b\n\n1,2\n\n\n3,4\n');
    expect((await createCsvReader(file).sample(10)).rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('keeps quoted commas, quotes and line breaks inside a field', async () => {
    const file = await aFile('quoted.csv', 'a,b\n"x, y","say ""hi""\nthere"\n');
    expect((await createCsvReader(file).sample(10)).rows).toEqual([{ a: 'x, y', b: 'say "hi"\nthere' }]);
  });

  it('samples only the first rows and does not trip over a defect further down', async () => {
    const file = await aFile('long.csv', 'a,b\n1,2\n3,4\n5,6,7\n');
    const sample = await createCsvReader(file).sample(2);
    expect(sample.rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('says on which line a row has a different number of fields than the header', async () => {
    const file = await aFile('ragged.csv', 'a,b\n1,2\n\n3,4,5\n6,7\n');
    const error = await rejection(createCsvReader(file).sample(10));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.malformed', line: 4 });
  });

  it('says on which line an unclosed quote was opened', async () => {
    const file = await aFile('unclosed.csv', 'a,b\n1,2\n\n3,"4\n5,6\n7,8\n');
    const error = await rejection(countRows(createCsvReader(file)));
    expect(error).toMatchObject({ rule: 'source.malformed', line: 4 });
    expect(error.message).toContain('line 4');
  });

  it('refuses a header that names a column twice', async () => {
    const file = await aFile('twice.csv', 'a,b,a\n1,2,3\n');
    expect(await rejection(createCsvReader(file).sample(10))).toMatchObject({ rule: 'source.malformed', line: 1 });
  });

  it('streams every row of a large file', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 30_000; i += 1) lines.push(`${i},名称${i}`);
    const file = await aFile('large.csv', `${lines.join('\n')}\n`);
    expect(await countRows(createCsvReader(file))).toBe(30_000);
  });

  it('answers an empty file with no columns and no rows', async () => {
    const file = await aFile('empty.csv', '');
    expect(await createCsvReader(file).sample(10)).toEqual({ columns: [], rows: [], byteSize: 0 });
  });

  it('reports a missing file as source.not-found, not ENOENT', async () => {
    const file = `${await aFile('x.csv', '')}.missing`;
    const error = await rejection(createCsvReader(file).sample(10));
    expect(error).toMatchObject({ rule: 'source.not-found' });
    expect(error.message).not.toContain('ENOENT');
    expect(await rejection(countRows(createCsvReader(file)))).toMatchObject({ rule: 'source.not-found' });
  });

  it('stops when the caller aborts', async () => {
    const file = await aFile('abort.csv', 'a\n1\n2\n');
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(countRows(createCsvReader(file), controller.signal)).rejects.toThrow('stop');
  });
});
