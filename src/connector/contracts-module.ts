import path from 'node:path';
import { hashAlgorithm } from '../core/crypto/hash-algorithm.js';
import type { IdentityFetcher } from '../server/identity/identity-fetcher.js';
import type { App } from '../server/build-server.js';
import type { AssetStore } from '../store/assets/asset-store.js';
import { AgreementStore } from '../store/contracts/agreement-store.js';
import { DutyStore } from '../store/contracts/duty-store.js';
import { EvidenceReceiptStore } from '../store/contracts/evidence-receipt-store.js';
import { NegotiationStore } from '../store/contracts/negotiation-store.js';
import { TransferStore } from '../store/contracts/transfer-store.js';
import { UsageStore } from '../store/contracts/usage-store.js';
import { EvidenceRecorder } from '../store/evidence/evidence-recorder.js';
import { LedgerStore } from '../store/ledger/ledger-store.js';
import type { AssetService } from './assets/asset-service.js';
import { dspBasePath } from './catalog/dsp-catalog-routes.js';
import type { RemoteCatalog } from './catalog/remote-catalog.js';
import type { ConnectorOptions } from './connector-node.js';
import { AccessGuard } from './dataplane/access-guard.js';
import { ActiveStreams } from './dataplane/active-streams.js';
import { ApiProxy } from './dataplane/api-proxy.js';
import { ConsumerStanding } from './dataplane/consumer-standing.js';
import { registerDataPlaneRoutes, edrGrant, type EdrPrincipal } from './dataplane/dataplane-routes.js';
import { DeliveryContent } from './dataplane/delivery-content.js';
import { PullClient } from './dataplane/pull-client.js';
import type { ContractContext } from './dsp/contract-context.js';
import { DspClient } from './dsp/dsp-client.js';
import { registerDspProcessRoutes } from './dsp/dsp-process-routes.js';
import { EvidenceRelay } from './evidence/evidence-relay.js';
import type { ConnectorIdentityService } from './identity/connector-identity-service.js';
import { AgreementService } from './negotiation/agreement-service.js';
import { DutyService } from './negotiation/duty-service.js';
import { NegotiationService } from './negotiation/negotiation-service.js';
import { registerNegotiationRoutes } from './negotiation/negotiation-routes.js';
import { OfferBook } from './negotiation/offer-book.js';
import type { OperatorClient } from './space/operator-client.js';
import { transferFormats } from './transfer/transfer-formats.js';
import { registerTransferRoutes } from './transfer/transfer-routes.js';
import { TransferService } from './transfer/transfer-service.js';

export interface ContractsModule {
  /** What the sandbox shares with contracts: the database, evidence, identity and peer client. */
  context: ContractContext;
  receipts: EvidenceReceiptStore;
  negotiations: NegotiationService;
  transfers: TransferService;
  agreements: AgreementService;
  evidence: EvidenceRelay;
  streams: ActiveStreams;
}

/**
 * The connector's contracts (履约): negotiation, agreements, duties, transfers and the data plane
 * over DSP, each change with its evidence relayed to the space's ledger; the workers start here
 * and stop when the app closes.
 */
export function registerContracts(
  app: App,
  deps: {
    options: ConnectorOptions;
    identity: ConnectorIdentityService;
    fetcher: IdentityFetcher;
    operator: OperatorClient;
    remote: RemoteCatalog;
    assets: AssetService;
    assetStore: AssetStore;
    /** The secret desensitization keys derive from (the sandbox uses the same). */
    desensitizationKey: Uint8Array;
    /** Hands the access control its resolver of EDR tokens. */
    edrPrincipal: (resolve: (token: string) => Promise<EdrPrincipal | undefined>) => void;
  },
): ContractsModule {
  const { options, identity, fetcher, operator, remote, assets, assetStore } = deps;
  const now = options.now ?? (() => new Date());
  const logger = options.logger || undefined;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const ledgerStore = new LedgerStore(options.database);
  const receipts = new EvidenceReceiptStore(options.database, ledgerStore);
  const relay = new EvidenceRelay(receipts, operator, { logger, now });
  const ctx: ContractContext = {
    database: options.database,
    evidence: new EvidenceRecorder(ledgerStore, hashAlgorithm('sha256'), relay.wake, now),
    identity,
    fetcher,
    client: new DspClient(identity),
    dspBase: `${publicUrl}${dspBasePath}`,
    now,
    logger,
  };
  const negotiationStore = new NegotiationStore(options.database);
  const agreementStore = new AgreementStore(options.database);
  const transferStore = new TransferStore(options.database);
  const usage = new UsageStore(options.database);
  const streams = new ActiveStreams();
  const standing = new ConsumerStanding(fetcher, now);
  const negotiations = new NegotiationService(ctx, negotiationStore, agreementStore, new OfferBook(assetStore));
  const dataPlaneUrl = `${publicUrl}/dataplane/data`;
  const transfers = new TransferService(ctx, transferStore, agreementStore, negotiationStore, {
    dataPlaneUrl,
    cipher: options.secretCipher,
    halted: (id) => streams.haltTransfer(id),
    ...(options.edrTtlSeconds ? { edrTtlSeconds: options.edrTtlSeconds } : {}),
    formatRefusal: async (agreement, format) => {
      const asset = agreement.assetId ? await assetStore.findById(agreement.assetId) : undefined;
      if (!asset) return 'The dataset of this agreement is no longer held here';
      const wanted = transferFormats[format].accessMode;
      const isApi = asset.source.kind === 'http-api';
      if ((wanted === 'api') !== isApi) return `${format} does not fit this dataset (${isApi ? 'an API: use HttpProxy-PULL' : 'data: use HttpData-PULL'})`;
      if (transferFormats[format].push) return 'HttpData-PUSH is not offered by this connector yet';
      const ruled = asset.entry.dictionary?.fields.some((f) => f.desensitization);
      if (ruled && asset.source.kind === 'file' && asset.source.format === 'parquet') return 'This Parquet dataset has desensitization rules, which are applied to CSV and JSON Lines deliveries only';
      return undefined;
    },
  });
  const agreements = new AgreementService(ctx, agreementStore, transfers, receipts, usage, (id) => streams.haltAgreement(id));
  const guard = new AccessGuard(ctx, transferStore, agreementStore, usage, standing, (id) => transfers.confirmStarted(id), options.accessesPerMinute, async (assetId) => (await assetStore.findById(assetId))?.classification);
  const duties = new DutyService(ctx, agreementStore, new DutyStore(options.database), usage, negotiationStore);
  const dataDir = path.dirname(options.directories.uploads);
  deps.edrPrincipal(async (token) => {
    const transfer = await guard.transferOf(token);
    return transfer ? { grants: new Set([edrGrant]), actor: transfer.peerDid, transferId: transfer.id } : undefined;
  });
  registerDspProcessRoutes(app, { negotiations, transfers, negotiationStore, transferStore });
  registerNegotiationRoutes(app, { negotiations, agreements, duties, remote });
  registerTransferRoutes(app, {
    transfers,
    usage,
    pull: new PullClient(ctx, transfers, agreementStore, usage, options.directories.received ?? path.join(dataDir, 'received')),
  });
  registerDataPlaneRoutes(app, {
    guard,
    streams,
    content: new DeliveryContent(assets, assetStore, transferStore, options.directories.deliveries ?? path.join(dataDir, 'deliveries'), deps.desensitizationKey),
    proxy: new ApiProxy(assets, assetStore, streams),
    dataPlaneUrl,
    refreshToken: (transferId, consumerDid) => transfers.refreshToken(transferId, consumerDid),
    dutyReported: (report, consumerDid) => duties.reported(report, consumerDid),
  });

  relay.start();
  negotiations.delivery.start();
  transfers.delivery.start();
  standing.watch(streams, logger);
  app.addHook('onClose', async () => {
    standing.stop();
    await Promise.all([negotiations.delivery.stop(), transfers.delivery.stop()]);
    await relay.stop();
  });
  return { context: ctx, receipts, negotiations, transfers, agreements, evidence: relay, streams };
}
