import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { dashboardPeriod } from './dashboard-period.js';

const now = new Date('2026-12-07T17:30:00.000Z'); // already 12-08 in Beijing
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('the dashboard period', () => {
  it('defaults to the last 30 days up to today in China Standard Time', () => {
    expect(dashboardPeriod({}, now)).toEqual({ from: '2026-11-09', to: '2026-12-08' });
  });

  it('extends the default span from either end given alone', () => {
    expect(dashboardPeriod({ to: '2026-03-31' }, now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(dashboardPeriod({ from: '2026-03-01' }, now)).toEqual({ from: '2026-03-01', to: '2026-03-30' });
  });

  it('accepts a one-day period and one of 366 days', () => {
    expect(dashboardPeriod({ from: '2026-03-01', to: '2026-03-01' }, now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(dashboardPeriod({ from: '2024-01-01', to: '2024-12-31' }, now)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('refuses impossible dates, from after to, and more than 366 days', () => {
    expect(code(() => dashboardPeriod({ from: '2026-02-30' }, now))).toBe('dashboard.period-invalid');
    expect(code(() => dashboardPeriod({ to: '20260301' }, now))).toBe('dashboard.period-invalid');
    expect(code(() => dashboardPeriod({ from: '2026-03-02', to: '2026-03-01' }, now))).toBe('dashboard.period-invalid');
    expect(code(() => dashboardPeriod({ from: '2024-01-01', to: '2025-01-01' }, now))).toBe('dashboard.period-invalid');
  });
});
