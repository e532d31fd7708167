import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvWatermarker, headerWindow } from './csv-watermarker.js';
import { aCompanyRow, aCsv, aPayload, companyRows, markText, withoutMark } from './fixtures/tabular-fixtures.js';
import { concatBytes } from './streaming-watermarker.js';
import { extractWatermark } from './watermark-extractor.js';

const mark = (text: string, chunkSize?: number): string => markText(createCsvWatermarker(aPayload()), text, chunkSize);
const cells = (text: string): string[][] => parse(text, { bom: true, relaxColumnCount: true }) as string[][];
const marked = (value: string): boolean => withoutMark(value) !== value;

describe('CSV watermarker', () => {
  it('marks a file whose mark reads back with every row as a carrier', () => {
    const result = extractWatermark(mark(aCsv(companyRows(10))));
    expect(result).toEqual({ ...aPayload(), carriers: 10 });
  });

  it('changes no value but by appending invisible characters, and leaves codes, dates and numbers byte-identical', () => {
    const original = aCsv(companyRows(12));
    const before = cells(original);
    const after = cells(mark(original));
    expect(after.map((row) => row.map(withoutMark))).toEqual(before);
    const header = before[0]!;
    for (const row of after.slice(1)) {
      for (const column of ['uscc', 'month', 'kwh']) expect(marked(row[header.indexOf(column)]!)).toBe(false);
      expect(row.filter(marked)).toHaveLength(1);
    }
    expect(after[0]).toEqual(header);
  });

  it('puts the mark in the longest free-text cell of each row', () => {
    const row = aCompanyRow(1, { name: '短名称公司', address: '河南省郑州市金水区花园路 88 号院 3 号楼', remark: '' });
    const [, data] = cells(mark(aCsv([row, row, row, row])));
    expect(marked(data![2]!)).toBe(true);
    expect(marked(data![1]!)).toBe(false);
  });

  it('gives the same bytes whatever the chunk boundaries, including inside quotes, CRLF, UTF-8 and the BOM', () => {
    const text = aCsv(companyRows(6), { bom: true });
    const whole = mark(text);
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at <= bytes.length; at++) {
      const watermarker = createCsvWatermarker(aPayload());
      const out = concatBytes([watermarker.push(bytes.subarray(0, at)), watermarker.push(bytes.subarray(at)), watermarker.end()]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(out), `split at byte ${at}`).toBe(whole);
    }
    for (let chunkSize = 1; chunkSize <= 16; chunkSize++) expect(mark(text, chunkSize), `chunks of ${chunkSize}`).toBe(whole);
  });

  it('keeps quoted fields with commas, doubled quotes and line breaks intact', () => {
    const rows = companyRows(5, { name: 'Acme "Global" Trading, Ltd.', address: 'Room 5, 12 Park Lane,\r\nHong Kong', remark: '' });
    const text = aCsv(rows, { quoteAll: true });
    const after = cells(mark(text));
    expect(after.map((row) => row.map(withoutMark))).toEqual(cells(text));
    expect(after.slice(1).every((row) => marked(row[2]!))).toBe(true);
  });

  it('keeps a BOM and the line endings it was given', () => {
    const text = aCsv(companyRows(4), { bom: true, eol: '\r\n' });
    const result = mark(text);
    expect(result.startsWith('\uFEFFuscc,')).toBe(true);
    expect(result.split('\r\n')).toHaveLength(text.split('\r\n').length);
  });

  it('is deterministic for the same input and payload, and differs per consumer', () => {
    const text = aCsv(companyRows(8));
    expect(mark(text)).toBe(mark(text));
    expect(markText(createCsvWatermarker(aPayload({ consumer: 'did:web:other.example' })), text)).not.toBe(mark(text));
  });

  it('leaves the header byte-identical, so its cells parse back to the column names exactly, whatever the rows hold', () => {
    const columns = ['uscc', 'name', 'address', 'remark', 'month', 'kwh'];
    const rare = companyRows(headerWindow + 10, { name: 'X1', address: 'X2', remark: '' });
    rare[3] = aCompanyRow(3);
    for (const text of [aCsv(companyRows(12)), aCsv(companyRows(5), { columns: ['uscc', 'month', 'kwh'] }), aCsv(rare), 'uscc,name\n']) {
      const result = mark(text);
      expect(result.split('\n')[0]).toBe(text.split('\n')[0]);
      const header = cells(result)[0]!;
      expect(header).toEqual(cells(text)[0]);
      expect(header.every((name) => columns.includes(name))).toBe(true);
    }
  });

  it('delivers a file without free text, and a header-only file, unmarked rather than touch a name or a number', () => {
    const numeric = aCsv(companyRows(5), { columns: ['uscc', 'month', 'kwh'] });
    expect(mark(numeric)).toBe(numeric);
    expect(mark('uscc,name\n')).toBe('uscc,name\n');
    expect(mark('')).toBe('');
  });

  it('puts the whole mark in each carrying row when free text is too rare in the first rows, so one such row traces', () => {
    const rows = companyRows(headerWindow + 10, { name: 'X1', address: 'X2', remark: '' });
    rows[3] = aCompanyRow(3);
    const result = mark(aCsv(rows));
    const [header, ...data] = result.split('\n');
    expect(extractWatermark([header, data[3]].join('\n'))).toEqual({ ...aPayload(), carriers: 1 });
  });

  it('marks the last record when the file does not end with a line break', () => {
    const text = aCsv(companyRows(4), { eol: '\n' }).trimEnd();
    const result = mark(text);
    expect(result.endsWith('\n')).toBe(false);
    expect(cells(result).at(-1)!.some(marked)).toBe(true);
  });
});
