// Per-entity algorithm outputs need the entity's authorization (issue 15; ADR 0012), across
// processes on SQLite and PostgreSQL: the bank asks the utility's credit score about enterprises
// through its own connector. Before the fix the score answered for any enterprise the bank named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateElectricityData } from '../src/cli/demo/demo-electricity-data.js';
import { creditScoreAlgorithm } from '../src/cli/demo/demo-sandbox.js';
import { aDocumentAuthorization, anEd25519Authorization, anSm2Authorization } from '../src/core/sandbox/entity-authorization-fixtures.js';
import { authorizationDigest } from '../src/core/sandbox/entity-authorization.js';
import { publishedCsv } from './support/published-asset.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';

const PURPOSE = 'credit-risk-assessment';
const V = '企业用电数据';
const NOT_IN_DATA = '91410100MA47TDQ0XQ';
type Job = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field

describe.each(databaseKinds)('per-entity algorithm outputs across processes on %s', (kind) => {
  let space: ProcessSpace;
  let utility: SpaceNode;
  let bank: SpaceNode;
  let agreementId: string;
  let consumer: string;
  let customers: string[];
  const bankKey = () => secretOf(bank, 'api-key');
  const as = (overrides: { consumer: string }) => ({ ...overrides, validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString() });

  async function submitted(body: Record<string, unknown>): Promise<{ status: number; body: Job }> {
    return call('POST', `${bank.url}/api/v1/sandbox/jobs`, bankKey(), { agreementId, algorithm: creditScoreAlgorithm.name, version: creditScoreAlgorithm.version, ...body });
  }

  async function settled(id: string): Promise<Job> {
    let job: Job = {};
    await waitFor(async () => {
      job = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${id}`, bankKey())).body;
      return !['queued', 'running'].includes(job.state);
    }, 60_000, `sandbox job ${id} to end`);
    return job;
  }

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'entity.test');
    ({ utility, bank } = space);
    const data = generateElectricityData(300, 24);
    customers = data.enterprises.map((e) => e.uscc);
    const offer = {
      id: 'sandbox',
      accessMode: 'sandbox',
      priceModel: 'free',
      policy: { permission: [{ action: 'aggregate', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' }, { leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE }] }] },
    };
    const { entryId } = await publishedCsv(utility, V, data.csv, [offer], { 统一社会信用代码: { concept: 'tds:uscc' } });
    const registered = await call('POST', `${utility.url}/api/v1/sandbox/algorithms`, secretOf(utility, 'api-key'), creditScoreAlgorithm);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const started = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { entryId, offerId: `urn:tds:offer:${entryId.split(':').pop()}:sandbox`, purpose: PURPOSE });
    let negotiation: Job = started.body;
    await waitFor(async () => {
      negotiation = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bankKey())).body;
      return negotiation.state === 'FINALIZED' || negotiation.state === 'TERMINATED';
    }, 30_000, 'the negotiation to end');
    agreementId = negotiation.agreementId;
    consumer = (await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, bankKey())).body.consumerDid;
  }, 180_000);

  afterAll(async () => {
    await space?.stop();
  });

  it('scores only authorized applicants, and puts the authorizations’ digests on the ledger with the job', async () => {
    const [a, b] = customers;
    const authorizations = [anEd25519Authorization(a!, as({ consumer })), aDocumentAuthorization(b!, as({ consumer }))];
    const sent = await submitted({ parameters: { applicants: `${a},${b}` }, authorizations });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const job = await settled(sent.body.id);
    expect(job.state, JSON.stringify(job.reason)).toBe('succeeded');
    expect(job.result.rows.map((r: unknown[]) => r[0])).toEqual([a, b].sort());
    let submittedEntry: { ledgerIndex?: number } | undefined;
    await waitFor(async () => {
      const again = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${job.id}`, bankKey())).body;
      submittedEntry = again.proof.evidence.find((e: { type: string }) => e.type === 'sandbox.job.submitted');
      return submittedEntry?.ledgerIndex !== undefined;
    }, 20_000, 'the submission to reach the ledger');
    const entry = (await call('GET', `${space.operator.url}/ledger/entries/${submittedEntry!.ledgerIndex}`)).body;
    expect(JSON.stringify(entry)).toContain(authorizationDigest(authorizations[0]!));
    expect(JSON.stringify(entry)).toContain(authorizationDigest(authorizations[1]!));
    expect(JSON.stringify(entry)).not.toContain(a);
  });

  it('refuses to score an enterprise that did not authorize it, before running, naming the entry', async () => {
    const [applicant, stranger] = customers;
    const sent = await submitted({ parameters: { applicants: `${applicant},${stranger}` }, authorizations: [anSm2Authorization(applicant!, as({ consumer }))] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.state).toBe('refused');
    expect(sent.body.reason.code).toBe('sandbox.entity-unauthorized');
    expect(sent.body.reason.message.en).toContain(`applicants[1] ${stranger} (no authorization)`);
    expect(sent.body.reason.message['zh-CN']).toContain(`applicants[1] ${stranger}（无授权）`);
    const job = await settled(sent.body.id);
    expect(job.result).toBeUndefined();
    // Someone else's authorization does not count either: it is bound to its consumer.
    const forAnother = await submitted({ parameters: { applicants: applicant }, authorizations: [anEd25519Authorization(applicant!, as({ consumer: 'did:web:other-bank.example' }))] });
    expect(forAnother.body.reason.message.en).toContain('authorizes another consumer');
  });

  it('answers alike whether or not the unauthorized enterprise is in the data', async () => {
    const inData = customers[5]!;
    const answers = [];
    for (const stranger of [inData, NOT_IN_DATA]) {
      const sent = await submitted({ parameters: { applicants: stranger } });
      const job = await settled(sent.body.id);
      const { id: _id, createdAt: _c, updatedAt: _u, finishedAt: _f, ...rest } = job;
      answers.push({ status: sent.status, job: JSON.stringify(rest).replaceAll(stranger, '<entity>') });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.job).toContain('sandbox.entity-unauthorized');
  });

  it('answers a malformed authorization with problem+json and writes nothing', async () => {
    const before = (await call('GET', `${bank.url}/api/v1/sandbox/jobs`, bankKey())).body.total;
    const bad = await submitted({ parameters: { applicants: customers[0] }, authorizations: [{ entityId: customers[0], purpose: PURPOSE }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.invalid');
    expect((await call('GET', `${bank.url}/api/v1/sandbox/jobs`, bankKey())).body.total).toBe(before);
  });
});
