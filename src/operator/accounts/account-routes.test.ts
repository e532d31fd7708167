import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { totpCode } from '../../core/crypto/totp.js';
import { RetryLaterError } from '../../core/errors/index.js';
import { LoginThrottleStore } from '../../store/accounts/login-throttle-store.js';
import { LoginThrottle } from './login-throttle.js';

describe.each(databaseKinds)('accounts API on %s', (kind) => {
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
  });
  afterAll(() => operator.close());

  const login = (username: string, password: string, totp?: string) => api.request('POST', '/api/v1/auth/login', { body: { username, password, ...(totp ? { totp } : {}) } });

  it('creates staff with a strong password only, and refuses a taken username', async () => {
    const weak = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'weak', displayName: 'W', password: 'short', roles: ['reviewer'] } });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('account.password-weak');
    expect(weak.body.errors.map((e: { detail: string }) => e.detail)).toContain('password.too-short');
    const ok = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'alice', displayName: 'Alice', password: 'Correct-Horse-9', roles: ['reviewer'] } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username: 'alice', kind: 'operator', roles: ['reviewer'], participantId: null, totpEnabled: false });
    expect(JSON.stringify(ok.body)).not.toContain('Correct-Horse-9');
    const taken = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'alice', displayName: 'A2', password: 'Correct-Horse-9', roles: ['auditor'] } });
    expect(taken.body.code).toBe('account.username-taken');
    const badRole = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'bob', displayName: 'B', password: 'Correct-Horse-9', roles: ['member'] } });
    expect(badRole.status).toBe(400);
  });

  it('logs in, says who the caller is, and ends the session on logout', async () => {
    const session = await login('alice', 'Correct-Horse-9');
    expect(session.status).toBe(200);
    expect(session.body.token).toMatch(/^tds_sess_/);
    const me = await api.request('GET', '/api/v1/auth/me', { headers: bearer(session.body.token) });
    expect(me.body).toMatchObject({ user: { username: 'alice' }, grants: ['operator:reviewer'] });
    expect((await api.request('POST', '/api/v1/auth/logout', { headers: bearer(session.body.token) })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/auth/me', { headers: bearer(session.body.token) })).status).toBe(401);
  });

  it('answers the same for a wrong password and an unknown user', async () => {
    const unknown = await login('nobody', 'Correct-Horse-9');
    const wrong = await login('alice', 'Wrong-Horse-99');
    expect([unknown.status, unknown.body.code]).toEqual([401, 'auth.invalid-credentials']);
    expect([wrong.status, wrong.body.code]).toEqual([401, 'auth.invalid-credentials']);
  });

  const loginFrom = (remoteAddress: string, username: string, password: string) =>
    api.request('POST', '/api/v1/auth/login', { body: { username, password }, remoteAddress });

  it('throttles an attacker hammering an account with 429 and Retry-After, while the owner logs in from another address', async () => {
    await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'target-admin', displayName: 'T', password: 'Correct-Horse-9', roles: ['admin'] } });
    const attacker = '203.0.113.9';
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await loginFrom(attacker, 'target-admin', 'Wrong-Horse-99'));
    expect(answers.slice(0, 5).map((a) => a.body.code)).toEqual(Array(5).fill('auth.invalid-credentials'));
    const throttled = answers[5]!;
    expect(throttled.status).toBe(429);
    expect(throttled.headers['content-type']).toContain('application/problem+json');
    expect(throttled.body.code).toBe('auth.too-many-attempts');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Even the right password waits from the attacker's address; no lockout for the owner elsewhere.
    expect((await loginFrom(attacker, 'target-admin', 'Correct-Horse-9')).status).toBe(429);
    const owner = await loginFrom('198.51.100.7', 'target-admin', 'Correct-Horse-9');
    expect(owner.status).toBe(200);
    expect(owner.body.token).toMatch(/^tds_sess_/);
  });

  it('throttles an unknown username exactly like a known one, so the answers tell no username apart', async () => {
    await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'real-person', displayName: 'R', password: 'Correct-Horse-9', roles: ['auditor'] } });
    const sequence = async (address: string, username: string) => {
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push((await loginFrom(address, username, 'Wrong-Horse-99')).body.code);
      return codes;
    };
    const known = await sequence('192.0.2.10', 'real-person');
    const unknown = await sequence('192.0.2.11', 'ghost-person');
    expect(known).toEqual(unknown);
    expect(known.at(-1)).toBe('auth.too-many-attempts');
  });

  it('keeps the waits in the database, so another replica (or a restart) on the same database throttles too', async () => {
    for (let i = 0; i < 5; i++) await loginFrom('192.0.2.20', 'alice', 'Wrong-Horse-99');
    const replica = new LoginThrottle(new LoginThrottleStore(operator.database));
    const refusal = await replica.check('Alice', '192.0.2.20', new Date()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RetryLaterError);
    expect((refusal as RetryLaterError).code).toBe('auth.too-many-attempts');
  });

  it('finds a username whatever its case at login, and refuses one that differs from a taken one only in case', async () => {
    expect((await login('ALICE', 'Correct-Horse-9')).status).toBe(200);
    const twin = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'Alice', displayName: 'A', password: 'Correct-Horse-9', roles: ['auditor'] } });
    expect([twin.status, twin.body.code]).toEqual([409, 'account.username-taken']);
  });

  it.each([
    ['a right-to-left override', 'Bob\u202Egnp.exe'],
    ['a first-strong isolate', 'Bob\u2068x'],
    ['a control character', 'Bob\u0007'],
    ['a line break', 'Bob\nAdmin'],
  ])('refuses a display name with %s', async (_what, displayName) => {
    const refused = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: `dn-${displayName.length}-${displayName.charCodeAt(3)}`, displayName, password: 'Correct-Horse-9', roles: ['auditor'] } });
    expect([refused.status, refused.body.code]).toEqual([400, 'request.invalid']);
    expect(refused.body.errors[0].pointer).toBe('/displayName');
  });

  it('refuses a username with a bidirectional override or control character', async () => {
    for (const username of ['adm\u202Ein', 'adm\u0000in', 'adm\u2066in']) {
      const refused = await api.request('POST', '/api/v1/users', { headers: admin, body: { username, displayName: 'X', password: 'Correct-Horse-9', roles: ['auditor'] } });
      expect([refused.status, refused.body.code]).toEqual([400, 'request.invalid']);
    }
    const applied = await api.apply({ account: { username: 'new\u202Eadmin', password: 'Correct-Horse-9', displayName: 'N' } });
    expect([applied.status, applied.body.code]).toEqual([400, 'request.invalid']);
    const appliedName = await api.apply({ account: { username: 'new-admin-x', password: 'Correct-Horse-9', displayName: 'N\u202E' } });
    expect([appliedName.status, appliedName.body.code]).toEqual([400, 'request.invalid']);
  });

  it('enforces TOTP once confirmed, and refuses a code used twice', async () => {
    await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'totp-user', displayName: 'T', password: 'Correct-Horse-9', roles: ['admin'] } });
    const session = (await login('totp-user', 'Correct-Horse-9')).body.token;
    const setup = await api.request('POST', '/api/v1/auth/totp/setup', { headers: bearer(session) });
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await api.request('POST', '/api/v1/auth/totp/confirm', { headers: bearer(session), body: { code: '000000' } })).body.code).toBe('account.totp-invalid');
    // Confirm with the previous step's code, so the current step's code is still fresh for the login below.
    const previous = totpCode(setup.body.secret, { at: Date.now() - 30_000 });
    expect((await api.request('POST', '/api/v1/auth/totp/confirm', { headers: bearer(session), body: { code: previous } })).status).toBe(204);
    expect((await login('totp-user', 'Correct-Horse-9')).body.code).toBe('auth.totp-required');
    const code = totpCode(setup.body.secret);
    expect((await login('totp-user', 'Correct-Horse-9', code)).status).toBe(200);
    expect((await login('totp-user', 'Correct-Horse-9', code)).status).toBe(401);
  });

  it('shows an API key once, stores it hashed, and stops accepting it when revoked', async () => {
    const created = await api.request('POST', '/api/v1/api-keys', { headers: admin, body: { label: 'monitoring' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: 'monitoring', roles: ['auditor'], key: expect.stringMatching(/^tds_key_/) });
    const rows = await operator.database.db.selectFrom('api_key').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.body.key);
    expect((await api.request('GET', '/api/v1/api-keys', { headers: admin })).body.items[0].key).toBeUndefined();
    expect((await api.request('GET', '/api/v1/participants', { headers: bearer(created.body.key) })).status).toBe(200);
    expect((await api.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { headers: admin })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/participants', { headers: bearer(created.body.key) })).status).toBe(401);
  });

  it('lets a participant admin manage only its own people', async () => {
    const { id, session } = await api.admitted();
    const member = await api.request('POST', '/api/v1/users', { headers: bearer(session), body: { username: `m-${id}`, displayName: 'M', password: 'Correct-Horse-9', roles: ['member'] } });
    expect(member.body).toMatchObject({ kind: 'participant', participantId: id, roles: ['member'] });
    const staff = await api.request('POST', '/api/v1/users', { headers: bearer(session), body: { username: `s-${id}`, displayName: 'S', password: 'Correct-Horse-9', roles: ['reviewer'] } });
    expect(staff.status).toBe(400);
    const users = (await api.request('GET', '/api/v1/users', { headers: bearer(session) })).body.items;
    expect(users.every((u: { participantId: string }) => u.participantId === id)).toBe(true);
  });

  const me = (token: string) => api.request('GET', '/api/v1/auth/me', { headers: bearer(token) });
  const newKey = (token: string) => api.request('POST', '/api/v1/api-keys', { headers: bearer(token), body: { label: 'etl' } });
  const newMember = (token: string, username: string) =>
    api.request('POST', '/api/v1/users', { headers: bearer(token), body: { username, displayName: 'M', password: 'Correct-Horse-9', roles: ['member'] } });

  it.each(['suspend', 'revoke'])('ends the sessions and API keys of a participant at once on %s, and they make no keys or users', async (action) => {
    const { id, session, username } = await api.admitted();
    const member = `m-${action}-${id}`;
    expect((await newMember(session, member)).status).toBe(201);
    const memberSession = await api.login(member, 'Correct-Horse-9');
    const key = (await newKey(session)).body.key as string;
    expect((await me(key)).status).toBe(200);
    expect((await api.act(id, action, 'breach of the rules')).status).toBe(200);
    for (const token of [session, memberSession, key]) expect((await me(token)).status).toBe(401);
    expect((await newKey(session)).status).toBe(401);
    expect((await newMember(session, `x-${member}`)).status).toBe(401);
    // A login while suspended or revoked gives a token that opens nothing.
    expect((await me(await api.login(username, 'Correct-Horse-9'))).status).toBe(401);
    const ended = await operator.database.db.selectFrom('api_key').select('revoked_at').where('participant_id', '=', id).execute();
    expect(ended.every((k) => k.revoked_at !== null)).toBe(true);
    if (action === 'suspend') {
      // Reinstatement does not bring the old session or key back; people log in anew.
      expect((await api.act(id, 'reinstate')).status).toBe(200);
      expect((await me(session)).status).toBe(401);
      expect((await me(key)).status).toBe(401);
      expect((await me(await api.login(username, 'Correct-Horse-9'))).status).toBe(200);
    }
  });

  it('lets an applicant not yet approved follow its application, but not create API keys or users', async () => {
    const username = `pending-${Math.random().toString(36).slice(2, 8)}`;
    const applied = await api.apply({ account: { username, password: 'Correct-Horse-9' } });
    const session = await api.login(username, 'Correct-Horse-9');
    expect((await me(session)).body.grants).toEqual(['applicant']);
    expect((await api.request('GET', `/api/v1/participants/applications/${applied.body.id}`, { headers: bearer(session) })).status).toBe(200);
    const key = await newKey(session);
    expect([key.status, key.body.code]).toEqual([403, 'auth.forbidden']);
    expect((await newMember(session, `m-${username}`)).status).toBe(403);
    expect((await api.request('GET', '/api/v1/api-keys', { headers: bearer(session) })).status).toBe(403);
  });
});
