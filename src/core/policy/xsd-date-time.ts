/**
 * xsd:dateTime and xsd:date right operands of `dateTime` constraints, read without the host's
 * time zone: a value without a zone is UTC (JavaScript would read it as local time, so the same
 * policy would mean different instants on different machines).
 *
 * A date (`2025-12-31`, `2025-12-31+08:00`) stands for the whole day in its zone: `dateTime lteq
 * 2025-12-31+08:00` holds until the end of 31 December, China time.
 */
export type DateValue = { kind: 'dateTime'; ms: number } | { kind: 'date'; day: string; offsetMinutes: number };

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

function offsetOf(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

const validDay = (y: string, m: string, d: string): boolean => {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
};

export function parseDateValue(text: string): DateValue | undefined {
  const dt = dateTimePattern.exec(text);
  if (dt) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '0', frac = '', zone] = dt;
    if (!validDay(y, mo, d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(`0${frac}`) * 1000));
    return { kind: 'dateTime', ms: ms - offsetOf(zone) * 60_000 };
  }
  const date = datePattern.exec(text);
  if (date) {
    const [, y = '', mo = '', d = '', zone] = date;
    return validDay(y, mo, d) ? { kind: 'date', day: `${y}-${mo}-${d}`, offsetMinutes: offsetOf(zone) } : undefined;
  }
  return undefined;
}

/** Negative when `instant` is before `value`, zero when it falls on it (within the day, for a date), positive after. */
export function compareInstant(instant: Date, value: DateValue): number {
  if (value.kind === 'dateTime') return Math.sign(instant.getTime() - value.ms);
  const day = new Date(instant.getTime() + value.offsetMinutes * 60_000).toISOString().slice(0, 10);
  return day < value.day ? -1 : day > value.day ? 1 : 0;
}

/** The first instant a value covers: the instant itself, or the start of the day in its zone. */
export function firstInstant(value: DateValue): Date {
  if (value.kind === 'dateTime') return new Date(value.ms);
  return new Date(Date.parse(`${value.day}T00:00:00Z`) - value.offsetMinutes * 60_000);
}

/** The last instant a value covers: the instant itself, or the end of the day in its zone. */
export function lastInstant(value: DateValue): Date {
  if (value.kind === 'dateTime') return new Date(value.ms);
  return new Date(firstInstant(value).getTime() + 86_400_000 - 1);
}
