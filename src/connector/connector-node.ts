import type { Logger } from 'pino';
import { Type } from 'typebox';
import { productVersion } from '../core/version.js';
import type { Database } from '../store/database.js';
import { buildServer, type App } from '../server/build-server.js';
import { requireBearerToken } from '../server/bearer-auth.js';

export interface ConnectorOptions {
  name: string;
  operatorUrl: string;
  database: Database;
  apiKeyDigests: string[];
  logger?: Logger | false;
}

export interface ConnectorNode {
  app: App;
}

const SelfBody = Type.Object({
  name: Type.String(),
  operatorUrl: Type.String(),
  version: Type.String(),
});

/**
 * The connector a participant runs. This first version carries the node kernel and the
 * management API's authentication; catalog, negotiation, transfer and sandbox modules attach here.
 */
export async function createConnectorNode(options: ConnectorOptions): Promise<ConnectorNode> {
  const app = await buildServer({
    node: 'connector',
    title: 'Trustspace connector API',
    version: productVersion,
    description: `The connector of participant "${options.name}" in a Trustspace trusted data space (可信数据空间).`,
    logger: options.logger,
    readiness: [{ name: 'database', check: () => options.database.ping() }],
  });
  app.get('/api/v1/self', {
    preHandler: requireBearerToken(() => options.apiKeyDigests),
    schema: { tags: ['management'], summary: 'This connector', security: [{ bearer: [] }], response: { 200: SelfBody } },
  }, async () => ({ name: options.name, operatorUrl: options.operatorUrl, version: productVersion }));
  return { app };
}
