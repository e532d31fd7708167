import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/api-client';
import { sessionStore } from './session-store';

/** Ends the session on the server (best effort) and forgets it and every cached answer here. */
export async function logout(queryClient: QueryClient): Promise<void> {
  const session = sessionStore.get();
  if (session?.kind === 'user') {
    await apiRequest('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
  }
  sessionStore.clear();
  queryClient.clear();
}
