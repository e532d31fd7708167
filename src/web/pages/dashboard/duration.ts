import type { MessageKey, MessageParams } from '../../i18n/messages';

/** Running time as people read it: seconds under two minutes, minutes beyond. */
export function durationText(ms: number, t: (key: MessageKey, params?: MessageParams) => string, formatNumber: (n: number) => string): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? t('dashboard.duration.seconds', { seconds: formatNumber(seconds) }) : t('dashboard.duration.minutes', { minutes: formatNumber(Math.round(seconds / 60)) });
}
