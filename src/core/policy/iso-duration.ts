/**
 * ISO 8601 / xsd:duration values (`P30D`, `PT12H`, `P1Y2M`, `P2W`): what ODRL's temporal left
 * operands (`elapsedTime`, `delayPeriod`, `meteredTime`) and duties ("delete within P30D") use.
 *
 * A duration with years or months has no fixed length (P1M is 28 to 31 days), so durations are
 * never turned into milliseconds to be compared: they are added to the instant they run from
 * (XML Schema 1.1 part 2, appendix E: months first, the day pinned to the month's last day, then
 * days and time), in UTC.
 */
export interface Duration {
  years: number;
  months: number;
  /** Weeks are folded in (P2W = P14D). */
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const pattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** The duration `text` denotes, or undefined when it is not one (negative durations included). */
export function parseDuration(text: string): Duration | undefined {
  const match = pattern.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => Number(match[i] ?? 0);
  return { years: n(1), months: n(2), days: n(3) * 7 + n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export const isDuration = (text: string): boolean => parseDuration(text) !== undefined;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** `start + duration`: 2025-01-31 + P1M = 2025-02-28, 2025-01-01 + P30D = 2025-01-31. */
export function addDuration(start: Date, duration: Duration): Date {
  const totalMonths = start.getUTCMonth() + duration.months + duration.years * 12;
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const shifted = Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds());
  const timeMs = ((duration.days * 24 + duration.hours) * 60 + duration.minutes) * 60_000 + duration.seconds * 1000;
  return new Date(shifted + timeMs);
}

/** A length of time in days, hours, minutes and seconds (`P3DT4H`), for explanations. */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms / 1000));
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
