import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvWatermarker } from './csv-watermarker.js';
import { aCsv, aJsonl, aPayload, companyRows, markText, shuffled } from './fixtures/tabular-fixtures.js';
import { createJsonlWatermarker } from './jsonl-watermarker.js';
import { extractWatermark } from './watermark-extractor.js';

const markedCsv = (rows = 40, payload = aPayload()): string => markText(createCsvWatermarker(payload), aCsv(companyRows(rows), { bom: true }));
/** A leaked copy: the header line and the given data lines (the default rows have no line breaks inside). */
const leak = (text: string, pick: (rows: string[]) => string[], eol = '\r\n'): string => {
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  return [header, ...pick(rows)].join(eol) + eol;
};
const expected = { agreementId: aPayload().agreementId, consumer: aPayload().consumer };
const singleLineRows = (n: number) => companyRows(n).filter((r) => !r.address.includes('\n'));

describe('watermark extractor', () => {
  it('traces a copy with only five rows taken from anywhere', () => {
    for (const picks of [[0, 1, 2, 3, 4], [3, 11, 19, 26, 38], [39, 38, 20, 7, 1]]) {
      expect(extractWatermark(leak(markedCsv(), (rows) => picks.map((i) => rows[i]!))), String(picks)).toMatchObject({ ...expected, carriers: 5 });
    }
  });

  it('traces a copy with rows shuffled', () => {
    expect(extractWatermark(leak(markedCsv(), (rows) => shuffled(rows)))).toMatchObject({ ...expected, carriers: 40 });
  });

  it('traces a copy re-saved with LF endings, without the BOM', () => {
    const text = markedCsv();
    const resaved = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
    expect(extractWatermark(new TextEncoder().encode(resaved))).toMatchObject(expected);
    expect(extractWatermark(resaved.replaceAll('\n', '\r\n'))).toMatchObject(expected);
  });

  it('traces a copy re-quoted by a CSV writer (every field quoted)', () => {
    const table = parse(markedCsv(), { bom: true }) as string[][];
    const requoted = table.map((row) => row.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n');
    expect(extractWatermark(requoted)).toMatchObject({ ...expected, carriers: 40 });
  });

  it('traces a file whose free text is rare from a single row that carries it', () => {
    const rows = companyRows(30, { name: 'X1', address: 'X2', remark: '' });
    rows[12] = companyRows(13)[12]!;
    const text = markText(createCsvWatermarker(aPayload()), aCsv(rows));
    expect(extractWatermark(leak(text, (all) => all.slice(10, 14)))).toMatchObject({ ...expected, carriers: 1 });
  });

  it('traces a JSON Lines subset', () => {
    const text = markText(createJsonlWatermarker(aPayload()), aJsonl(singleLineRows(30)));
    const lines = shuffled(text.split('\n').filter(Boolean)).slice(0, 5);
    expect(extractWatermark(lines.join('\n'))).toMatchObject(expected);
  });

  it('names the consumer most rows point to when copies of two deliveries are mixed', () => {
    const other = aPayload({ agreementId: 'agr-2', consumer: 'did:web:other.example:participants:p_1' });
    const mixed = leak(markedCsv(), (rows) => rows.slice(0, 10)) + leak(markedCsv(40, other), (rows) => rows.slice(0, 4)).split('\r\n').slice(1).join('\r\n');
    expect(extractWatermark(mixed)).toMatchObject({ ...expected, carriers: 10 });
  });

  it('reports no mark when the invisible characters were tampered with so the CRC breaks', () => {
    const text = leak(markedCsv(), (rows) => rows.slice(0, 6));
    // Swap two selectors in every carrier: the framing still parses, the mark does not check.
    const tampered = text.replace(/\u2060([\uFE00-\uFE0F]{20})([\uFE00-\uFE0F])([\uFE00-\uFE0F])/g, (_, a: string, b: string, c: string) => `\u2060${a}${b === c ? String.fromCharCode(((b.charCodeAt(0) - 0xfe00 + 1) % 16) + 0xfe00) : c}${b}`);
    expect(tampered).not.toBe(text);
    expect(extractWatermark(tampered)).toBeUndefined();
  });

  it('reports no mark in a file that was never marked, or in too few marked rows', () => {
    expect(extractWatermark(aCsv(companyRows(20)))).toBeUndefined();
    expect(extractWatermark(aJsonl(companyRows(20)))).toBeUndefined();
    expect(extractWatermark('')).toBeUndefined();
    expect(extractWatermark('emoji 👍🏽 and joiners \u200D\u2060\uFE0F\uFE0E text')).toBeUndefined();
    expect(extractWatermark(leak(markedCsv(), (rows) => rows.slice(0, 2)))).toBeUndefined();
  });

  it('reports no mark in whitespace that is not one', () => {
    expect(extractWatermark(`{${' \t'.repeat(200)}"a": 1}\n`)).toBeUndefined();
  });
});
