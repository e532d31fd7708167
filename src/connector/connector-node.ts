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

export interface ConnectorOptions {
  name: string;
  operatorUrl: string;
  database: Database;
  apiKeyDigests: string[];
  keyStore: ConnectorKeyStore;
  keyAlgorithm?: SigningAlgorithm;
  /** Caching of DID documents, issuer and status lists when verifying peers. */
  identityFetch?: IdentityFetcherOptions;
  logger?: Logger | false;
}

export interface ConnectorNode {
  app: App;
  identity: ConnectorIdentityService;
}

const SelfBody = Type.Object({
  name: Type.String(),
  operatorUrl: Type.String(),
  version: Type.String(),
});

/**
 * The connector a participant runs: its identity (key, enrollment, credentials, peer
 * authentication); catalog, negotiation, transfer and sandbox modules attach here.
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
  registerAccessControl(app, connectorPrincipals({ apiKeyDigests: () => options.apiKeyDigests, identity, fetcher }));
  registerConsoleInfo(app, { node: 'connector', name: options.name, origin: options.operatorUrl });
  app.get('/api/v1/self', {
    config: { access: [connectorGrants.manage] },
    schema: { tags: ['management'], summary: 'This connector', response: { 200: SelfBody } },
  }, async () => ({ name: options.name, operatorUrl: options.operatorUrl, version: productVersion }));
  registerConnectorIdentityRoutes(app, identity);
  return { app, identity };
}
