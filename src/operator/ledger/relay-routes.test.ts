import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOperator, ledgerSettled, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { anEnrolledConnector, type EnrolledConnector } from '../../../test/support/enrolled-connector.js';
import { aUscc } from '../../../test/support/participant-fixtures.js';
import { databaseKinds } from '../../../test/support/test-databases.js';

const agreementHash = `sha256:${'a'.repeat(64)}`;

describe.each(databaseKinds)('relaying evidence into the ledger on %s', (kind) => {
  let fixture: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;
  let utility: EnrolledConnector;
  let bank: EnrolledConnector;
  let regulatorSession: string;

  const relay = async (by: EnrolledConnector, leaves: string[]) =>
    api.request('POST', '/api/v1/ledger/evidence', { headers: bearer(await by.token()), body: { leaves } });
  const ledgerSize = async () => {
    await ledgerSettled(fixture);
    return (await api.request('GET', '/ledger/entries?from=0&limit=1')).body.size as number;
  };
  /** `agreement.finalized` as `by` records it, with the signatures given (genuine by default). */
  const finalized = async (by: EnrolledConnector, agreementId: string, overrides: Record<string, unknown> = {}) =>
    by.leaf({
      type: 'agreement.finalized',
      subject: agreementId,
      payload: {
        negotiation: 'urn:uuid:negotiation-1',
        role: by === utility ? 'provider' : 'consumer',
        provider: utility.did,
        consumer: bank.did,
        dataset: 'urn:tds:tds.test.space:utility:electricity',
        hash: agreementHash,
        providerSignature: await utility.signAgreement(agreementId, agreementHash, 'provider'),
        consumerSignature: await bank.signAgreement(agreementId, agreementHash, 'consumer'),
        ...overrides,
      },
    });
  const transferStep = (by: EnrolledConnector, extra: Record<string, unknown> = {}, at?: string) =>
    by.leaf({ type: 'transfer.requesting', subject: 'urn:uuid:transfer-1', ...(at ? { at } : {}), payload: { role: 'consumer', consumerPid: 'c-1', peer: utility.did, agreement: 'urn:uuid:agreement-ok', format: 'HttpData-PULL', state: null, ...extra } });

  beforeAll(async () => {
    fixture = await anOperator(kind, 'sha256', undefined, { relay: { entriesPerMinute: 500 } });
    api = operatorApi(fixture.node);
    const u = await api.admitted({ name: '省电力公司', industry: 'D44', region: '410100', roles: ['provider'] });
    const b = await api.admitted({ name: '城商银行', industry: 'J66', region: '410100', roles: ['consumer'] });
    const r = await api.admitted({ name: '省数据局', industry: 'S92', region: '410000', uscc: aUscc('1', '1', '410000'), roles: ['regulator'] });
    regulatorSession = r.session;
    utility = await anEnrolledConnector(api, u.id);
    bank = await anEnrolledConnector(api, b.id);
  }, 60_000);
  afterAll(() => fixture.close());

  it("appends a connector's own process step and an agreement both parties signed", async () => {
    const res = await relay(bank, [transferStep(bank), await finalized(bank, 'urn:uuid:agreement-ok')]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.indexes).toHaveLength(2);
  });

  it('refuses an operator-only entry type, such as participant.approved dated 2001 with an ID number and phone, and appends nothing', async () => {
    const before = await ledgerSize();
    const leaf = bank.leaf({ type: 'participant.approved', subject: 'participant:p_bank', at: '2001-01-01T00:00:00.000Z', payload: { idNumber: '11010519491231002X', phone: '13800138000' } });
    const res = await relay(bank, [transferStep(bank, { consumerPid: 'c-2' }), leaf]);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'ledger.entry-type-not-relayable', errors: [{ pointer: '/leaves/1/type' }] });
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses three forged agreement.finalized entries naming the utility as provider, and the dashboard does not count them', async () => {
    await ledgerSettled(fixture);
    const dashboard = async () => (await api.request('GET', '/api/v1/dashboard', { headers: bearer(regulatorSession) })).body;
    const before = await dashboard();
    const before_size = await ledgerSize();
    // The bank poses as the provider; signs the provider's part with its own key; signs it with its own key under the utility's key id.
    const asProvider = await finalized(bank, 'urn:uuid:forged-1', { role: 'provider' });
    const ownKey = await finalized(bank, 'urn:uuid:forged-2', { providerSignature: await bank.signAgreement('urn:uuid:forged-2', agreementHash, 'provider') });
    const stolenKid = await bank.key.signJws({ kid: utility.kid, typ: 'tds-agreement+jws' }, { agreement: 'urn:uuid:forged-3', hash: agreementHash, role: 'provider', iss: utility.did, iat: 1 });
    const underUtilityKid = await finalized(bank, 'urn:uuid:forged-3', { providerSignature: stolenKid });
    const answers = [await relay(bank, [asProvider]), await relay(bank, [ownKey]), await relay(bank, [underUtilityKid])];
    expect(answers.map((a) => [a.status, a.body.code])).toEqual([
      [403, 'ledger.author-not-allowed'],
      [400, 'ledger.agreement-unverified'],
      [400, 'ledger.agreement-unverified'],
    ]);
    expect(answers[1]!.body.errors).toEqual([{ pointer: '/leaves/0/payload/providerSignature', detail: 'not made with a key of the signer' }]);
    expect(await ledgerSize()).toBe(before_size);
    const after = await dashboard();
    expect(after.agreements).toEqual(before.agreements);
    expect(after.participants.activity).toEqual(before.participants.activity);
  });

  it('counts on the dashboard only the agreements in the log it can verify, not forged ones logged before the registry', async () => {
    const dashboard = async () => (await api.request('GET', '/api/v1/dashboard', { headers: bearer(regulatorSession) })).body;
    const before = (await dashboard()).agreements.total as number;
    const entry = async (by: EnrolledConnector, id: string, overrides: Record<string, unknown> = {}) => {
      const { type, subject, actor, payload } = JSON.parse(Buffer.from(await finalized(by, id, overrides), 'base64').toString('utf8'));
      return { type, subject, actor, payload };
    };
    // Written straight into the log, as the forged relays of issue 15 were before relays were checked.
    const entries = [
      await entry(bank, 'urn:uuid:logged-forged-1', { role: 'provider' }),
      await entry(bank, 'urn:uuid:logged-forged-2', { providerSignature: await bank.signAgreement('urn:uuid:logged-forged-2', agreementHash, 'provider') }),
      await entry(bank, 'urn:uuid:logged-forged-3', { hash: `sha256:${'b'.repeat(64)}` }),
      await entry(bank, 'urn:uuid:logged-genuine'),
    ];
    expect((await api.request('POST', '/ledger/entries', { headers: admin, body: { entries } })).status).toBe(201);
    await ledgerSettled(fixture);
    expect((await dashboard()).agreements.total).toBe(before + 1);
  });

  it("refuses a payload that does not match its type's schema, naming the field", async () => {
    const leaf = bank.leaf({ type: 'agreement.signed', subject: 'urn:uuid:a', payload: { agreementId: 'urn:uuid:a', hash: 'not-a-hash', role: 'consumer' } });
    const res = await relay(bank, [leaf]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.evidence-invalid');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/leaves/0/payload/hash');
  });

  it("refuses an entry recorded under another participant's DID", async () => {
    const res = await relay(bank, [transferStep(utility)]);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ledger.author-not-allowed');
  });

  it("refuses entries dated outside the window around the operator's clock", async () => {
    const old = await relay(bank, [transferStep(bank, {}, '2001-01-01T00:00:00.000Z')]);
    const ahead = await relay(bank, [transferStep(bank, {}, new Date(Date.now() + 10 * 60_000).toISOString())]);
    expect([old.status, old.body.code, ahead.status, ahead.body.code]).toEqual([400, 'ledger.evidence-time-skewed', 400, 'ledger.evidence-time-skewed']);
    expect(old.body.errors[0].pointer).toBe('/leaves/0/at');
  });

  it('refuses personal data outside the declared fields, and a declared field in clear text, naming each field', async () => {
    const phone = await relay(bank, [transferStep(bank, { contactPhone: '13800138000', holder: { idCard: '11010519491231002X' } })]);
    expect(phone.status).toBe(400);
    expect(phone.body.code).toBe('ledger.personal-data');
    expect(phone.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/leaves/0/payload/contactPhone', '/leaves/0/payload/holder/idCard']);
    const note = bank.leaf({ type: 'duty.performed', subject: 'urn:uuid:a', payload: { duty: '/duty/0', action: 'delete', note: 'called 张伟', by: 'connector:api-key' } });
    const clear = await relay(bank, [note]);
    expect([clear.status, clear.body.code, clear.body.errors[0].pointer]).toEqual([400, 'ledger.personal-data', '/leaves/0/payload/note']);
  });

  it('answers 400 request.too-deep for a leaf nested 4,000 deep, not a 500', async () => {
    const deep = `{"actor":"${bank.did}","at":"${new Date().toISOString()}","payload":${'['.repeat(4000)}${']'.repeat(4000)},"payloadHash":"sha256:${'0'.repeat(64)}","subject":"s","type":"transfer.requesting"}`;
    const res = await relay(bank, [Buffer.from(deep).toString('base64')]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'request.too-deep', errors: [{ pointer: '/leaves/0' }] });
  });

  it('answers 400 request.too-deep for a JSON body nested 4,000 deep on any route', async () => {
    const res = await fixture.node.app.inject({ method: 'POST', url: '/ledger/entries', headers: { ...admin, 'content-type': 'application/json' }, payload: `{"entries":${'['.repeat(4000)}${']'.repeat(4000)}}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.too-deep' });
  });

  // Last: it spends the bank's allowance for this minute.
  it('answers 429 with Retry-After once a participant exceeds its quota, and a retried batch still gets its indexes', async () => {
    const batch = Array.from({ length: 500 }, (_, n) => transferStep(bank, { consumerPid: `quota-${n}` }));
    const first = await relay(bank, batch.slice(0, 400));
    expect(first.status).toBe(201);
    const over = await relay(bank, batch);
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.body.code).toBe('ledger.relay-quota-exceeded');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    const retried = await relay(bank, batch.slice(0, 400));
    expect(retried.status).toBe(201);
    expect(retried.body.indexes).toEqual(first.body.indexes);
  });
});
