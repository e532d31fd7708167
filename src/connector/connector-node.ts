import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { SigningAlgorithm } from '../core/crypto/signing-key.js';
import { productVersion } from '../core/version.js';
import type { Database } from '../store/database.js';
import { HeldIdentityStore } from '../store/identity/held-identity-store.js';
import { registerAccessControl } from '../server/access-control.js';
import { buildServer, type App } from '../server/build-server.js';
import { registerConsoleInfo } from '../server/console-info.js';
import { IdentityFetcher, type IdentityFetcherOptions } from '../server/identity/identity-fetcher.js';
import { ConnectorIdentityService } from './identity/connector-identity-service.js';
import { connectorGrants, connectorPrincipals } from './identity/connector-principals.js';
import type { ConnectorKeyStore } from './identity/file-key-store.js';
import { registerConnectorIdentityRoutes } from './identity/identity-routes.js';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import { AssetStore } from '../store/assets/asset-store.js';
import { AssetService, type AssetDirectories } from './assets/asset-service.js';
import { registerAssetRoutes } from './assets/asset-routes.js';
import { registerInterchangeRoutes } from './assets/interchange-routes.js';
import { PublicationService } from './assets/publication-service.js';
import { registerPublicationRoutes } from './assets/publication-routes.js';
import { registerCatalogProxyRoutes } from './catalog/catalog-proxy-routes.js';
import { dspBasePath, registerDspCatalogRoutes } from './catalog/dsp-catalog-routes.js';
import { RemoteCatalog } from './catalog/remote-catalog.js';
import { OperatorClient } from './space/operator-client.js';
import path from 'node:path';
import { hashAlgorithm } from '../core/crypto/hash-algorithm.js';
import { AgreementStore } from '../store/contracts/agreement-store.js';
import { EvidenceReceiptStore } from '../store/contracts/evidence-receipt-store.js';
import { NegotiationStore } from '../store/contracts/negotiation-store.js';
import { TransferStore } from '../store/contracts/transfer-store.js';
import { UsageStore } from '../store/contracts/usage-store.js';
import { EvidenceRecorder } from '../store/evidence/evidence-recorder.js';
import { LedgerStore } from '../store/ledger/ledger-store.js';
import { AccessGuard } from './dataplane/access-guard.js';
import { ActiveStreams } from './dataplane/active-streams.js';
import { ApiProxy } from './dataplane/api-proxy.js';
import { ConsumerStanding } from './dataplane/consumer-standing.js';
import { registerDataPlaneRoutes, edrGrant, type EdrPrincipal } from './dataplane/dataplane-routes.js';
import { DeliveryContent } from './dataplane/delivery-content.js';
import { EDR_PREFIX } from './dataplane/edr-token.js';
import { PullClient } from './dataplane/pull-client.js';
import type { ContractContext } from './dsp/contract-context.js';
import { DspClient } from './dsp/dsp-client.js';
import { registerDspProcessRoutes } from './dsp/dsp-process-routes.js';
import { EvidenceRelay } from './evidence/evidence-relay.js';
import { AgreementService } from './negotiation/agreement-service.js';
import { DutyService } from './negotiation/duty-service.js';
import { DutyStore } from '../store/contracts/duty-store.js';
import { NegotiationService } from './negotiation/negotiation-service.js';
import { registerNegotiationRoutes } from './negotiation/negotiation-routes.js';
import { OfferBook } from './negotiation/offer-book.js';
import { transferFormats } from './transfer/transfer-formats.js';
import { registerTransferRoutes } from './transfer/transfer-routes.js';
import { TransferService } from './transfer/transfer-service.js';
import { OnwardControl } from './transfer/onward-control.js';

export interface ConnectorOptions {
  name: string;
  operatorUrl: string;
  database: Database;
  apiKeyDigests: string[];
  keyStore: ConnectorKeyStore;
  keyAlgorithm?: SigningAlgorithm;
  /** Where peers and the catalog reach this connector (its DSP endpoint's base). */
  publicUrl: string;
  /** Uploaded files, and the directory file sources may be registered from; deliveries (prepared, watermarked copies) and received data default to siblings of uploads. */
  directories: AssetDirectories & { deliveries?: string; received?: string };
  /** Encrypts the secrets of asset sources (API auth headers, database URLs) at rest. */
  secretCipher: FieldCipher;
  /** Caching of DID documents, issuer and status lists when verifying peers. */
  identityFetch?: IdentityFetcherOptions;
  logger?: Logger | false;
  /** Data-plane accesses allowed per agreement per minute (default 600). */
  accessesPerMinute?: number;
  /** EDR token lifetime in seconds (default 600). */
  edrTtlSeconds?: number;
  now?: () => Date;
}

export interface ConnectorNode {
  app: App;
  identity: ConnectorIdentityService;
  assets: AssetService;
  publications: PublicationService;
  negotiations: NegotiationService;
  transfers: TransferService;
  agreements: AgreementService;
  evidence: EvidenceRelay;
  streams: ActiveStreams;
}

const SelfBody = Type.Object({
  name: Type.String(),
  operatorUrl: Type.String(),
  version: Type.String(),
});

/**
 * The connector a participant runs: its identity (key, enrollment, credentials, peer
 * authentication), its asset registry and publication, discovery through the operator's catalog
 * and its own DSP catalog; negotiation, transfer and sandbox modules attach here.
 */
export async function createConnectorNode(options: ConnectorOptions): Promise<ConnectorNode> {
  const identity = new ConnectorIdentityService(options.operatorUrl, new HeldIdentityStore(options.database), options.keyStore, options.keyAlgorithm);
  const fetcher = new IdentityFetcher(options.operatorUrl, options.identityFetch);
  const app = await buildServer({
    node: 'connector',
    title: 'Trustspace connector API',
    version: productVersion,
    description: `The connector of participant "${options.name}" in a Trustspace trusted data space (可信数据空间).`,
    logger: options.logger,
    readiness: [{ name: 'database', check: () => options.database.ping() }],
  });
  const principals = connectorPrincipals({ apiKeyDigests: () => options.apiKeyDigests, identity, fetcher });
  // Assigned below, once the data plane exists: an EDR token admits its one transfer's data plane.
  let edrPrincipal: (token: string) => Promise<EdrPrincipal | undefined> = async () => undefined;
  registerAccessControl(app, (token, request) => (token.startsWith(EDR_PREFIX) ? edrPrincipal(token) : principals(token, request)));
  registerConsoleInfo(app, { node: 'connector', name: options.name, origin: options.operatorUrl });
  app.get('/api/v1/self', {
    config: { access: [connectorGrants.manage] },
    schema: { tags: ['management'], summary: 'This connector', response: { 200: SelfBody } },
  }, async () => ({ name: options.name, operatorUrl: options.operatorUrl, version: productVersion }));
  registerConnectorIdentityRoutes(app, identity);

  const operator = new OperatorClient(options.operatorUrl, identity);
  const assetStore = new AssetStore(options.database);
  // Received data may be offered again only if its agreement permits (onward transfer control).
  const onward = new OnwardControl(new UsageStore(options.database), new AgreementStore(options.database), identity, options.now);
  const assets = new AssetService(options.database, assetStore, options.secretCipher, options.directories, options.now, onward.check);
  const publications = new PublicationService(assets, assetStore, operator, identity, options.publicUrl);
  registerAssetRoutes(app, { assets, store: assetStore });
  registerInterchangeRoutes(app, { assets, store: assetStore });
  registerPublicationRoutes(app, { publications, store: assetStore });
  const remote = new RemoteCatalog(operator, identity);
  registerCatalogProxyRoutes(app, operator, remote);
  registerDspCatalogRoutes(app, { store: assetStore, identity, publicUrl: options.publicUrl });

  // Contracts: negotiation, agreements, transfers, data plane, each change with its evidence.
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
      return undefined;
    },
  });
  const agreements = new AgreementService(ctx, agreementStore, transfers, receipts, usage, (id) => streams.haltAgreement(id));
  const guard = new AccessGuard(ctx, transferStore, agreementStore, usage, standing, (id) => transfers.confirmStarted(id), options.accessesPerMinute);
  const duties = new DutyService(ctx, agreementStore, new DutyStore(options.database), usage, negotiationStore);
  const dataDir = path.dirname(options.directories.uploads);
  edrPrincipal = async (token) => {
    const transfer = await guard.transferOf(token);
    return transfer ? { grants: new Set([edrGrant]), actor: transfer.peerDid, transferId: transfer.id } : undefined;
  };
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
    content: new DeliveryContent(assets, assetStore, transferStore, options.directories.deliveries ?? path.join(dataDir, 'deliveries')),
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
  return { app, identity, assets, publications, negotiations, transfers, agreements, evidence: relay, streams };
}
