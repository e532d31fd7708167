import type { MessageKey, MessageParams } from '../../i18n/messages';

/** Running time as people read it: tenths of a second under ten seconds, seconds under two minutes, minutes beyond. */
export function durationText(ms: number, t: (key: MessageKey, params?: MessageParams) => string, formatNumber: (n: number) => string): string {
  const seconds = ms / 1000;
  if (seconds < 10) return t('dashboard.duration.seconds', { seconds: formatNumber(Math.round(seconds * 10) / 10) });
  return seconds < 120 ? t('dashboard.duration.seconds', { seconds: formatNumber(Math.round(seconds)) }) : t('dashboard.duration.minutes', { minutes: formatNumber(Math.round(seconds / 60)) });
}
