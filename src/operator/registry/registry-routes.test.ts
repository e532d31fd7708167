import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, ledgerSettled, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { aUscc, withIdCheck } from '../../../test/support/participant-fixtures.js';

describe.each(databaseKinds)('admission API on %s', (kind) => {
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
  });
  afterAll(() => operator.close());

  it('takes an application without an account, masks personal data and returns a one-time applicant token', async () => {
    const response = await api.apply({ legalRepresentative: { name: '张三', idNumber: '11010519491231002X' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'submitted',
      legalRepresentative: { name: '张三', idNumber: '110105********002X' },
      contact: { phone: '138****5678' },
      industry: { section: 'I', division: '65' },
      roles: ['provider', 'consumer'],
      history: [{ action: 'apply', to: 'submitted' }],
    });
    expect(response.body.applicantToken).toMatch(/^tds_app_/);
    const own = await api.request('GET', `/api/v1/participants/applications/${response.body.id}`, { headers: bearer(response.body.applicantToken) });
    expect(own.status).toBe(200);
    expect(own.body.applicantToken).toBeUndefined();
  });

  it('stores personal data only encrypted: neither the table nor the ledger holds the plain ID number or phone', async () => {
    const idNumber = withIdCheck('41010219900307123');
    const created = await api.apply({ legalRepresentative: { name: '王五', idNumber }, contact: { name: '赵六', phone: '13900001111', email: 'z@example.cn' } });
    await ledgerSettled(operator);
    const rows = await operator.database.db.selectFrom('participant').selectAll().where('id', '=', created.body.id).execute();
    const leaves = await operator.database.db.selectFrom('ledger_leaf').select('leaf').execute();
    const everything = JSON.stringify(rows) + leaves.map((l) => Buffer.from(l.leaf).toString('utf8')).join('');
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain('13900001111');
    expect(everything).toContain(created.body.uscc);
  });

  it('names every invalid field with its rule and position, in the requested language, and writes nothing', async () => {
    const before = (await api.request('GET', '/api/v1/participants', { headers: admin })).body.total;
    const uscc = aUscc();
    const badCheck = uscc.slice(0, 17) + (uscc[17] === 'A' ? 'B' : 'A');
    const response = await operator.node.app.inject({
      method: 'POST',
      url: '/api/v1/participants/applications',
      headers: { 'accept-language': 'en' },
      payload: { ...(await import('../../../test/support/participant-fixtures.js')).anApplication(), uscc: badCheck, legalRepresentative: { name: '张三', idNumber: '110105194912310021' }, contact: { name: '李四', phone: '12345', email: 'not-an-email' }, region: '990000', industry: 'Z99', roles: ['owner'] },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('participant.application-invalid');
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/uscc', '/legalRepresentative/idNumber', '/contact/phone', '/contact/email', '/region', '/industry', '/roles/0']));
    expect(body.errors.find((e: { pointer: string }) => e.pointer === '/uscc').detail).toMatch(/18/);
    const zh = await api.apply({ uscc: badCheck });
    expect(zh.body.errors[0].detail).toMatch(/[\u4e00-\u9fff]/);
    expect((await api.request('GET', '/api/v1/participants', { headers: admin })).body.total).toBe(before);
  });

  it('stores uploaded documents by SHA-256 and refuses content that is not base64', async () => {
    const pdf = Buffer.from('%PDF-1.7 营业执照 scan');
    const created = await api.apply({ documents: [{ kind: 'business-licence', name: '营业执照.pdf', mediaType: 'application/pdf', content: pdf.toString('base64') }] });
    expect(created.body.documents).toEqual([
      { kind: 'business-licence', name: '营业执照.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    ]);
    const bad = await api.apply({ documents: [{ kind: 'other', name: 'x.pdf', mediaType: 'application/pdf', content: '***not base64***' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/documents/0/content');
  });

  it('refuses a second application with the same USCC', async () => {
    const first = await api.apply();
    const second = await api.apply({ uscc: first.body.uscc });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('participant.duplicate-uscc');
  });

  it('keeps the legal representative\'s birth date out of verification results, the API and the ledger once review starts', async () => {
    const idNumber = withIdCheck('41010219900307123');
    const created = await api.apply({ legalRepresentative: { name: '王五', idNumber } });
    const review = await api.act(created.body.id, 'start-review');
    expect(review.body.verification.map((v: { outcome: string }) => v.outcome)).toEqual(['pass', 'pass']);
    await ledgerSettled(operator);
    const leaves = await operator.database.db.selectFrom('ledger_leaf').select('leaf').execute();
    const rows = await operator.database.db.selectFrom('participant').selectAll().where('id', '=', created.body.id).execute();
    const everything = JSON.stringify(review.body) + JSON.stringify(rows) + leaves.map((l) => Buffer.from(l.leaf).toString('utf8')).join('');
    // The masked ID number hides digits 7–14, the birth date: no check may show them again.
    expect(everything).not.toContain('1990-03-07');
    expect(everything).not.toContain('19900307');
    const adult = review.body.verification.flatMap((v: { checks: { rule: string; detail: string }[] }) => v.checks).find((c: { rule: string }) => c.rule === 'resident-id.adult');
    expect(adult.detail).toContain('****-**-**');
  });

  it('runs the review workflow: verification at review start, reasons required, credentials on approval, status lists on suspend and revoke', async () => {
    const created = await api.apply({ account: { username: 'flow-admin', password: 'Correct-Horse-9' } });
    const id = created.body.id;
    expect((await api.act(id, 'approve', 'too early')).body.code).toBe('participant.transition-invalid');
    const review = await api.act(id, 'start-review');
    expect(review.body.status).toBe('under_review');
    expect(review.body.verification.map((v: { outcome: string }) => v.outcome)).toEqual(['pass', 'pass']);
    expect((await api.act(id, 'reject')).body.code).toBe('request.invalid');
    const rejected = await api.act(id, 'reject', '营业执照模糊');
    expect(rejected.body).toMatchObject({ status: 'rejected', allowedActions: ['revoke'] });

    const { anApplication } = await import('../../../test/support/participant-fixtures.js');
    const resubmitted = await api.request('PUT', `/api/v1/participants/applications/${id}`, { headers: bearer(created.body.applicantToken), body: { ...anApplication(), uscc: created.body.uscc } });
    expect(resubmitted.body.status).toBe('submitted');
    await api.act(id, 'start-review');
    const approved = await api.act(id, 'approve', '材料齐全');
    expect(approved.body.status).toBe('approved');
    expect(approved.body.did).toBe(`did:web:operator.test:participants:${id}`);
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual(['apply', 'start-review', 'reject', 'resubmit', 'start-review', 'approve']);

    const session = await api.login('flow-admin', 'Correct-Horse-9');
    const credentials = await api.request('GET', `/api/v1/participants/${id}/credentials`, { headers: bearer(session) });
    expect(credentials.body.items.map((c: { type: string; status: string }) => [c.type, c.status])).toEqual([
      ['LegalEntityCredential', 'active'],
      ['MembershipCredential', 'active'],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));

    expect((await api.act(id, 'suspend', '逾期未整改')).body.status).toBe('suspended');
    // The suspended participant's own session ended with the suspension (ADR 0014); staff see the status.
    expect((await api.request('GET', `/api/v1/participants/${id}/credentials`, { headers: bearer(session) })).status).toBe(401);
    expect((await api.request('GET', `/api/v1/participants/${id}/credentials`, { headers: admin })).body.items[0].status).toBe('suspended');
    expect((await api.act(id, 'reinstate', '已整改')).body.status).toBe('approved');
    expect((await api.act(id, 'revoke', '严重违规')).body.status).toBe('revoked');
    expect((await api.act(id, 'reinstate', 'no')).body.code).toBe('participant.transition-invalid');
    const list = await api.request('GET', '/api/v1/credentials/status/revocation');
    expect(list.status).toBe(200);
    expect(String(list.headers['content-type'])).toContain('application/vc+jwt');
  });

  it('lets an applicant see only its own application', async () => {
    const a = await api.apply();
    const b = await api.apply();
    const response = await api.request('GET', `/api/v1/participants/applications/${b.body.id}`, { headers: bearer(a.body.applicantToken) });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('participant.not-found');
  });

  it('filters the review list by status and keyword', async () => {
    const created = await api.apply({ name: '独特检索名称有限公司' });
    const found = await api.request('GET', `/api/v1/participants?q=${encodeURIComponent('独特检索')}&status=submitted`, { headers: admin });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await api.request('GET', '/api/v1/participants?limit=500', { headers: admin })).status).toBe(400);
  });
});
