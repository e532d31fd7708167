import { useCallback } from 'react';
import type { MessageKey } from './messages';
import { useI18n } from './use-i18n';

/** `label(statusLabels, 'approved')` → 已通过; unknown values come back unchanged. */
export function useLabel() {
  const { t } = useI18n();
  return useCallback((table: Record<string, MessageKey>, value: string) => {
    const key = table[value];
    return key ? t(key) : value;
  }, [t]);
}
