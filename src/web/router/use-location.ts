import { useMemo, useSyncExternalStore } from 'react';
import { historyStore } from './history-store';

export interface Location {
  path: string;
  search: URLSearchParams;
}

export function useLocation(): Location {
  const { path, search } = useSyncExternalStore(historyStore.subscribe, historyStore.get);
  return useMemo(() => ({ path, search: new URLSearchParams(search) }), [path, search]);
}
