import { createHash } from 'node:crypto';
import { hashAlgorithm, isHashAlgorithmName } from '../../core/crypto/hash-algorithm.js';
import type { Localized } from '../../core/i18n/locale.js';
import { decodeEvidenceLeaf } from '../../core/ledger/evidence-entry.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { verifyInclusion } from '../../core/ledger/proof-verify.js';
import { openCheckpoint } from '../ledger/ledger-audit.js';
import { LedgerClient } from '../ledger/ledger-client.js';
import { call } from './demo-http.js';
import { check, poll } from './scenario-check.js';
import type { ScenarioContext } from './scenario-context.js';

interface Receipt {
  type: string;
  leafHash: string;
  ledgerIndex?: number;
}

/** The ledger entries the bank holds for the scenario's agreements and jobs, as its connector reports them. */
async function receiptsOf(ctx: ScenarioContext): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  for (const id of [ctx.sandboxAgreementId, ...ctx.agreements]) {
    const agreement = await call<{ evidence?: Receipt[] }>('GET', `${ctx.bank.url}/api/v1/agreements/${encodeURIComponent(id)}`, ctx.bank.apiKey);
    receipts.push(...(agreement.evidence ?? []));
  }
  for (const id of ctx.jobs) {
    const job = await call<{ proof?: { evidence: Receipt[] } }>('GET', `${ctx.bank.url}/api/v1/sandbox/jobs/${encodeURIComponent(id)}`, ctx.bank.apiKey);
    receipts.push(...(job.proof?.evidence ?? []));
  }
  return receipts;
}

/**
 * Proves, as an outsider would, that the space's ledger holds every entry the bank was given a
 * receipt for: the checkpoint's signature with the operator's published key, each entry's bytes
 * against the receipt, and each inclusion proof against the signed root.
 */
export async function proveEvidence(ctx: ScenarioContext): Promise<Localized> {
  // The connectors relay their evidence in batches; wait until the operator acknowledged all.
  const receipts = await poll(() => receiptsOf(ctx), (r) => r.length > 0 && r.every((e) => e.ledgerIndex !== undefined), { 'zh-CN': '场景的账本回执', en: 'ledger receipts for the scenario' }, 30_000, 250);
  const indexed = receipts as Array<Required<Receipt>>;
  const last = Math.max(...indexed.map((r) => r.ledgerIndex));
  const client = new LedgerClient(ctx.operator.url);
  const note = await poll(() => client.checkpoint(), (n) => openCheckpoint(n, ctx.operator.verifierKey).size > last, { 'zh-CN': '覆盖场景的签名检查点', en: 'a signed checkpoint covering the scenario' }, 30_000, 250);
  const checkpoint = openCheckpoint(note, ctx.operator.verifierKey);
  const types = new Set<string>();
  for (const receipt of indexed) {
    const served = await call<{ leaf: string; entry: { type: string } }>('GET', `${ctx.operator.url}/ledger/entries/${receipt.ledgerIndex}`, undefined);
    const leaf = new Uint8Array(Buffer.from(served.leaf, 'base64'));
    check(createHash('sha256').update(leaf).digest('hex') === receipt.leafHash, { 'zh-CN': `账本第 ${receipt.ledgerIndex} 号条目与回执所指不符`, en: `ledger entry ${receipt.ledgerIndex} is not the entry the receipt names` });
    // The space's hash (SHA-256 or SM3) is the one its entries name for their payloads.
    const named = decodeEvidenceLeaf(leaf).payloadHash.split(':')[0] ?? '';
    const alg = hashAlgorithm(isHashAlgorithmName(named) ? named : 'sha256');
    const proof = await client.inclusionProof(receipt.ledgerIndex, checkpoint.size);
    verifyInclusion(alg, receipt.ledgerIndex, checkpoint.size, leafHash(alg, leaf), proof, checkpoint.rootHash);
    types.add(served.entry.type);
  }
  return {
    'zh-CN': `${indexed.length} 条存证（${types.size} 类：合约签署、沙箱作业、结果发布……）均在账本中，包含证明对大小为 ${checkpoint.size} 的签名检查点逐条验证通过`,
    en: `${indexed.length} entries (${types.size} kinds: agreement signed, sandbox jobs, results released…) are in the ledger; each inclusion proof checks against the signed checkpoint of size ${checkpoint.size}`,
  };
}
