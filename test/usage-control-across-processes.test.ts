// Usage control on every path (issue 15, ADR 0010), across separate processes: an operator and two
// connectors (utility = provider, bank = consumer). A sandbox-only offer yields an agreement
// under which no download can start, at the consumer, at the provider's DSP endpoint or in the
// catalogs; a `spatial` offer is met by the place the consumer declared; an operand no decision
// point supplies is refused when the offer is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electricityCsv } from './support/electricity-csv.js';
import { publishedCsv } from './support/published-asset.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';

const anOffer = (id: string, accessMode: string, constraint: Array<Record<string, unknown>> = []) => ({
  id,
  accessMode,
  priceModel: 'free',
  ...(constraint.length ? { policy: { permission: [{ action: 'use', constraint }] } } : {}),
});

describe.each(databaseKinds)('usage control across processes on %s', (kind) => {
  let space: ProcessSpace;
  let utility: SpaceNode;
  let bank: SpaceNode;
  let operator: SpaceNode;
  let sandboxEntry: string;
  let sandboxAsset: string;
  let spatialEntry: string;
  let utilityDid: string;
  const bankKey = () => secretOf(bank, 'api-key');
  const utilityKey = () => secretOf(utility, 'api-key');
  const offerId = (entryId: string, id: string) => `urn:tds:offer:${entryId.split(':').pop()}:${id}`;

  async function agreed(entryId: string, offer: string, extra: Record<string, unknown> = {}): Promise<string> {
    const started = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { entryId, offerId: offerId(entryId, offer), ...extra });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let record: Record<string, any> = started.body; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    await waitFor(async () => {
      record = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bankKey())).body;
      return record.state === 'FINALIZED' || record.state === 'TERMINATED';
    }, 30_000, 'the negotiation to end');
    expect(record.state, JSON.stringify(record.reason)).toBe('FINALIZED');
    await waitFor(async () => (await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(record.agreementId)}`, utilityKey())).body.status === 'active', 10_000, 'the provider to finalize');
    return record.agreementId as string;
  }

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'usage-control.test');
    ({ operator, utility, bank } = space);
    utilityDid = (await call('GET', `${utility.url}/api/v1/identity`, utilityKey())).body.did;
    ({ entryId: sandboxEntry, assetId: sandboxAsset } = await publishedCsv(utility, '企业用电数据（沙箱）', electricityCsv(50), [anOffer('sandbox', 'sandbox')]));
    ({ entryId: spatialEntry } = await publishedCsv(utility, '企业用电数据（境内）', electricityCsv(50), [
      anOffer('in-cn', 'download', [{ leftOperand: 'spatial', operator: 'eq', rightOperand: 'CN' }]),
      anOffer('in-shanghai', 'download', [{ leftOperand: 'spatial', operator: 'isPartOf', rightOperand: '310000' }]),
    ]));
  }, 180_000);

  afterAll(async () => {
    await space?.stop();
  });

  it('lists no HttpData-PULL distribution for a sandbox-only asset, in the provider’s DSP catalog and the operator’s index', async () => {
    const dataset = (await call('GET', `${bank.url}/api/v1/catalog/entries/${encodeURIComponent(sandboxEntry)}/offers`, bankKey())).body;
    const formats = [dataset.distribution].flat().map((d: { format: string }) => d.format);
    expect(formats).toEqual(['TdsSandbox-PULL']);
    const offer = [dataset.hasPolicy].flat()[0];
    expect(JSON.stringify(offer)).toContain('deliveryChannel');
    const indexed = (await call('GET', `${operator.url}/api/v1/catalog/entries/${encodeURIComponent(sandboxEntry)}`, secretOf(operator, 'admin-token'))).body;
    expect(indexed.entry.distributions.map((d: { accessMode: string }) => d.accessMode)).toEqual(['sandbox']);
  });

  it('refuses a download under a sandbox-only agreement at the consumer, at the provider’s DSP endpoint, never with a token', async () => {
    const agreementId = await agreed(sandboxEntry, 'sandbox');
    const mine = (await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, bankKey())).body;
    expect(mine.allowedChannels).toEqual(['sandbox']);

    const early = await call('POST', `${bank.url}/api/v1/transfers`, bankKey(), { agreementId, format: 'HttpData-PULL' });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ type: 'urn:trustspace:error:transfer.channel-not-allowed', code: 'transfer.channel-not-allowed' });

    // A consumer connector that skips its own check still gets nothing from the provider.
    const token = (await call('POST', `${bank.url}/api/v1/identity/tokens`, bankKey(), { audience: utilityDid, reusable: true, ttlSeconds: 600 })).body.authorization as string;
    const direct = await fetch(`${utility.url}/dsp/transfers/request`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ '@context': ['https://w3id.org/dspace/2025/1/context.jsonld'], '@type': 'TransferRequestMessage', consumerPid: 'urn:uuid:sneaky-pull', agreementId, format: 'HttpData-PULL', callbackAddress: `${bank.url}/dsp` }),
    });
    const error = (await direct.json()) as Record<string, unknown>;
    expect(direct.status).toBe(400);
    expect(error).toMatchObject({ '@type': 'TransferError', code: 'channel-not-allowed', consumerPid: 'urn:uuid:sneaky-pull' });
    expect(JSON.stringify(error.reason)).toMatch(/sandbox/);
    expect(JSON.stringify(error)).not.toMatch(/authorization|dataAddress/);
    const processes = (await call('GET', `${utility.url}/api/v1/transfers?agreementId=${encodeURIComponent(agreementId)}`, utilityKey())).body.items as Array<{ agreementId: string; state: string }>;
    expect(processes.filter((p) => p.agreementId === agreementId).map((p) => p.state)).toEqual(['TERMINATED']);
  });

  it('meets `spatial eq CN` with the processing location the consumer declared, and `spatial` elsewhere not with its verified region', async () => {
    const agreementId = await agreed(spatialEntry, 'in-cn', { processingLocation: 'CN' });
    expect((await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, utilityKey())).body.processingLocation).toBe('CN');
    const pulled = await pullUnder(agreementId);
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(201);

    // The bank is registered in Zhengzhou (410100) and declared nothing: not in Shanghai.
    const elsewhere = await pullUnder(await agreed(spatialEntry, 'in-shanghai'));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.detail).toMatch(/spatial|使用地域|place of use/);
  });

  it('refuses at publication an offer whose policy names an operand no decision point supplies', async () => {
    const refused = await call('POST', `${utility.url}/api/v1/assets/${sandboxAsset}/publication`, utilityKey(), {
      offers: [anOffer('paid', 'download', [{ leftOperand: 'payAmount', operator: 'gteq', rightOperand: { '@value': '100', '@type': 'xsd:decimal' }, unit: 'CNY' }])],
      visibility: { scope: 'members' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'policy.operand-unsupported', errors: [{ pointer: '/offers/0/policy/permission/0/constraint/0/leftOperand' }] });
    expect(refused.body.errors[0].detail).toMatch(/payAmount/);
  });

  it('keeps the published policy when the offer is published again without one', async () => {
    const again = await call('POST', `${utility.url}/api/v1/assets/${sandboxAsset}/publication`, utilityKey(), { offers: [anOffer('sandbox', 'sandbox')], visibility: { scope: 'members' } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const spatialAsset = (await call('GET', `${utility.url}/api/v1/assets`, utilityKey())).body.items.find((a: { publication?: { entryId: string } }) => a.publication?.entryId === spatialEntry);
    const republished = await call('POST', `${utility.url}/api/v1/assets/${spatialAsset.id}/publication`, utilityKey(), { offers: [anOffer('in-cn', 'download')], visibility: { scope: 'members' } });
    expect(republished.status, JSON.stringify(republished.body)).toBe(201);
    expect(JSON.stringify(republished.body.offers[0].policy)).toMatch(/spatial/);
  });

  async function pullUnder(agreementId: string) {
    const started = await call('POST', `${bank.url}/api/v1/transfers`, bankKey(), { agreementId, format: 'HttpData-PULL' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await waitFor(async () => (await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(started.body.id)}`, bankKey())).body.state === 'STARTED', 30_000, 'the transfer to start');
    return call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(started.body.id)}/pull`, bankKey(), {});
  }
});
