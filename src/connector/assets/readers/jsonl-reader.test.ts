import { afterEach, describe, expect, it } from 'vitest';
import { createJsonlReader } from './jsonl-reader.js';
import { aFile, countRows, rejection, removeTempDirs } from './reader-fixtures.js';

afterEach(removeTempDirs);

describe('JSON Lines reader', () => {
  it('reads one object a line, skipping blank lines, with columns in order of first appearance', async () => {
    const file = await aFile('orders.jsonl', '{"id":1,"城市":"北京"}\r\n\n   \n{"id":2,"amount":3.5,"城市":"上海"}\n{"note":null}\n');
    const sample = await createJsonlReader(file).sample(10);
    expect(sample.columns).toEqual([{ name: 'id' }, { name: '城市' }, { name: 'amount' }, { name: 'note' }]);
    expect(sample.rows).toEqual([{ id: 1, 城市: '北京' }, { id: 2, amount: 3.5, 城市: '上海' }, { note: null }]);
  });

  it('samples only the first rows, and takes its columns from those rows alone', async () => {
    const file = await aFile('many.jsonl', '{"a":1}\n{"a":2}\n{"b":3}\nnot json\n');
    const sample = await createJsonlReader(file).sample(2);
    expect(sample.rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(sample.columns).toEqual([{ name: 'a' }]);
  });

  it('drops a UTF-8 BOM before the first line', async () => {
    const file = await aFile('bom.jsonl', '\uFEFF{"名称":"x"}\n');
    expect((await createJsonlReader(file).sample(1)).rows).toEqual([{ 名称: 'x' }]);
  });

  it('says on which line the JSON is broken, counting blank lines', async () => {
    const file = await aFile('broken.jsonl', '{"a":1}\n\n{"a":2,}\n{"a":3}\n');
    const error = await rejection(createJsonlReader(file).sample(10));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.malformed', line: 3 });
  });

  it('refuses a line that is JSON but not an object', async () => {
    const file = await aFile('array.jsonl', '{"a":1}\n[1,2]\n');
    expect(await rejection(countRows(createJsonlReader(file)))).toMatchObject({ rule: 'source.malformed', line: 2 });
  });

  it('streams every row', async () => {
    const file = await aFile('big.jsonl', Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ i, name: `名称${i}` })).join('\n'));
    expect(await countRows(createJsonlReader(file))).toBe(20_000);
  });

  it('stops when the caller aborts, rather than ending as if the file were shorter', async () => {
    const file = await aFile('abort.jsonl', Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i })).join('\n'));
    const controller = new AbortController();
    let seen = 0;
    const read = (async () => {
      for await (const _row of createJsonlReader(file).rows(controller.signal)) if (++seen === 10) controller.abort(new Error('enough'));
    })();
    await expect(read).rejects.toThrow('enough');
    expect(seen).toBe(10);
  });

  it('reports a missing file as source.not-found', async () => {
    const file = `${await aFile('x.jsonl', '')}.missing`;
    expect(await rejection(createJsonlReader(file).sample(1))).toMatchObject({ rule: 'source.not-found' });
  });
});
