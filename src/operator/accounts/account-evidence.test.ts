import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { commitTo, isCommitment } from '../../core/ledger/personal-commitment.js';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, ledgerSettled, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, operatorApi } from '../../../test/support/operator-api.js';

describe.each(databaseKinds)('the public ledger entry of a new account on %s', (kind) => {
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
  });
  afterAll(() => operator.close());

  it('commits to the username, roles and organisation instead of listing them, and the operator can open each commitment', async () => {
    const created = await api.request('POST', '/api/v1/users', { headers: admin, body: { username: 'wang-fang-reviewer', displayName: '王芳', password: 'Correct-Horse-9', roles: ['reviewer'] } });
    expect(created.status).toBe(201);
    await ledgerSettled(operator);
    const page = (await api.request('GET', '/ledger/entries?from=0&limit=1000')).body as { entries: Array<{ leaf: string; entry: { type: string; subject: string; payload: Record<string, unknown> } }> };
    const logged = page.entries.find((e) => e.entry.type === 'account.user-created' && e.entry.subject === `user:${created.body.id}`)!;
    expect(Buffer.from(logged.leaf, 'base64').toString('utf8')).not.toMatch(/wang-fang|王芳|reviewer/);
    const { username, roles, participantId, kind: accountKind } = logged.entry.payload;
    expect([username, roles].every(isCommitment)).toBe(true);
    // Operator staff belong to no participant: nothing to hide.
    expect([participantId, accountKind]).toEqual([null, 'operator']);

    const opening = await operator.database.db.selectFrom('evidence_commitment').selectAll().where('commitment', '=', username as string).executeTakeFirstOrThrow();
    expect(opening.field).toBe('username');
    expect(JSON.parse(opening.value)).toBe('wang-fang-reviewer');
    expect(commitTo(hashAlgorithm('sha256'), new Uint8Array(opening.salt), 'wang-fang-reviewer')).toBe(username);
    // Salted: the same value committed twice gives two unrelated commitments, so a guess cannot be confirmed from the log.
    expect(commitTo(hashAlgorithm('sha256'), new Uint8Array(16), 'wang-fang-reviewer')).not.toBe(username);
  });

  it("commits to a participant user's organisation too", async () => {
    const { id } = await api.admitted({}, 'zhao-lei-bank');
    await ledgerSettled(operator);
    const page = (await api.request('GET', '/ledger/entries?from=0&limit=1000')).body as { entries: Array<{ leaf: string; entry: { type: string; payload: Record<string, unknown> } }> };
    const users = page.entries.filter((e) => e.entry.type === 'account.user-created' && e.entry.payload.kind === 'participant');
    expect(users).toHaveLength(1);
    expect(Buffer.from(users[0]!.leaf, 'base64').toString('utf8')).not.toContain('zhao-lei-bank');
    const opening = await operator.database.db.selectFrom('evidence_commitment').selectAll().where('commitment', '=', users[0]!.entry.payload.participantId as string).executeTakeFirstOrThrow();
    expect([opening.field, JSON.parse(opening.value)]).toEqual(['participantId', id]);
  });
});
