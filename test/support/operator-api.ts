import type { OperatorNode } from '../../src/operator/operator-node.js';
import { testAdminToken } from './operator-fixture.js';
import { anApplication } from './participant-fixtures.js';

export const admin = { authorization: `Bearer ${testAdminToken}` };
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Small helpers over app.inject for route tests: JSON in, status and JSON out. */
export function operatorApi(node: OperatorNode) {
  const request = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: { headers?: Record<string, string>; body?: unknown; remoteAddress?: string } = {}) => {
    const response = await node.app.inject({ method, url, headers: options.headers, ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}), ...(options.body === undefined ? {} : { payload: options.body as object }) });
    const type = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, body: type.includes('json') ? response.json() : response.body, headers: response.headers };
  };
  const api = {
    request,
    apply: (overrides: Record<string, unknown> = {}) => request('POST', '/api/v1/participants/applications', { body: anApplication(overrides) }),
    act: (id: string, action: string, reason?: string, headers = admin) => request('POST', `/api/v1/participants/${id}/${action}`, { headers, body: reason ? { reason } : {} }),
    login: async (username: string, password: string) => (await request('POST', '/api/v1/auth/login', { body: { username, password } })).body.token as string,
    /** Applies with an admin account, reviews and approves; returns the participant id and its admin's session. */
    admitted: async (overrides: Record<string, unknown> = {}, username = `u${Math.random().toString(36).slice(2, 10)}`) => {
      const created = await api.apply({ ...overrides, account: { username, password: 'Correct-Horse-9' } });
      if (created.status !== 201) throw new Error(`apply failed: ${JSON.stringify(created.body)}`);
      const id = created.body.id as string;
      await api.act(id, 'start-review');
      const approved = await api.act(id, 'approve', 'ok');
      if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
      return { id, applicantToken: created.body.applicantToken as string, session: await api.login(username, 'Correct-Horse-9'), username };
    },
    createStaff: async (username: string, roles: string[]) => {
      const created = await request('POST', '/api/v1/users', { headers: admin, body: { username, displayName: username, password: 'Correct-Horse-9', roles } });
      if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
      return api.login(username, 'Correct-Horse-9');
    },
  };
  return api;
}
