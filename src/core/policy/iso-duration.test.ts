import { describe, expect, it } from 'vitest';
import { addDuration, formatElapsed, parseDuration } from './iso-duration.js';

describe('ISO 8601 durations', () => {
  it('reads days, hours, years and months, weeks and fractional seconds', () => {
    expect(parseDuration('P30D')).toEqual({ years: 0, months: 0, days: 30, hours: 0, minutes: 0, seconds: 0 });
    expect(parseDuration('PT12H')).toMatchObject({ hours: 12, days: 0 });
    expect(parseDuration('P1Y2M')).toMatchObject({ years: 1, months: 2 });
    expect(parseDuration('P2W')).toMatchObject({ days: 14 });
    expect(parseDuration('P1DT2H3M4.5S')).toEqual({ years: 0, months: 0, days: 1, hours: 2, minutes: 3, seconds: 4.5 });
  });

  it('refuses what is not a duration', () => {
    for (const text of ['P', 'PT', 'P1H', 'P1DT', '30D', '-P1D', 'P1.5D', 'p30d', '']) expect(parseDuration(text), text).toBeUndefined();
  });

  it('adds calendar months first, pinning the day to the end of a shorter month', () => {
    const add = (start: string, d: string) => addDuration(new Date(start), parseDuration(d)!).toISOString();
    expect(add('2025-01-31T00:00:00Z', 'P1M')).toBe('2025-02-28T00:00:00.000Z');
    expect(add('2024-01-31T00:00:00Z', 'P1M')).toBe('2024-02-29T00:00:00.000Z');
    expect(add('2024-02-29T10:00:00Z', 'P1Y2M')).toBe('2025-04-29T10:00:00.000Z');
    expect(add('2025-06-01T00:00:00Z', 'P30D')).toBe('2025-07-01T00:00:00.000Z');
    expect(add('2025-06-01T00:00:00Z', 'PT12H')).toBe('2025-06-01T12:00:00.000Z');
    expect(add('2025-11-15T00:00:00Z', 'P3M')).toBe('2026-02-15T00:00:00.000Z');
  });

  it('shows an elapsed time as days and time', () => {
    expect(formatElapsed(14 * 86_400_000 + 4 * 3_600_000)).toBe('P14DT4H');
    expect(formatElapsed(90_000)).toBe('PT1M30S');
    expect(formatElapsed(0)).toBe('PT0S');
  });
});
