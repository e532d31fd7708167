import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A registry per app (not prom-client's global one) so that `tds demo`, which runs several
 * nodes in one process, reports each node's figures on its own /metrics.
 */
export function registerMetrics(app: FastifyInstance, node: string, access: readonly string[]): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ node });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'tds_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // Figures about the node's traffic and process are for its operators only (issue 15): a
  // Prometheus scraper sends an API key (operator staff, or the connector's own) as a bearer token.
  app.get('/metrics', { config: { access }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
