import { DomainError } from '../errors/index.js';
import { dayOfMs, startOfDayMs } from './metrics-day.js';

/** A period of whole days, both ends included, in the metrics time zone (metrics-day.ts). */
export interface DashboardPeriod {
  from: string;
  to: string;
}

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: string, field: 'from' | 'to'): void {
  const m = DATE.exec(value);
  const valid = m !== null && new Date(`${value}T00:00:00.000Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new DomainError('dashboard.period-invalid', `'${field}' must be a date YYYY-MM-DD, got '${value}'.`, [{ pointer: `querystring:/${field}`, detail: 'not a calendar date YYYY-MM-DD' }]);
}

/**
 * The period asked for: the last 30 days up to today by default; either end alone extends the
 * default span from it. Refused: an impossible date, `from` after `to`, more than 366 days.
 */
export function dashboardPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): DashboardPeriod {
  if (query.from !== undefined) checkDate(query.from, 'from');
  if (query.to !== undefined) checkDate(query.to, 'to');
  const span = (DEFAULT_PERIOD_DAYS - 1) * 86_400_000;
  const to = query.to ?? (query.from !== undefined ? dayOfMs(startOfDayMs(query.from) + span) : dayOfMs(now.getTime()));
  const from = query.from ?? dayOfMs(startOfDayMs(to) - span);
  if (from > to) throw new DomainError('dashboard.period-invalid', `'from' (${from}) is after 'to' (${to}).`, [{ pointer: 'querystring:/from', detail: 'after to' }]);
  const days = Math.round((startOfDayMs(to) - startOfDayMs(from)) / 86_400_000) + 1;
  if (days > MAX_PERIOD_DAYS) throw new DomainError('dashboard.period-invalid', `The period spans ${days} days; at most ${MAX_PERIOD_DAYS}.`, [{ pointer: 'querystring:/to', detail: `more than ${MAX_PERIOD_DAYS} days after from` }]);
  return { from, to };
}
