import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCatalogEntry } from '../../core/metadata/catalog-entry-fixtures.js';
import { aPiiScan, anOfferPolicy } from '../../core/catalog/fixtures/publication-fixtures.js';
import type { EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import { dayOf } from '../../core/metrics/metrics-day.js';
import { agreementHash, anAgreementFinalized, aSandboxJob, aTransfer, consumerDid, datasetId, providerDid } from '../../core/metrics/fixtures/process-evidence.js';
import { anOperator, ledgerSettled, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { aUscc } from '../../../test/support/participant-fixtures.js';
import { anEnrolledConnector, type EnrolledConnector } from '../../../test/support/enrolled-connector.js';
import { databaseKinds } from '../../../test/support/test-databases.js';

type Admitted = { id: string; session: string };

describe.each(databaseKinds)('the effectiveness dashboard API on %s', (kind) => {
  let fixture: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;
  let provider: Admitted;
  let bank: Admitted;
  let regulator: Admitted;
  let entryId: string;
  let providerConnector: EnrolledConnector;
  let bankConnector: EnrolledConnector;

  /**
   * Records evidence as the two connectors would, dated now: the fixtures' parties and dataset
   * become the admitted ones, and agreements carry both connectors' signatures (the dashboard
   * counts only agreements it can verify).
   */
  const relay = async (entries: EvidenceEntry[]) => {
    const text = JSON.stringify(entries.map(({ type, subject, actor, payload }) => ({ type, subject, actor, payload })))
      .replaceAll(providerDid, providerConnector.did)
      .replaceAll(consumerDid, bankConnector.did)
      .replaceAll(datasetId, entryId);
    const signed = await Promise.all(
      (JSON.parse(text) as Array<{ type: string; subject: string; payload: Record<string, unknown> | null }>).map(async (e) =>
        e.type === 'agreement.finalized' && e.payload
          ? { ...e, payload: { ...e.payload, providerSignature: await providerConnector.signAgreement(e.subject, agreementHash, 'provider'), consumerSignature: await bankConnector.signAgreement(e.subject, agreementHash, 'consumer') } }
          : e,
      ),
    );
    const res = await api.request('POST', '/ledger/entries', { headers: admin, body: { entries: signed } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const dashboard = async (query = '', headers: Record<string, string> = bearer(regulator.session)) => api.request('GET', `/api/v1/dashboard${query}`, { headers });

  beforeEach(async () => {
    fixture = await anOperator(kind);
    api = operatorApi(fixture.node);
    provider = await api.admitted({ name: '省电力公司', industry: 'D44', region: '410100', roles: ['provider'] });
    bank = await api.admitted({ name: '城商银行', industry: 'J66', region: '410100', roles: ['consumer'] });
    providerConnector = await anEnrolledConnector(api, provider.id);
    bankConnector = await anEnrolledConnector(api, bank.id);
    regulator = await api.admitted({ name: '省数据局', industry: 'S92', region: '410000', uscc: aUscc('1', '1', '410000'), roles: ['regulator'] });
    const { id: _id, ...entry } = aCatalogEntry({ shareAttribute: 'unconditional' });
    const published = await fixture.node.catalog.publish(provider.id, `did:web:operator.test:participants:${provider.id}`, {
      resource: 'electricity', entry, visibility: { scope: 'members' }, piiScan: aPiiScan(),
      offers: [
        { id: 'sandbox', accessMode: 'sandbox', priceModel: 'payAfterUse', policy: anOfferPolicy() },
        { id: 'download', accessMode: 'download', priceModel: 'free', policy: anOfferPolicy() },
      ],
    });
    entryId = published.id;
    // An API offer: the index keeps only distributions the offers allow, so the entry declares its API one.
    const { id: _other, ...second } = aCatalogEntry({
      shareAttribute: 'unconditional',
      title: { 'zh-CN': '企业用水数据', en: 'Enterprise water use' },
      distributions: [{ title: { 'zh-CN': '查询接口' }, accessUrl: 'https://connector.grid.example.cn/api/v1/water', mediaType: 'text/csv', format: 'CSV', accessMode: 'api' }],
    });
    await fixture.node.catalog.publish(provider.id, `did:web:operator.test:participants:${provider.id}`, {
      resource: 'water', entry: second, visibility: { scope: 'members' }, piiScan: aPiiScan(),
      offers: [{ id: 'api', accessMode: 'api', priceModel: 'payPerUse', policy: anOfferPolicy() }],
    });
    const now = new Date().toISOString();
    await relay([
      ...anAgreementFinalized('urn:uuid:agreement-1', now),
      ...aTransfer('urn:uuid:transfer-1', 'urn:uuid:agreement-1', { requested: now, started: now, completed: now }),
      ...aSandboxJob('job-1', 'urn:uuid:agreement-1', { submitted: now, started: now, ended: now, outcome: 'sandbox.result.released' }),
    ]);
    await ledgerSettled(fixture);
  });
  afterEach(() => fixture.close());

  it('shows a regulator the resources, participants, use and ledger of the last 30 days, each process counted once', async () => {
    const res = await dashboard();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body;
    const today = dayOf(new Date().toISOString());
    expect(d.period).toMatchObject({ to: today, days: 30, utcOffset: '+08:00' });
    expect(d.resources).toMatchObject({ published: 2, publishedInPeriod: 2, byKind: [{ value: 'dataset', count: 2 }], byFormat: [{ value: 'CSV', count: 2 }], byProvider: [{ value: provider.id, name: '省电力公司', count: 2 }], byIndustry: [{ value: 'D', count: 2 }] });
    expect(d.resources.byAccessMode).toEqual([{ value: 'api', count: 1 }, { value: 'download', count: 1 }, { value: 'sandbox', count: 1 }]);
    expect(d.offers).toEqual({ total: 3, byAccessMode: [{ value: 'api', count: 1 }, { value: 'download', count: 1 }, { value: 'sandbox', count: 1 }], byPriceModel: [{ value: 'free', count: 1 }, { value: 'payAfterUse', count: 1 }, { value: 'payPerUse', count: 1 }] });
    expect(d.participants).toMatchObject({ total: 3, approved: 3, byStatus: [{ value: 'approved', count: 3 }] });
    expect(d.participants.byRole).toEqual([{ value: 'consumer', count: 1 }, { value: 'provider', count: 1 }, { value: 'regulator', count: 1 }]);
    expect(d.participants.activity[0]).toMatchObject({ participantId: provider.id, name: '省电力公司', roles: ['provider'] });
    expect(d.participants.activity.map((a: { participantId: string }) => a.participantId)).toEqual(expect.arrayContaining([provider.id, bank.id, regulator.id]));
    expect(d.participants.operatorEntries).toBeGreaterThan(0);
    expect(d.agreements.total).toBe(1);
    expect(d.agreements.perDay).toHaveLength(30);
    expect(d.agreements.perDay.at(-1)).toEqual({ day: today, count: 1 });
    expect(d.transfers).toMatchObject({ total: 1, started: 1, completed: 1 });
    expect(d.sandboxJobs).toMatchObject({ total: 1, byState: [{ value: 'succeeded', count: 1 }] });
    expect(d.sandboxJobs.utilization).toHaveLength(30);
    expect(d.topProducts).toEqual([{ id: entryId, title: { 'zh-CN': '企业用电数据', en: expect.any(String) }, provider: { id: provider.id, name: '省电力公司' }, agreements: 1, transfers: 1, sandboxJobs: 1 }]);
    const head = await fixture.node.app.inject({ url: '/ledger/checkpoint' });
    expect(d.ledger.size).toBe(Number(head.body.split('\n')[1]));
    expect(d.ledger.projected).toBe(d.ledger.size);
    expect(d.ledger.entriesInPeriod).toBe(d.ledger.size);
    expect(d.ledger.checkpoint).toMatchObject({ size: d.ledger.size, algorithm: 'sha256', text: head.body, signature: head.body.split('\n').find((l: string) => l.startsWith('— ')) });
    expect(d.ledger.byType).toContainEqual({ value: 'agreement.finalized', count: 2 });
  });

  it('includes entries appended after the last answer, projecting only the new ones', async () => {
    const before = (await dashboard()).body;
    await relay(anAgreementFinalized('urn:uuid:agreement-2', new Date().toISOString()));
    const after = (await dashboard()).body;
    expect(after.agreements.total).toBe(2);
    expect(after.ledger.projected).toBe(before.ledger.projected + 2);
    expect(after.topProducts[0]).toMatchObject({ id: entryId, agreements: 2 });
  });

  it('answers the operator’s staff and regulators, refuses participants with 403 and strangers with 401', async () => {
    const auditor = await api.createStaff('auditor1', ['auditor']);
    expect((await dashboard('', admin)).status).toBe(200);
    expect((await dashboard('', bearer(auditor))).status).toBe(200);
    const refused = await dashboard('', bearer(provider.session));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('auth.forbidden');
    expect((await dashboard('', bearer(bank.session))).status).toBe(403);
    expect((await dashboard('', {})).body).toMatchObject({ status: 401, code: 'auth.missing-credentials' });
    expect((await api.request('GET', '/api/v1/dashboard/export.csv?section=resources', { headers: bearer(bank.session) })).status).toBe(403);
  });

  it('refuses a period that is not dates, runs backwards or spans more than 366 days', async () => {
    for (const query of ['?from=2026-02-30', '?from=2026-03-02&to=2026-03-01', '?from=2024-01-01&to=2025-01-01', '?to=tomorrow']) {
      const res = await dashboard(query);
      expect(res.status, query).toBe(400);
      expect(res.body.code, query).toBe('dashboard.period-invalid');
    }
    expect((await dashboard('?from=2024-01-01&to=2024-12-31')).body.period).toMatchObject({ from: '2024-01-01', to: '2024-12-31', days: 366 });
    expect((await dashboard('?from=2024-01-01&to=2024-12-31')).body.agreements.total).toBe(0);
    expect((await dashboard('?extra=1')).body.code).toBe('request.invalid');
  });

  it('exports each section as CSV with a byte order mark and the header in the request’s language', async () => {
    const csv = async (section: string, language?: string) => {
      const res = await fixture.node.app.inject({ url: `/api/v1/dashboard/export.csv?section=${section}`, headers: { ...bearer(regulator.session), ...(language ? { 'accept-language': language } : {}) } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="dashboard-${section}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      return res.body.slice(1).split('\r\n');
    };
    expect((await csv('resources'))[0]).toBe('维度,取值,名称,数量');
    expect(await csv('resources')).toContain('数据提供方,' + provider.id + ',省电力公司,2');
    expect((await csv('resources', 'en'))[0]).toBe('Dimension,Value,Name,Count');
    expect((await csv('participants'))[0]).toBe('参与方标识,参与方名称,角色,状态,期间存证条目数');
    expect((await csv('participants', 'en-US,en;q=0.9'))[0]).toBe('Participant ID,Participant,Roles,Status,Ledger entries in period');
    const activity = await csv('activity', 'en');
    expect(activity[0]).toBe('Date,Agreements,Transfers,Sandbox jobs,Sandbox running time (s)');
    expect(activity).toHaveLength(32); // header, 30 days, the final line end
    expect((await csv('products'))[1]).toBe(`1,${entryId},企业用电数据,省电力公司,1,1,1`);
    const ledger = await csv('ledger');
    expect(ledger[0]).toBe('项目,值');
    expect(ledger).toContainEqual(expect.stringMatching(/^检查点签名,— tds\.test\/space /));
    expect((await api.request('GET', '/api/v1/dashboard/export.csv?section=everything', { headers: bearer(regulator.session) })).status).toBe(400);
  });
});
