import { describe, expect, it } from 'vitest';
import { periodSearch, periodValid, presetPeriod, readPeriod, todayCst } from './dashboard-period';

describe('the dashboard page’s period', () => {
  it('counts today in China Standard Time', () => {
    expect(todayCst(Date.parse('2026-12-07T15:59:59.000Z'))).toBe('2026-12-07');
    expect(todayCst(Date.parse('2026-12-07T16:00:00.000Z'))).toBe('2026-12-08');
  });

  it('offers the last n days up to today', () => {
    expect(presetPeriod(7, Date.parse('2026-03-03T04:00:00.000Z'))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetPeriod(365, Date.parse('2026-12-31T04:00:00.000Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('reads only well-formed dates from the address and writes both back', () => {
    expect(readPeriod(new URLSearchParams('from=2026-01-01&to=bad'))).toEqual({ from: '2026-01-01' });
    expect(readPeriod(new URLSearchParams(''))).toEqual({});
    expect(periodSearch({ from: '2026-01-01', to: '2026-01-31' })).toBe('?from=2026-01-01&to=2026-01-31');
  });

  it('refuses what the server would: a reversed period or more than 366 days', () => {
    expect(periodValid({ from: '2024-01-01', to: '2024-12-31' })).toBe(true);
    expect(periodValid({ from: '2024-01-01', to: '2025-01-01' })).toBe(false);
    expect(periodValid({ from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(periodValid({ from: '', to: '2026-03-01' })).toBe(false);
  });
});
