import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { bearer, operatorApi } from '../../../test/support/operator-api.js';
import { aUscc } from '../../../test/support/participant-fixtures.js';

describe.each(databaseKinds)('the participant directory (参与方名录) on %s', (kind) => {
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
  });
  afterAll(() => operator.close());

  it('names admitted participants and the operator’s reviewers to members, and nothing of applications or persons', async () => {
    const member = await api.admitted({ name: '城市商业银行', uscc: aUscc() });
    const pending = await api.apply({ name: '待审核数据公司', uscc: aUscc() });
    await api.createStaff('review-li', ['reviewer']);
    const answer = await api.request('GET', '/api/v1/directory', { headers: bearer(member.session) });
    expect(answer.status).toBe(200);
    const bank = answer.body.participants.find((p: { id: string }) => p.id === member.id);
    expect(bank).toEqual({ id: member.id, did: `did:web:operator.test:participants:${member.id}`, name: '城市商业银行', status: 'approved' });
    expect(answer.body.participants.some((p: { id: string }) => p.id === pending.body.id)).toBe(false);
    expect(answer.body.users).toContainEqual({ actor: expect.stringMatching(/^user:/), name: 'review-li' });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(pending.body.uscc);
    expect(text).not.toContain('138');
  });

  it('is for members only: an applicant and an anonymous caller are refused', async () => {
    const pending = await api.apply({ uscc: aUscc() });
    expect((await api.request('GET', '/api/v1/directory')).status).toBe(401);
    expect((await api.request('GET', '/api/v1/directory', { headers: bearer(pending.body.applicantToken) })).status).toBe(403);
  });
});
