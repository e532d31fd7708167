// The contract steps bench/dsp.ts drives through the connectors' management APIs: publish the
// Parquet file with a download offer, run rounds of concurrent negotiations to FINALIZED on both
// sides, and get a pull transfer's EDR token from the provider's data plane.
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '../../test/support/wait-for.js';
import { call, cpuSeconds, must, secretOf, type BenchNode, type BenchSpace } from './dsp-space.js';

export const PURPOSE = 'credit-risk-assessment';

export interface Published {
  assetId: string;
  entryId: string;
  offerId: string;
  /** The offer as the provider's DSP catalog shows it to the bank (for negotiations that skip discovery). */
  offer: Record<string, unknown>;
  utilityDid: string;
}

/**
 * Registers the file from the provider's source directory, describes and classifies it so the
 * automatic review passes, and publishes it to every member with one download offer whose policy
 * asks for a purpose (so every negotiation evaluates a constraint) and sets no use count.
 */
export async function publishFile(space: BenchSpace, fileName: string): Promise<Published> {
  const { utility, bank } = space;
  const key = secretOf(utility, 'api-key');
  const asset = await must(201, 'POST', `${utility.url}/api/v1/assets`, key, { name: '分时电表读数', source: { kind: 'file', format: 'parquet', path: fileName } });
  const fields = (asset.entry.dictionary.fields as Array<{ name: string }>).map((f) => ({ ...f, title: { 'zh-CN': f.name, en: f.name }, description: { 'zh-CN': `${f.name}（小时）` } }));
  await must(200, 'PATCH', `${utility.url}/api/v1/assets/${asset.id}`, key, {
    version: asset.version,
    entry: {
      title: { 'zh-CN': '分时电表读数', en: 'Hourly meter readings' },
      description: { 'zh-CN': '分时电表读数，按小时汇总。', en: 'Hourly meter readings.' },
      keywords: { 'zh-CN': ['用电'], en: ['electricity'] },
      license: 'https://w3id.org/trustspace/licence/restricted-1.0',
      contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' },
      dictionary: { ...asset.entry.dictionary, fields },
    },
    classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
  });
  const offers = [{ id: 'bench', accessMode: 'download', priceModel: 'free', policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE }] }] } }];
  const published = await must(201, 'POST', `${utility.url}/api/v1/assets/${asset.id}/publication`, key, { offers, visibility: { scope: 'members' } });
  if (published.status !== 'published') throw new Error(`the publication was not accepted: ${JSON.stringify(published.review)}`);
  const entryId = published.entryId as string;
  const offerId = `urn:tds:offer:${entryId.split(':').pop()}:bench`;
  const dataset = await must(200, 'GET', `${bank.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}/offers`, secretOf(bank, 'api-key'));
  const offer = (dataset.hasPolicy as Array<Record<string, unknown>>).find((o) => o['@id'] === offerId);
  if (!offer) throw new Error(`the provider's catalog shows no ${offerId}`);
  const utilityDid = (await must(200, 'GET', `${utility.url}/api/v1/identity`, key)).did as string;
  return { assetId: asset.id as string, entryId, offerId, offer, utilityDid };
}

/** How a negotiation is started at the bank: from the catalog entry (the operator resolves it, the provider's DSP catalog gives the offer) or with the offer in hand. */
export type StartMode = 'entry' | 'direct';

async function count(node: BenchNode, role: 'consumer' | 'provider', state: string): Promise<number> {
  return (await must(200, 'GET', `${node.url}/api/v1/negotiations?role=${role}&state=${state}&limit=1`, secretOf(node, 'api-key'))).total as number;
}

export interface RoundResult {
  /** Negotiations started. */
  negotiations: number;
  /** Of those, FINALIZED on both sides. */
  finalized: number;
  /**
   * Of those, ended TERMINATED by either side, with the reasons recorded. None should; a side
   * that terminates after the peer refused its message leaves the peer's record open, so the
   * provider's terminations count too.
   */
  terminated: number;
  reasons: string[];
  seconds: number;
  /** Finalized negotiations per second. */
  perSecond: number;
  /** CPU seconds of each process during the round (the bench: its requests and polls). */
  cpu: { bank: number; utility: number; operator: number; bench: number };
  /** Negotiations the bank already held before the round (the tables grow round by round). */
  rowsBefore: number;
}

/**
 * `n` negotiations, at most `concurrency` in flight (started at the bank and not yet over
 * there). Wall time from the first request to the moment the bank holds all `n` as FINALIZED or
 * TERMINATED and the provider holds the finalized ones as FINALIZED too. Completion is read from
 * the connectors' own listings (a count per poll, every 20 ms); none should end TERMINATED, and
 * any that do are counted apart with the reason the bank recorded.
 */
export async function negotiationRound(space: BenchSpace, published: Published, mode: StartMode, n: number, concurrency: number): Promise<RoundResult> {
  const { bank, utility, operator } = space;
  const bankKey = secretOf(bank, 'api-key');
  const base = {
    bank: await count(bank, 'consumer', 'FINALIZED'),
    utility: await count(utility, 'provider', 'FINALIZED'),
    terminated: await count(bank, 'consumer', 'TERMINATED'),
    utilityTerminated: await count(utility, 'provider', 'TERMINATED'),
  };
  const terminations = async () => (await count(bank, 'consumer', 'TERMINATED')) - base.terminated + (await count(utility, 'provider', 'TERMINATED')) - base.utilityTerminated;
  const body =
    mode === 'entry'
      ? { entryId: published.entryId, offerId: published.offerId, purpose: PURPOSE }
      : { providerAddress: `${utility.url}/dsp`, providerDid: published.utilityDid, datasetId: published.entryId, offer: published.offer, purpose: PURPOSE };
  let failure: Error | undefined;
  const startOne = () =>
    call('POST', `${bank.url}/api/v1/negotiations`, bankKey, body).then(
      (answer) => {
        if (answer.status !== 201) failure ??= new Error(`POST /api/v1/negotiations: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
      },
      (error: Error) => (failure ??= error),
    );
  const cpu0 = { bank: cpuSeconds(bank.process), utility: cpuSeconds(utility.process), operator: cpuSeconds(operator.process), bench: process.cpuUsage() };
  const start = process.hrtime.bigint();
  let started = 0;
  let finalized = 0;
  let terminated = 0;
  let polls = 0;
  const deadline = Date.now() + 120_000;
  while (finalized + terminated < n) {
    while (started < n && started - finalized - terminated < concurrency) {
      started += 1;
      void startOne();
    }
    await sleep(20);
    finalized = (await count(bank, 'consumer', 'FINALIZED')) - base.bank;
    // Terminations are rare (they should not happen at all): looked for less often, and always near the end.
    if (++polls % 10 === 0 || finalized + terminated >= n - concurrency) terminated = await terminations();
    if (failure) throw failure;
    if (Date.now() > deadline) {
      const recent = await must(200, 'GET', `${bank.url}/api/v1/negotiations?role=consumer&limit=200`, bankKey);
      const open = (recent.items as Array<Record<string, unknown>>).filter((i) => i.state !== 'FINALIZED' && i.state !== 'TERMINATED').map(({ state, sending, attempts, reason, peerPid }) => ({ state, sending, attempts, reason, peerPid }));
      const theirs = open[0]?.peerPid ? await call('GET', `${utility.url}/api/v1/negotiations/${encodeURIComponent(String(open[0].peerPid))}`, secretOf(utility, 'api-key')) : undefined;
      const provider = theirs?.body ? { state: theirs.body.state, sending: theirs.body.sending, attempts: theirs.body.attempts, reason: theirs.body.reason } : undefined;
      throw new Error(`negotiation round: only ${finalized} of ${n} finalized (${terminated} terminated) after 120 s; open at the bank: ${JSON.stringify(open).slice(0, 2000)}; the provider's side of the first: ${JSON.stringify(provider)}`);
    }
  }
  await waitFor(async () => (await count(utility, 'provider', 'FINALIZED')) - base.utility >= finalized, 60_000, 'the provider to finalize');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const own = process.cpuUsage(cpu0.bench);
  const cpu = { bank: cpuSeconds(bank.process) - cpu0.bank, utility: cpuSeconds(utility.process) - cpu0.utility, operator: cpuSeconds(operator.process) - cpu0.operator, bench: (own.user + own.system) / 1e6 };
  let reasons: string[] = [];
  if (terminated > 0) {
    for (const [node, role] of [[bank, 'consumer'], [utility, 'provider']] as const) {
      const ended = await must(200, 'GET', `${node.url}/api/v1/negotiations?role=${role}&state=TERMINATED&limit=200`, secretOf(node, 'api-key'));
      reasons.push(...(ended.items as Array<{ reason?: unknown }>).map((i) => `${node.name}: ${JSON.stringify(i.reason)}`));
    }
    reasons = [...new Set(reasons)];
  }
  return { negotiations: n, finalized, terminated, reasons, seconds, perSecond: finalized / seconds, cpu, rowsBefore: base.bank + base.terminated + base.utilityTerminated };
}

/** One negotiation to FINALIZED, then a pull transfer to STARTED; returns the provider's EDR for it. */
export async function pullTransfer(space: BenchSpace, published: Published): Promise<{ endpoint: string; token: string }> {
  const { bank, utility } = space;
  const bankKey = secretOf(bank, 'api-key');
  const started = await must(201, 'POST', `${bank.url}/api/v1/negotiations`, bankKey, { entryId: published.entryId, offerId: published.offerId, purpose: PURPOSE });
  let negotiation = started;
  await waitFor(async () => {
    negotiation = await must(200, 'GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.id)}`, bankKey);
    return negotiation.state === 'FINALIZED' || negotiation.state === 'TERMINATED';
  }, 20_000, 'the negotiation to end');
  if (negotiation.state !== 'FINALIZED') throw new Error(`negotiation ${negotiation.state}: ${JSON.stringify(negotiation.reason)}`);
  const requested = await must(201, 'POST', `${bank.url}/api/v1/transfers`, bankKey, { agreementId: negotiation.agreementId, format: 'HttpData-PULL' });
  let transfer = requested;
  await waitFor(async () => {
    transfer = await must(200, 'GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(requested.id)}`, bankKey);
    return transfer.state === 'STARTED' || transfer.state === 'TERMINATED';
  }, 20_000, 'the transfer to start');
  if (transfer.state !== 'STARTED') throw new Error(`transfer ${transfer.state}: ${JSON.stringify(transfer.reason)}`);
  // What the bank's connector holds sealed: an EDR for the provider's data plane. Issued again
  // here by the provider's refresh endpoint, as the consumer (its identity token), so the bench
  // can download with its own client.
  const { authorization } = await must(200, 'POST', `${bank.url}/api/v1/identity/tokens`, bankKey, { audience: published.utilityDid, reusable: true, ttlSeconds: 3600 });
  const response = await fetch(`${utility.url}/dataplane/token`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ transferId: transfer.peerPid }) });
  const edr = (await response.json()) as { token?: string; endpoint?: string };
  if (response.status !== 200 || !edr.token || !edr.endpoint) throw new Error(`POST /dataplane/token: ${response.status} ${JSON.stringify(edr)}`);
  return { endpoint: edr.endpoint, token: edr.token };
}
