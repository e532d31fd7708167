import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { createLogger } from '../../server/logger.js';
import { startConnector, startOperator, type Listening } from '../node-runner.js';
import { loadOrCreateToken } from '../secret-files.js';
import { publishDemoCatalog } from './demo-catalog.js';
import { DEMO_ENTERPRISES, generateElectricityData, generateLoanApplicants, type LoanApplicant } from './demo-electricity-data.js';
import { creditScoreAlgorithm, setUpDemoSandbox } from './demo-sandbox.js';
import { ensureOperatorAdmin, onboardDemoParticipants, type DemoAccount } from './demo-onboarding.js';

/** The demo's participants, each with its own connector (issue 7's scenario names them). */
export const demoConnectors = [
  { name: 'utility', title: '省电力公司 Provincial Power Company' },
  { name: 'bank', title: '城商银行 City Commercial Bank' },
] as const;

/** What `tds demo` writes to DIR/endpoints.json; external clients rely on these field names. */
export interface DemoEndpoints {
  operator: { url: string; adminToken: string; ledgerVerifierKey: string; did: string; adminUser: string; adminPassword: string };
  connectors: Array<{ name: string; url: string; apiKey: string; did: string | null; participantId: string | null }>;
  /** Console logins of the admitted demo organisations (their admin users). */
  participants: DemoAccount[];
  /** What the demo scenario set up; later priorities add to it. */
  scenario: {
    provider: string;
    consumer: string;
    /** The catalog entry of 企业用电数据 (visible to all members). */
    electricityEntry: string;
    /** An entry only one participant may see: its id and that participant's connector name. */
    restrictedEntry: { id: string; visibleTo: string };
    /**
     * An offer the consumer satisfies and may take by HTTP pull (DSP `HttpData-PULL`): negotiate
     * `offerId` (its DSP `@id`) of catalog entry `entryId` declaring `purpose`, then transfer.
     */
    pullOffer: { entryId: string; offerId: string; purpose: string };
    /** The bank's sandbox-only agreement on 企业用电数据 (aggregates only, k ≥ 10, no identifier columns). */
    sandboxAgreementId: string;
    /** What that agreement lets the bank query in the utility's sandbox: view name → columns. */
    tables: Record<string, string[]>;
    /** The utility's registered credit score the bank runs for its applicants. */
    algorithm: { name: string; version: number };
    /** The open statistics (开放数据, CC BY 4.0): the entry and its download offer (DSP `@id`). */
    openOffer: { entryId: string; offerId: string };
    /** The bank's own list of loan applicants (CSV), and where the scenario writes their scores. */
    applicantsFile: string;
    scoresFile: string;
  };
}

export interface DemoOptions {
  dir: string;
  host: string;
  port: number;
  /** Where node logs go; by default DIR/logs/<node>.log so the terminal stays readable. */
  logs?: 'files' | 'silent';
  /** A PostgreSQL database for all three nodes, each in its own schema; embedded SQLite files under DIR otherwise. */
  databaseUrl?: string;
}

export interface DemoSpace {
  endpoints: DemoEndpoints;
  endpointsFile: string;
  /** The bank's loan applicants, whom the scenario scores. */
  applicants: LoanApplicant[];
  close(): Promise<void>;
}

function nodeLogger(options: DemoOptions, node: string) {
  if (options.logs === 'silent') return false as const;
  const dir = path.join(options.dir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  return createLogger(node, 'info', pino.destination({ dest: path.join(dir, `${node}.log`), sync: false, mkdir: true }));
}

/**
 * Starts the demo space: one operator and the demo connectors on consecutive ports, each with
 * its own SQLite file under DIR (or its own schema of one PostgreSQL database). Secrets are
 * generated once and reused on later starts, so the space survives restarts with the same
 * credentials.
 */
export async function startDemoSpace(options: DemoOptions): Promise<DemoSpace> {
  const dir = path.resolve(options.dir);
  const secret = (name: string, prefix: string) => loadOrCreateToken(path.join(dir, 'secrets', name), prefix).token;
  const started: Listening[] = [];
  const closeAll = async () => {
    for (const s of started.reverse()) await s.close();
  };
  try {
    const adminToken = secret('admin-token', 'tds_admin');
    const operator = await startOperator({
      dir: path.join(dir, 'operator'),
      host: options.host,
      port: options.port,
      origin: 'tds.local/demo',
      hashAlgorithm: 'sha256',
      adminToken,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, databaseSchema: 'tds_operator' } : {}),
      logger: nodeLogger(options, 'operator'),
    });
    started.push(operator);
    const connectors: Array<{ name: string; url: string; apiKey: string }> = [];
    for (const [i, c] of demoConnectors.entries()) {
      const apiKey = secret(`${c.name}-api-key`, 'tds_key');
      const running = await startConnector({
        name: c.name,
        operatorUrl: operator.url,
        dir: path.join(dir, 'connectors', c.name),
        host: options.host,
        port: options.port + 1 + i,
        apiKey,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, databaseSchema: `tds_${c.name}` } : {}),
        logger: nodeLogger(options, `connector-${c.name}`),
      });
      started.push(running);
      connectors.push({ name: c.name, url: running.url, apiKey });
    }
    if (operator.node.sequencer.size === 0) {
      const at = new Date().toISOString();
      await operator.node.sequencer.append([
        { type: 'space.created', subject: 'urn:tds:demo', actor: 'operator', at, payload: { origin: 'tds.local/demo' } },
        ...demoConnectors.map((c) => ({
          type: 'connector.registered',
          subject: `urn:tds:demo:${c.name}`,
          actor: 'operator',
          at,
          payload: { name: c.name, title: c.title },
        })),
      ]);
    }
    // Passwords are generated once per space; the token prefix only makes them long and random.
    const password = (name: string) => secret(`${name}-password`, 'Tds').replace(/^Tds_/, 'Tds-');
    const adminPassword = password('operator-admin');
    await ensureOperatorAdmin(operator.url, adminToken, adminPassword);
    const participants = await onboardDemoParticipants({ operatorUrl: operator.url, adminToken, connectors, password });
    const utility = connectors.find((c) => c.name === 'utility')!;
    const bankId = participants.find((p) => p.participant === 'bank')!.participantId;
    const data = generateElectricityData(DEMO_ENTERPRISES);
    const applicants = generateLoanApplicants(data.enterprises);
    const scenarioDir = path.join(dir, 'scenario');
    const applicantsFile = path.join(scenarioDir, 'bank-applicants.csv');
    fs.mkdirSync(scenarioDir, { recursive: true });
    fs.writeFileSync(applicantsFile, `\ufeff申请编号,统一社会信用代码,申请金额（万元）,申请日期\n${applicants.map((a) => `${a.applicationNo},${a.uscc},${a.amount},${a.appliedOn}`).join('\n')}\n`);
    const catalog = await publishDemoCatalog({ operatorUrl: operator.url, adminToken, utility, bankParticipantId: bankId, data });
    const sandbox = await setUpDemoSandbox({ utility, bank: connectors.find((c) => c.name === 'bank')!, offer: catalog.sandboxOffer });
    const endpoints: DemoEndpoints = {
      operator: { url: operator.url, adminToken, ledgerVerifierKey: operator.node.verifierKey, did: operator.node.identity.did, adminUser: 'admin', adminPassword },
      connectors: connectors.map((c) => {
        const account = participants.find((p) => p.participant === c.name);
        return { ...c, did: account?.did ?? null, participantId: account?.participantId ?? null };
      }),
      participants,
      scenario: { provider: 'utility', consumer: 'bank', electricityEntry: catalog.electricityEntry, restrictedEntry: { id: catalog.restrictedEntry, visibleTo: 'bank' }, pullOffer: catalog.pullOffer,
        ...sandbox,
        algorithm: { name: creditScoreAlgorithm.name, version: creditScoreAlgorithm.version },
        openOffer: catalog.openOffer,
        applicantsFile,
        scoresFile: path.join(scenarioDir, 'credit-scores.csv'),
      },
    };
    const endpointsFile = path.join(dir, 'endpoints.json');
    fs.writeFileSync(endpointsFile, `${JSON.stringify(endpoints, null, 2)}\n`, { mode: 0o600 });
    return { endpoints, endpointsFile, applicants, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
