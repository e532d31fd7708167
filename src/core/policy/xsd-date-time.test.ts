import { describe, expect, it } from 'vitest';
import { compareInstant, lastInstant, parseDateValue } from './xsd-date-time.js';

describe('xsd:dateTime and xsd:date right operands', () => {
  it('reads a dateTime without seconds or zone as UTC, whatever the host zone', () => {
    expect(parseDateValue('2023-12-31T06:00Z')).toEqual({ kind: 'dateTime', ms: Date.parse('2023-12-31T06:00:00Z') });
    expect(parseDateValue('2025-01-01T00:00:00')).toEqual({ kind: 'dateTime', ms: Date.parse('2025-01-01T00:00:00Z') });
    expect(parseDateValue('2025-01-01T08:00:00+08:00')).toEqual({ kind: 'dateTime', ms: Date.parse('2025-01-01T00:00:00Z') });
  });

  it('compares an instant with a date by the day in the date’s zone', () => {
    const china = parseDateValue('2025-12-31+08:00')!;
    expect(compareInstant(new Date('2025-12-31T15:59:59Z'), china)).toBe(0); // 23:59:59 in Beijing
    expect(compareInstant(new Date('2025-12-31T16:00:00Z'), china)).toBe(1); // already 1 January there
    expect(compareInstant(new Date('2025-12-30T16:00:00Z'), china)).toBe(0);
    expect(compareInstant(new Date('2025-12-30T15:59:59Z'), china)).toBe(-1);
    expect(lastInstant(china).toISOString()).toBe('2025-12-31T15:59:59.999Z');
  });

  it('refuses impossible dates and other text', () => {
    for (const text of ['2025-02-30', '2025-13-01T00:00Z', '2025-01-01T24:30Z', 'tomorrow', '2025/01/01']) expect(parseDateValue(text), text).toBeUndefined();
  });
});
