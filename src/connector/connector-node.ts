import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { SigningAlgorithm } from '../core/crypto/signing-key.js';
import { productVersion } from '../core/version.js';
import type { Database } from '../store/database.js';
import { HeldIdentityStore } from '../store/identity/held-identity-store.js';
import { registerAccessControl } from '../server/access-control.js';
import { buildServer, type App } from '../server/build-server.js';
import { registerConsoleInfo } from '../server/console-info.js';
import { registerCodeListRoutes } from '../server/code-list-routes.js';
import { IdentityFetcher, type IdentityFetcherOptions } from '../server/identity/identity-fetcher.js';
import { ConnectorIdentityService } from './identity/connector-identity-service.js';
import { connectorGrants, connectorPrincipals } from './identity/connector-principals.js';
import type { RateLimits } from '../server/rate-limit.js';
import type { ConnectorKeyStore } from './identity/file-key-store.js';
import { registerConnectorIdentityRoutes } from './identity/identity-routes.js';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import { AssetStore } from '../store/assets/asset-store.js';
import { AssetService, type AssetDirectories } from './assets/asset-service.js';
import { registerAssetRoutes } from './assets/asset-routes.js';
import { registerInterchangeRoutes } from './assets/interchange-routes.js';
import { PublicationService } from './assets/publication-service.js';
import { registerPublicationRoutes } from './assets/publication-routes.js';
import { registerPolicyRoutes } from './policies/policy-routes.js';
import { registerCatalogProxyRoutes } from './catalog/catalog-proxy-routes.js';
import { registerDspCatalogRoutes } from './catalog/dsp-catalog-routes.js';
import { registerContracts, type ContractsModule } from './contracts-module.js';
import type { EdrPrincipal } from './dataplane/dataplane-routes.js';
import { RemoteCatalog } from './catalog/remote-catalog.js';
import { OperatorClient } from './space/operator-client.js';
import { AgreementStore } from '../store/contracts/agreement-store.js';
import { UsageStore } from '../store/contracts/usage-store.js';
import { EDR_PREFIX } from './dataplane/edr-token.js';
import { OnwardControl } from './transfer/onward-control.js';
import { registerSandbox, type SandboxModule, type SandboxOptions } from './sandbox/sandbox-module.js';

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
  /** Reverse proxies (addresses, CIDR) trusted to name the client in X-Forwarded-For. */
  trustProxy?: string[];
  /** Requests per client address on public and DSP routes; the defaults suit production. */
  rateLimits?: Partial<RateLimits>;
  /** Data-plane accesses allowed per agreement per minute (default 600). */
  accessesPerMinute?: number;
  /** EDR token lifetime in seconds (default 600). */
  edrTtlSeconds?: number;
  /** The data sandbox's key and limits. */
  sandbox?: SandboxOptions;
  now?: () => Date;
}

export interface ConnectorNode extends ContractsModule {
  app: App;
  sandbox: SandboxModule;
  identity: ConnectorIdentityService;
  assets: AssetService;
  publications: PublicationService;
}

const SelfBody = Type.Object({
  name: Type.String(),
  operatorUrl: Type.String(),
  version: Type.String(),
});

/**
 * The connector a participant runs: its identity (key, enrollment, credentials, peer
 * authentication), its asset registry and publication, discovery through the operator's catalog
 * and its own DSP catalog; the contracts (negotiation, transfer, data plane) and sandbox modules attach here.
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
    metricsAccess: [connectorGrants.manage],
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    readiness: [{ name: 'database', check: () => options.database.ping() }],
  });
  const principals = connectorPrincipals({ apiKeyDigests: () => options.apiKeyDigests, identity, fetcher });
  // Assigned below, once the data plane exists: an EDR token admits its one transfer's data plane.
  let edrPrincipal: (token: string) => Promise<EdrPrincipal | undefined> = async () => undefined;
  registerAccessControl(app, (token, request) => (token.startsWith(EDR_PREFIX) ? edrPrincipal(token) : principals(token, request)));
  registerConsoleInfo(app, { node: 'connector', name: options.name, origin: options.operatorUrl });
  registerCodeListRoutes(app);
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
  registerPolicyRoutes(app);
  const remote = new RemoteCatalog(operator, identity);
  registerCatalogProxyRoutes(app, operator, remote);
  registerDspCatalogRoutes(app, { store: assetStore, identity, publicUrl: options.publicUrl });

  // One desensitization secret for sandbox views and delivered files, so a hashed value reads the
  // same in both; without a configured one (tests), hashes and tokens last as long as the process.
  const desensitizationKey = options.sandbox?.key ?? randomBytes(32);
  const contracts = registerContracts(app, { options, identity, fetcher, operator, remote, assets, assetStore, desensitizationKey, edrPrincipal: (resolve) => (edrPrincipal = resolve) });
  const sandbox = registerSandbox(app, { options, ctx: contracts.context, receipts: contracts.receipts, assets, assetStore, desensitizationKey });
  return { app, identity, assets, publications, sandbox, ...contracts };
}
