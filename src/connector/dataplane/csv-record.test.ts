import { describe, expect, it } from 'vitest';
import { csvRecord } from './csv-record.js';

describe('csvRecord', () => {
  it('joins plain fields with commas and ends the record with CRLF', () => {
    expect(csvRecord(['2026-03', 1234.5, true, '郑州'])).toBe('2026-03,1234.5,true,郑州\r\n');
  });

  it('quotes a field with a comma', () => {
    expect(csvRecord(['a,b', 'c'])).toBe('"a,b",c\r\n');
  });

  it('quotes a field with a quote and doubles the quote', () => {
    expect(csvRecord(['say "hi"'])).toBe('"say ""hi"""\r\n');
  });

  it('quotes a field with a line break, CR or LF', () => {
    expect(csvRecord(['line\nbreak', 'carriage\rreturn', 'both\r\n'])).toBe('"line\nbreak","carriage\rreturn","both\r\n"\r\n');
  });

  it('writes null and undefined as empty fields', () => {
    expect(csvRecord([null, 'x', undefined])).toBe(',x,\r\n');
  });

  it('writes objects and arrays as JSON, quoted since JSON has quotes and commas', () => {
    expect(csvRecord([{ a: 1, b: 'x' }])).toBe('"{""a"":1,""b"":""x""}"\r\n');
    expect(csvRecord([[1, 2]])).toBe('"[1,2]"\r\n');
    expect(csvRecord([[3]])).toBe('[3]\r\n');
  });

  it('writes an empty record as a bare line break', () => {
    expect(csvRecord([])).toBe('\r\n');
  });
});
