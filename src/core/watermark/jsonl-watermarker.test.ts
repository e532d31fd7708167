import { describe, expect, it } from 'vitest';
import { aCompanyRow, aJsonl, aPayload, companyRows, markText, withoutMark } from './fixtures/tabular-fixtures.js';
import { createJsonlWatermarker } from './jsonl-watermarker.js';
import { extractWatermark } from './watermark-extractor.js';

const mark = (text: string, chunkSize?: number): string => markText(createJsonlWatermarker(aPayload()), text, chunkSize);
const records = (text: string): unknown[] => text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l.replace(/^\uFEFF/, '')) as unknown);
const unmark = (value: unknown): unknown => JSON.parse(withoutMark(JSON.stringify(value))) as unknown;
const companies = (count: number) => companyRows(count).map((r) => ({ ...r, kwh: Number(r.kwh), tags: ['工业', r.month] }));

describe('JSON Lines watermarker', () => {
  it('marks each line inside a string value, keeping every line valid JSON', () => {
    const text = aJsonl(companies(6));
    const result = mark(text);
    expect(records(result).map(unmark)).toEqual(records(text));
    expect(extractWatermark(result)).toEqual({ ...aPayload(), carriers: 6 });
  });

  it('never marks keys, numbers, codes or dates', () => {
    const [first] = records(mark(aJsonl(companies(1)))) as Array<Record<string, unknown>>;
    expect(Object.keys(first!)).toEqual(['uscc', 'name', 'address', 'month', 'kwh', 'remark', 'tags']);
    expect(first!.uscc).toBe(aCompanyRow(0).uscc);
    expect(first!.month).toBe(aCompanyRow(0).month);
    expect(first!.kwh).toBe(Number(aCompanyRow(0).kwh));
  });

  it('marks lines without free text in the whitespace after the opening brace, changing no value', () => {
    const text = aJsonl([1, 2, 3, 4].map((n) => ({ id: n, uscc: aCompanyRow(n).uscc, kwh: n * 2.5 })));
    const result = mark(text);
    expect(records(result)).toEqual(records(text));
    expect(result).not.toBe(text);
    expect(extractWatermark(result)?.carriers).toBe(4);
  });

  it('gives the same bytes whatever the chunk boundaries', () => {
    const text = '\uFEFF' + aJsonl(companies(3), '\r\n');
    const whole = mark(text);
    for (let chunkSize = 1; chunkSize <= 24; chunkSize++) expect(mark(text, chunkSize), `chunks of ${chunkSize}`).toBe(whole);
  });

  it('survives a re-save that escapes non-ASCII characters (Python json.dumps default)', () => {
    const result = mark(aJsonl(companies(4)));
    const escaped = result.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(extractWatermark(escaped)?.consumer).toBe(aPayload().consumer);
  });

  it('survives parsing and re-serializing every line', () => {
    const result = mark(aJsonl(companies(4)));
    expect(extractWatermark(aJsonl(records(result) as Array<Record<string, unknown>>))?.agreementId).toBe(aPayload().agreementId);
  });

  it('leaves blank lines and scalar lines alone', () => {
    const text = '\n42\n"x"\n';
    expect(mark(text)).toBe(text);
  });
});
