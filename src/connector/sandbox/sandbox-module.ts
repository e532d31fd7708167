import path from 'node:path';
import type { App } from '../../server/build-server.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { EvidenceReceiptStore } from '../../store/contracts/evidence-receipt-store.js';
import { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';
import { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import { ReleasedGroupStore } from '../../store/sandbox/released-group-store.js';
import { QuerySetAudit } from './query-set-memory.js';
import { EntityAuthorizationStore } from '../../store/sandbox/entity-authorization-store.js';
import { SandboxQueueStore } from '../../store/sandbox/sandbox-queue-store.js';
import { EntityAuthorizations } from './entity-authorizations.js';
import { JobScheduler } from './job-scheduler.js';
import type { AssetService } from '../assets/asset-service.js';
import type { ConnectorOptions } from '../connector-node.js';
import type { ContractContext } from '../dsp/contract-context.js';
import { AlgorithmRegistry } from './algorithm-registry.js';
import { ConsumerJobs } from './consumer-jobs.js';
import { JobExecution } from './job-execution.js';
import { JobLedger } from './job-ledger.js';
import { JobRunner } from './job-runner.js';
import { JobService } from './job-service.js';
import { registerSandboxRoutes } from './sandbox-routes.js';
import { SandboxEngine } from './sandbox-engine.js';
import { SandboxGrants } from './sandbox-grants.js';

/** How the connector's sandbox runs; every member has a default fit for a 2-core machine. */
export interface SandboxOptions {
  /** Secret the desensitization keys (hashing per asset, tokens per agreement) derive from; 32 bytes. */
  key?: Uint8Array;
  /** DuckDB memory limit of the engine process (default `2GB`). */
  memoryLimit?: string;
  threads?: number;
  /** Longest a job's query may run (default 60 s). */
  timeoutSeconds?: number;
  /** Jobs one consumer may have queued or running at once (default 20); past it, 429 `sandbox.too-many-jobs`. */
  maxJobsPerConsumer?: number;
}

export interface SandboxModule {
  jobs: JobService;
  algorithms: AlgorithmRegistry;
  engine: SandboxEngine;
}

/**
 * The data sandbox (数据开发利用环境): jobs run where the data lives, in a locked DuckDB process;
 * only results the agreement allows leave, each with its ledger evidence. Started with the node,
 * stopped (engine process included) when the app closes.
 */
export function registerSandbox(
  app: App,
  deps: { options: ConnectorOptions; ctx: ContractContext; receipts: EvidenceReceiptStore; assets: AssetService; assetStore: AssetStore; desensitizationKey: Uint8Array },
): SandboxModule {
  const { options, ctx } = deps;
  const sandbox = options.sandbox ?? {};
  const timeoutMs = (sandbox.timeoutSeconds ?? 60) * 1000;
  const dataDir = path.dirname(options.directories.uploads);
  const engine = new SandboxEngine({ memoryLimit: sandbox.memoryLimit ?? '2GB', threads: sandbox.threads ?? 2, tempDirectory: path.join(dataDir, 'sandbox-tmp') });
  const jobs = new SandboxJobStore(options.database);
  const algorithmStore = new SandboxAlgorithmStore(options.database);
  const agreements = new AgreementStore(options.database);
  const grants = new SandboxGrants({ agreements, assetStore: deps.assetStore, assets: deps.assets, engine, jobs, master: deps.desensitizationKey, now: ctx.now });
  const ledger = new JobLedger(options.database, jobs, ctx.evidence, ctx.identity, ctx.now);
  const entities = new EntityAuthorizations({ algorithms: algorithmStore, store: new EntityAuthorizationStore(options.database), now: ctx.now });
  const scheduler = new JobScheduler(new SandboxQueueStore(options.database));
  const audit = new QuerySetAudit(new ReleasedGroupStore(options.database), deps.desensitizationKey, ctx.now);
  const runner = new JobRunner(jobs, ledger, grants, new JobExecution(engine, algorithmStore, timeoutMs, audit, entities), { timeoutMs, logger: ctx.logger, scheduler });
  const maxJobsPerConsumer = sandbox.maxJobsPerConsumer ?? 20;
  const service = new JobService({ jobs, ledger, runner, grants, agreements, algorithms: algorithmStore, receipts: deps.receipts, entities, scheduler, maxJobsPerConsumer, now: ctx.now });
  const consumer = new ConsumerJobs({ database: options.database, evidence: ctx.evidence, identity: ctx.identity, jobs, agreements, negotiations: new NegotiationStore(options.database), client: ctx.client, now: ctx.now });
  const algorithms = new AlgorithmRegistry(algorithmStore, engine, ctx);
  registerSandboxRoutes(app, { service, consumer, algorithms });
  app.addHook('onReady', () => {
    void runner.start().catch((error: unknown) => ctx.logger?.error({ err: error }, 'sandbox runner could not start'));
  });
  app.addHook('onClose', async () => {
    await runner.stop();
    engine.stop();
  });
  return { jobs: service, algorithms, engine };
}
