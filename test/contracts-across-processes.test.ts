// Contract negotiation, agreements, transfers and the data plane across separate processes: an
// operator and two connectors (utility = provider, bank = consumer), each its own `tds` process
// talking HTTP, on SQLite and PostgreSQL. Every DSP message the connectors exchange is traced
// (TDS_DSP_TRACE) and validated against the official DSP 2025-1 schemas at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { dspContextDocument, dspOdrlProfileDocument, dspOdrlProfileUrl } from '../src/core/dsp/dsp-context-documents.js';
import { dspContextUrl } from '../src/core/metadata/dcat-context.js';
import { extractWatermark } from '../src/core/watermark/index.js';
import { dspSchemaValidator } from './support/dsp-schemas.js';
import { electricityCsv } from './support/electricity-csv.js';
import { publishedCsv } from './support/published-asset.js';
import { call, restartNode, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';
import { stopProcess } from './support/run-cli.js';

const PURPOSE = 'credit-risk-assessment';
const CHINESE_PURPOSE = '普惠金融信用评估';
const downloadOffer = (id: string, constraints: Array<Record<string, unknown>>, duties: Array<Record<string, unknown>> = []) => ({
  id,
  accessMode: 'download',
  priceModel: 'free',
  policy: { permission: [{ action: 'use', constraint: constraints, ...(duties.length ? { duty: duties } : {}) }] },
});
/**
 * Expands in safe mode (a member no context defines fails instead of vanishing), resolving
 * contexts only through `load`, with a fresh jsonld.js instance (its context cache is per instance).
 */
const expand = (doc: unknown, load: (url: string) => Promise<unknown>) =>
  (jsonld as unknown as () => typeof jsonld)().expand(doc as JsonLdDocument, { safe: true, documentLoader: async (url: string) => ({ contextUrl: null, documentUrl: url, document: await load(url) }) } as unknown as Options.Expand);
/** A DSP peer's processor: the DSP context (and the ODRL profile it imports) and nothing else. */
const dspOnly = async (url: string) => {
  if (url === dspContextUrl) return structuredClone(dspContextDocument);
  if (url === dspOdrlProfileUrl) return structuredClone(dspOdrlProfileDocument);
  throw new Error(`a DSP peer cannot resolve ${url}`);
};
/** jsonld.js's loader limited to fetching over HTTP from one running node. */
const fromNode = (node: string, asked: string[]) => async (url: string) => {
  asked.push(url);
  if (!url.startsWith(`${node}/`)) throw new Error(`not served by the node: ${url}`);
  const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
};
const deleteWithin30Days = { action: 'delete', constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }] };

describe.each(databaseKinds)('contracts across processes on %s', (kind) => {
  let space: ProcessSpace;
  let utility: SpaceNode;
  let bank: SpaceNode;
  let operator: SpaceNode;
  let entryId: string;
  let bigEntryId: string;
  let bankDid: string;
  let utilityDid: string;
  const traceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-dsp-trace-'));
  const bankKey = () => secretOf(bank, 'api-key');
  const utilityKey = () => secretOf(utility, 'api-key');

  /** Starts a negotiation at the bank and waits until it is over; returns the bank's record. */
  async function negotiate(offerId: string, purpose?: string) {
    const started = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { entryId, offerId, ...(purpose ? { purpose } : {}) });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let record: Record<string, any> = started.body; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    await waitFor(async () => {
      record = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bankKey())).body;
      return record.state === 'FINALIZED' || record.state === 'TERMINATED';
    }, 30_000, 'the negotiation to end');
    return record;
  }

  async function startedTransfer(agreementId: string) {
    const started = await call('POST', `${bank.url}/api/v1/transfers`, bankKey(), { agreementId, format: 'HttpData-PULL' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let record: Record<string, any> = started.body; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    await waitFor(async () => {
      record = (await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(started.body.id)}`, bankKey())).body;
      return record.state === 'STARTED' || record.state === 'TERMINATED';
    }, 30_000, 'the transfer to start');
    return record;
  }

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'contracts.test', { TDS_DSP_TRACE: path.join(traceDir, `${kind}.jsonl`) });
    ({ operator, utility, bank } = space);
    bankDid = (await call('GET', `${bank.url}/api/v1/identity`, bankKey())).body.did;
    utilityDid = (await call('GET', `${utility.url}/api/v1/identity`, utilityKey())).body.did;
    ({ entryId } = await publishedCsv(utility, '企业用电数据', electricityCsv(300), [
      downloadOffer('twice', [{ leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE }, { leftOperand: 'count', operator: 'lteq', rightOperand: 2 }], [deleteWithin30Days]),
      downloadOffer('zh-purpose', [{ leftOperand: 'purpose', operator: 'eq', rightOperand: CHINESE_PURPOSE }]),
      downloadOffer('brief', [{ leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': new Date(Date.now() + 25_000).toISOString(), '@type': 'xsd:dateTime' } }]),
    ]));
    // Big enough that a download paused by its reader is still running when it is cut.
    ({ entryId: bigEntryId } = await publishedCsv(utility, '企业用电明细', electricityCsv(150_000), [downloadOffer('open', [])]));
  }, 180_000);

  afterAll(async () => {
    await space?.stop();
    fs.rmSync(traceDir, { recursive: true, force: true });
  });

  let agreementId: string;

  it('negotiates an agreement that both parties signed and both hold with the same hash', async () => {
    const negotiation = await negotiate(`urn:tds:offer:${entryId.split(':').pop()}:twice`, PURPOSE);
    expect(negotiation, JSON.stringify(negotiation.reason)).toMatchObject({ state: 'FINALIZED', role: 'consumer', peerDid: utilityDid });
    agreementId = negotiation.agreementId;
    const mine = (await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, bankKey())).body;
    let theirs: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    await waitFor(async () => {
      theirs = (await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, utilityKey())).body;
      return theirs.status === 'active';
    }, 10_000, 'the provider to finalize');
    expect(mine).toMatchObject({ status: 'active', role: 'consumer', providerDid: utilityDid, consumerDid: bankDid, purpose: PURPOSE });
    expect(theirs).toMatchObject({ status: 'active', role: 'provider', hash: mine.hash, consumerDid: bankDid });
    expect(theirs.providerSignature).toBe(mine.providerSignature);
    expect(theirs.consumerSignature).toBe(mine.consumerSignature);
    expect(mine.description['zh-CN'].summary).toMatch(/许可/);
  });

  it('records every step of both sides in the space ledger', async () => {
    let receipts: Array<{ type: string; ledgerIndex: number }> = [];
    await waitFor(async () => {
      receipts = (await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, utilityKey())).body.evidence ?? [];
      return receipts.some((r) => r.type === 'agreement.finalized');
    }, 10_000, 'the evidence relay');
    const entry = (await call('GET', `${operator.url}/ledger/entries/${receipts.find((r) => r.type === 'agreement.finalized')!.ledgerIndex}`)).body;
    expect(entry.entry).toMatchObject({ type: 'agreement.finalized', subject: agreementId, actor: utilityDid });
  });

  it('delivers the data by HTTP pull, watermarked for this consumer and agreement, with its hash checked', async () => {
    const transfer = await startedTransfer(agreementId);
    expect(transfer).toMatchObject({ state: 'STARTED', hasDataAddress: true });
    const received = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.id)}/pull`, bankKey(), { purpose: PURPOSE });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body).toMatchObject({ agreementId, datasetId: entryId, providerDid: utilityDid });
    const content = await fetch(`${bank.url}/api/v1/received/${received.body.id}/content`, { headers: { authorization: `Bearer ${bankKey()}` } });
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect(bytes.length).toBe(received.body.bytes);
    expect(extractWatermark(bytes)).toMatchObject({ agreementId, consumer: bankDid });
    expect(new TextDecoder().decode(bytes)).toContain('统一社会信用代码');

    // Onward transfer control: the agreement does not permit `distribute`, so the bank cannot
    // offer what it received, whether unchanged (hash) or edited (watermark).
    const reupload = (body: Uint8Array) =>
      fetch(`${bank.url}/api/v1/assets/uploads?name=${encodeURIComponent(`转售-${body.length}`)}`, { method: 'POST', headers: { authorization: `Bearer ${bankKey()}`, 'content-type': 'text/csv' }, body });
    const same = await reupload(bytes);
    expect(same.status).toBe(403);
    expect(await same.json()).toMatchObject({ code: 'onward.refused' });
    const edited = new TextEncoder().encode(new TextDecoder().decode(bytes).split('\n').slice(0, 120).join('\n'));
    expect((await reupload(edited)).status).toBe(403);
  });

  it('downloads under a purpose typed in Chinese, which the provider reads back and checks', async () => {
    const negotiation = await negotiate(`urn:tds:offer:${entryId.split(':').pop()}:zh-purpose`, CHINESE_PURPOSE);
    expect(negotiation.state, JSON.stringify(negotiation)).toBe('FINALIZED');
    const transfer = await startedTransfer(negotiation.agreementId);
    const received = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.id)}/pull`, bankKey(), { purpose: CHINESE_PURPOSE });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    // The provider decoded the header: another purpose is refused by the policy, not by HTTP.
    const other = await startedTransfer(negotiation.agreementId);
    const refused = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(other.id)}/pull`, bankKey(), { purpose: '市场营销' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.body).toMatchObject({ code: 'dataplane.access-refused' });
  });

  it('refuses the third download once the policy’s count of two is used up', async () => {
    const second = await startedTransfer(agreementId);
    const pulled = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(second.id)}/pull`, bankKey(), {});
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(201);
    const third = await startedTransfer(agreementId);
    const refused = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(third.id)}/pull`, bankKey(), {});
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.body).toMatchObject({ code: 'dataplane.access-refused' });
    expect(refused.body.detail).toMatch(/count/);
    const usage = (await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/usage`, utilityKey())).body.items as Array<{ outcome: string }>;
    expect(usage.filter((u) => u.outcome === 'refused')).toHaveLength(1);
    expect(usage.filter((u) => u.outcome === 'completed')).toHaveLength(2);
  });

  it('tracks the agreement’s duty to delete within 30 days, fulfilled when the consumer records it, on both sides', async () => {
    const duties = async (node: SpaceNode, key: string) => (await call('GET', `${node.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/duties`, key)).body.items as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    const [pending] = await duties(bank, bankKey());
    expect(pending).toMatchObject({ action: 'delete', trigger: 'at-time', status: 'pending' });
    expect(Date.parse(pending!.dueAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(pending!.detail['zh-CN']).toMatch(/删除/);
    const performed = await call('POST', `${bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/duties`, bankKey(), { duty: pending!.pointer, note: '已删除本地副本' });
    expect(performed.body.items[0]).toMatchObject({ status: 'fulfilled' });
    await waitFor(async () => (await duties(utility, utilityKey()))[0]?.status === 'fulfilled', 10_000, 'the provider to learn of it');
  });

  it('terminates a negotiation whose policy the consumer does not meet, saying which constraint failed', async () => {
    const negotiation = await negotiate(`urn:tds:offer:${entryId.split(':').pop()}:twice`, 'marketing');
    expect(negotiation.state).toBe('TERMINATED');
    expect(JSON.stringify(negotiation.reason)).toMatch(/purpose/);
    expect(negotiation.agreementId).toBeUndefined();
  });

  it('refuses access under an agreement whose time window has passed', async () => {
    const negotiation = await negotiate(`urn:tds:offer:${entryId.split(':').pop()}:brief`);
    expect(negotiation.state).toBe('FINALIZED');
    const transfer = await startedTransfer(negotiation.agreementId);
    expect(transfer.state).toBe('STARTED');
    await waitFor(async () => Date.now() > Date.parse(JSON.stringify(negotiation.offer).match(/\d{4}-\d\d-\d\dT[\d:.]+Z/)![0]), 30_000, 'the offer to expire');
    const refused = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.id)}/pull`, bankKey(), {});
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/dateTime/);
    const late = await startedTransfer(negotiation.agreementId);
    expect(late.state).toBe('TERMINATED');
  }, 40_000);

  it('answers malformed and out-of-order DSP messages with the protocol’s errors, never a 500', async () => {
    const token = (await call('POST', `${bank.url}/api/v1/identity/tokens`, bankKey(), { audience: utilityDid, reusable: true, ttlSeconds: 600 })).body.authorization as string;
    const post = (p: string, body: unknown) => fetch(`${utility.url}/dsp${p}`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const malformed = await post('/negotiations/request', { '@context': ['https://w3id.org/dspace/2025/1/context.jsonld'], '@type': 'ContractRequestMessage', consumerPid: 'urn:uuid:x' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ '@type': 'ContractNegotiationError', code: '400' });
    const provider = (await call('GET', `${bank.url}/api/v1/negotiations?role=consumer&state=FINALIZED`, bankKey())).body.items[0];
    const outOfOrder = await post(`/negotiations/${encodeURIComponent(provider.peerPid)}/agreement/verification`, {
      '@context': ['https://w3id.org/dspace/2025/1/context.jsonld'],
      '@type': 'ContractAgreementVerificationMessage',
      providerPid: provider.peerPid,
      consumerPid: provider.id,
    });
    expect(outOfOrder.status).toBe(400);
    expect(await outOfOrder.json()).toMatchObject({ '@type': 'ContractNegotiationError', code: '400', providerPid: provider.peerPid });
    const unknown = await post('/negotiations/urn%3Auuid%3Anone/termination', { '@context': ['https://w3id.org/dspace/2025/1/context.jsonld'], '@type': 'ContractNegotiationTerminationMessage', providerPid: 'urn:uuid:none', consumerPid: 'urn:uuid:x' });
    expect(unknown.status).toBe(404);
    const notJson = await fetch(`${utility.url}/dsp/transfers/request`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: '{"@type": ' });
    expect(notJson.status).toBe(400);
    const anonymous = await fetch(`${utility.url}/dsp/negotiations/request`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('resumes a negotiation and a transfer from the database after the consumer restarts while the provider is down', async () => {
    const offerId = `urn:tds:offer:${entryId.split(':').pop()}:twice`;
    const offer = (await call('GET', `${bank.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}/offers`, bankKey())).body.hasPolicy.find((o: { '@id': string }) => o['@id'] === offerId);
    await stopProcess(utility.process);
    const pending = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { providerAddress: `${utility.url}/dsp`, providerDid: utilityDid, datasetId: entryId, offer, purpose: PURPOSE });
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    const transfer = await call('POST', `${bank.url}/api/v1/transfers`, bankKey(), { agreementId, format: 'HttpData-PULL' });
    expect(transfer.status).toBe(201);
    await waitFor(async () => (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(pending.body.id)}`, bankKey())).body.attempts > 0, 10_000, 'a failed delivery');
    expect((await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(pending.body.id)}`, bankKey())).body).toMatchObject({ state: null, sending: 'ContractRequestMessage' });
    await restartNode(bank);
    await restartNode(utility);
    await waitFor(async () => (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(pending.body.id)}`, bankKey())).body.state === 'FINALIZED', 30_000, 'the negotiation to finish after the restarts');
    await waitFor(async () => (await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.body.id)}`, bankKey())).body.state === 'STARTED', 30_000, 'the transfer to start after the restarts');
  }, 90_000);

  it('tells the consumer of a revoked agreement once it is back, after the provider restarted with the message pending', async () => {
    const running = (await call('GET', `${bank.url}/api/v1/transfers?role=consumer&state=STARTED&agreementId=${encodeURIComponent(agreementId)}`, bankKey())).body.items[0];
    expect(running).toBeDefined();
    await stopProcess(bank.process);
    const revoked = await call('POST', `${utility.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/revoke`, utilityKey(), { reason: '数据使用超出约定用途' });
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    await restartNode(utility);
    await restartNode(bank);
    await waitFor(async () => (await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(running.id)}`, bankKey())).body.state === 'TERMINATED', 30_000, 'the termination to reach the consumer');
  }, 90_000);

  it('cuts a running download within a second when the provider revokes its agreement, and when the consumer is suspended', async () => {
    const openOffer = `urn:tds:offer:${bigEntryId.split(':').pop()}:open`;
    const negotiateOpen = async () => {
      const started = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { entryId: bigEntryId, offerId: openOffer });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      let record: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
      await waitFor(async () => (record = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bankKey())).body).state === 'FINALIZED', 20_000, 'an open agreement');
      return record.agreementId as string;
    };
    /** Starts a download and reads one chunk, then leaves it paused: the provider's stream is running. */
    const pausedDownload = async (agreement: string) => {
      const transfer = await startedTransfer(agreement);
      const edr = (await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.id)}/edr`, bankKey())).body;
      const response = await fetch(edr.endpoint, { headers: { authorization: edr.authorization } });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      await reader.read();
      return { reader, size: Number(response.headers.get('content-length')) };
    };
    const readToEnd = async (flow: { reader: ReadableStreamDefaultReader<Uint8Array>; size: number }) => {
      let bytes = 0;
      try {
        for (;;) {
          const { done, value } = await flow.reader.read();
          if (done) return { cut: bytes < flow.size, bytes };
          bytes += value.length;
        }
      } catch {
        return { cut: true, bytes };
      }
    };

    const toRevoke = await negotiateOpen();
    const revokedFlow = await pausedDownload(toRevoke);
    const suspendedFlow = await pausedDownload(await negotiateOpen());

    // Measured from the moment the change is acknowledged: the promise is about the running
    // flows after it, not how long the operator's own transaction takes on a loaded machine.
    expect((await call('POST', `${utility.url}/api/v1/agreements/${encodeURIComponent(toRevoke)}/revoke`, utilityKey(), { reason: '停止合作' })).status).toBe(200);
    let at = Date.now();
    const afterRevoke = await readToEnd(revokedFlow);
    expect(afterRevoke.cut).toBe(true);
    expect(Date.now() - at).toBeLessThan(1000);

    const suspended = await call('POST', `${operator.url}/api/v1/participants/${space.ids.bank}/suspend`, secretOf(operator, 'admin-token'), { reason: '违规使用数据' });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    at = Date.now();
    const afterSuspension = await readToEnd(suspendedFlow);
    expect(afterSuspension.cut).toBe(true);
    expect(Date.now() - at).toBeLessThan(1000);
  }, 60_000);

  it('exchanged only messages that validate against the official DSP 2025-1 schemas', () => {
    const lines = fs.readFileSync(path.join(traceDir, `${kind}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { direction: string; status?: number; body: Record<string, unknown> });
    const validate = dspSchemaValidator();
    // What the connectors wrote: their messages and their answers (the test's own malformed probes are not theirs).
    const checked = lines.filter((l) => (l.direction === 'sent' || l.direction === 'answer-sent') && typeof l.body?.['@type'] === 'string');
    expect(checked.length).toBeGreaterThan(20);
    for (const line of checked) {
      const errors = validate(line.body);
      expect(errors, `${line.direction} ${String(line.body['@type'])}: ${JSON.stringify(errors)}`).toEqual([]);
    }
  });

  it('sent only DSP bodies that a peer knowing just the DSP context expands, our members included', async () => {
    const lines = fs.readFileSync(path.join(traceDir, `${kind}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { direction: string; body: Record<string, unknown> });
    const written = lines.filter((l) => (l.direction === 'sent' || l.direction === 'answer-sent') && l.body?.['@context'] !== undefined);
    const types = new Set(written.map((l) => String(l.body['@type'])));
    expect([...types]).toEqual(expect.arrayContaining(['ContractRequestMessage', 'ContractAgreementMessage', 'ContractAgreementVerificationMessage']));
    let ours = 0;
    for (const line of written) {
      expect(line.body['@context'], String(line.body['@type'])).toEqual([dspContextUrl]);
      const expanded = JSON.stringify(await expand(line.body, dspOnly));
      if (expanded.includes('https://w3id.org/trustspace/ns#')) ours++;
    }
    // The purpose and the signatures travelled, as members a DSP processor expands (or ignores).
    expect(ours).toBeGreaterThan(2);
  });

  it('serves its JSON-LD contexts on every node, and exports a catalog that expands fetching only from the node', async () => {
    for (const node of [operator, utility, bank]) {
      for (const name of ['context.jsonld', 'catalog-context.jsonld']) {
        const served = await fetch(`${node.url}/ns/${name}`);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toMatch(/^application\/ld\+json/);
        expect(served.headers.get('cache-control')).toMatch(/max-age=\d+/);
      }
    }
    const exported = await fetch(`${operator.url}/api/v1/catalog/export`, { headers: { authorization: `Bearer ${secretOf(operator, 'admin-token')}`, accept: 'application/ld+json' } });
    expect(exported.status).toBe(200);
    const catalog = (await exported.json()) as { 'dcat:dataset': Array<Record<string, unknown>> };
    const asked: string[] = [];
    const [expanded] = (await expand(catalog, fromNode(operator.url, asked))) as Array<Record<string, unknown>>;
    expect(JSON.stringify(expanded)).toContain('企业用电数据');
    expect(asked).toEqual([]);
    // A document naming the node's own context URL expands with what the node serves.
    const [dataset] = catalog['dcat:dataset'];
    const naming = { ...dataset, '@context': `${utility.url}/ns/catalog-context.jsonld` };
    const fromUtility = (await expand(naming, fromNode(utility.url, asked))) as Array<Record<string, unknown>>;
    expect(asked).toEqual([`${utility.url}/ns/catalog-context.jsonld`]);
    expect(fromUtility).toEqual(await expand({ ...dataset, '@context': (catalog as unknown as Record<string, unknown>)['@context'] }, fromNode(operator.url, [])));
  });

});
