import { apiRequest } from './api-client';
import type { ConnectorIdentity, LoginResponse } from './api-types';

export function login(input: { username: string; password: string; totp?: string }): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/v1/auth/login', { method: 'POST', body: input, token: null });
}

/** A connector console logs in with the connector's API key: valid when it may read the identity. */
export function checkApiKey(key: string): Promise<ConnectorIdentity> {
  return apiRequest<ConnectorIdentity>('/api/v1/identity', { token: key });
}
