// A space for the sandbox's fair-use checks (test/sandbox-fair-use.test.ts, bench/sandbox-fairness.ts):
// an operator, the utility (provider, with its sandbox's per-consumer limit set) and two consumer
// connectors, each its own `tds` process, each consumer with a sandbox agreement on 企业用电数据.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateElectricityData } from '../../src/cli/demo/demo-electricity-data.js';
import { freePortRange } from './free-port.js';
import { publishedCsv } from './published-asset.js';
import { stopProcess } from './run-cli.js';
import { call, onboard, secretOf, startNode, type SpaceNode } from './space-processes.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';
import { waitFor } from './wait-for.js';

export const FAIR_VIEW = '企业用电数据';
const PURPOSE = 'credit-risk-assessment';

export interface FairConsumer {
  node: SpaceNode;
  key: string;
  agreementId: string;
  /** Submits a SQL job under the consumer's agreement; the provider's answer as is. */
  submit(sql: string): Promise<{ status: number; body: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
  read(id: string): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
}

export interface FairnessSpace {
  utility: SpaceNode;
  a: FairConsumer;
  b: FairConsumer;
  stop(): Promise<void>;
}

async function agreement(node: SpaceNode, entryId: string): Promise<string> {
  const key = secretOf(node, 'api-key');
  const started = await call('POST', `${node.url}/api/v1/negotiations`, key, { entryId, offerId: `urn:tds:offer:${entryId.split(':').pop()}:sandbox`, purpose: PURPOSE });
  if (started.status !== 201) throw new Error(`negotiation: ${JSON.stringify(started.body)}`);
  let n: Record<string, unknown> = {};
  await waitFor(async () => {
    n = (await call('GET', `${node.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, key)).body;
    return n.state === 'FINALIZED' || n.state === 'TERMINATED';
  }, 30_000, 'the negotiation to end');
  if (n.state !== 'FINALIZED') throw new Error(`negotiation ended ${String(n.state)}`);
  return n.agreementId as string;
}

function consumer(node: SpaceNode, agreementId: string): FairConsumer {
  const key = secretOf(node, 'api-key');
  return {
    node,
    key,
    agreementId,
    submit: (sql) => call('POST', `${node.url}/api/v1/sandbox/jobs`, key, { agreementId, sql }),
    read: async (id) => (await call('GET', `${node.url}/api/v1/sandbox/jobs/${encodeURIComponent(id)}`, key)).body,
  };
}

/** Starts the space with `enterprises` × `months` of generated consumption and `utilityArgs` for the provider. */
export async function startFairnessSpace(options: { kind?: DatabaseKind; enterprises: number; months?: number; utilityArgs?: string[] }): Promise<FairnessSpace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-fair-'));
  const nodes: SpaceNode[] = [];
  const databases: TestDatabase[] = [];
  const stop = async () => {
    for (const node of nodes.reverse()) await stopProcess(node.process);
    for (const db of databases) await db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  const database = async (): Promise<string[]> => {
    if ((options.kind ?? 'sqlite') === 'sqlite') return [];
    const db = await createTestDatabase('postgres');
    databases.push(db);
    return ['--database', db.url];
  };
  try {
    const base = await freePortRange(4);
    const url = (i: number) => `http://127.0.0.1:${base + i}`;
    const operator = await startNode(['operator', '--port', String(base), '--origin', 'fair.test', ...(await database())], url(0), path.join(root, 'op'));
    nodes.push(operator);
    const connector = async (i: number, name: string, extra: string[] = []) => {
      const node = await startNode(['connector', '--name', name, '--operator', operator.url, '--port', String(base + i), ...extra, ...(await database())], url(i), path.join(root, name));
      nodes.push(node);
      return node;
    };
    const utility = await connector(1, 'utility', options.utilityArgs);
    const bankA = await connector(2, 'bank-a');
    const bankB = await connector(3, 'bank-b');
    await onboard(operator, utility, '省电力公司', ['provider'], { industry: 'D44' });
    await onboard(operator, bankA, '城商银行', ['consumer'], { industry: 'J66' });
    await onboard(operator, bankB, '农商银行', ['consumer'], { industry: 'J66' });
    const data = generateElectricityData(options.enterprises, options.months ?? 24);
    const offer = {
      id: 'sandbox',
      accessMode: 'sandbox',
      priceModel: 'free',
      // Exact answers, chosen explicitly: this space measures scheduling, not noise; a self-join
      // has no bounded per-subject sensitivity, so it could not run under the default DP.
      policy: { permission: [{ action: 'aggregate', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' }, { leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE }, { leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'exact' }] }] },
    };
    const { entryId } = await publishedCsv(utility, FAIR_VIEW, data.csv, [offer]);
    return { utility, a: consumer(bankA, await agreement(bankA, entryId)), b: consumer(bankB, await agreement(bankB, entryId)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
