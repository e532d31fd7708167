/**
 * The dashboard counts by calendar day in China Standard Time (UTC+08:00, no daylight saving):
 * the space's people read "today" as Beijing's today. Ledger times are UTC; this is the one place
 * that turns them into days, so the projection and the period agree.
 */
export const METRICS_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 86_400_000;
const offsetMs = METRICS_UTC_OFFSET_MINUTES * 60_000;

/** `YYYY-MM-DD` of the instant (ms since the epoch) in the metrics time zone. */
export function dayOfMs(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of an RFC 3339 UTC time. */
export function dayOf(at: string): string {
  return dayOfMs(Date.parse(at));
}

/** The first instant (ms) of `day` in the metrics time zone. */
export function startOfDayMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - offsetMs;
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) days.push(d);
  return days;
}

/**
 * Splits the interval [startMs, endMs) into milliseconds per day, so a job running across
 * midnight counts on both days. An empty or reversed interval yields nothing.
 */
export function splitByDay(startMs: number, endMs: number): Array<{ day: string; ms: number }> {
  const parts: Array<{ day: string; ms: number }> = [];
  let at = startMs;
  while (at < endMs) {
    const day = dayOfMs(at);
    const end = Math.min(endMs, startOfDayMs(nextDay(day)));
    parts.push({ day, ms: end - at });
    at = end;
  }
  return parts;
}
