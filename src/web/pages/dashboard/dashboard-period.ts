import type { DashboardPeriod } from '../../api/dashboard-types';

// The period as the page keeps it in the address (`?from=&to=`), and the preset spans. Days are
// China Standard Time, as the operator counts them (docs/api/dashboard.md).

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const presetDays = [7, 30, 90, 365] as const;
export type PresetDays = (typeof presetDays)[number];

export function todayCst(now = Date.now()): string {
  return new Date(now + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last `days` days up to today. */
export function presetPeriod(days: number, now = Date.now()): DashboardPeriod {
  const to = todayCst(now);
  const from = new Date(Date.parse(`${to}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** The period in the address; absent or malformed ends are left to the server's default. */
export function readPeriod(params: URLSearchParams): Partial<DashboardPeriod> {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return { ...(DATE.test(from) ? { from } : {}), ...(DATE.test(to) ? { to } : {}) };
}

export function periodSearch(period: DashboardPeriod): string {
  return `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}

/** What the server would refuse, said before asking it: a reversed period or one over 366 days. */
export function periodValid(period: DashboardPeriod): boolean {
  if (!DATE.test(period.from) || !DATE.test(period.to) || period.from > period.to) return false;
  return (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1 <= 366;
}
