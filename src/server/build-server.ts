import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { handleError, sendProblem } from './problem-details.js';
import { registerMetrics } from './metrics.js';
import { registerHealthRoutes, type ReadinessCheck } from './health-routes.js';
import { registerConsole } from './console-static.js';
import { registerRateLimit, type RateLimits } from './rate-limit.js';
import { registerSecurityHeaders, swaggerCsp } from './security-headers.js';
import { registerJsonDepthGuard } from './json-depth-guard.js';
import { registerContextRoutes } from './context-routes.js';

export interface ServerOptions {
  /** Names the node in logs, metrics and the OpenAPI title: 'operator' or 'connector'. */
  node: string;
  title: string;
  version: string;
  description: string;
  logger?: Logger | false;
  readiness: ReadinessCheck[];
  bodyLimit?: number;
  /** Grants that may read /metrics (checked by the node's access control); never public. */
  metricsAccess: readonly string[];
  /** Requests per client address on public and DSP routes; defaults in rate-limit.ts. */
  rateLimits?: Partial<RateLimits>;
  /** Reverse proxies trusted to name the client (X-Forwarded-For); none by default. */
  trustProxy?: string[];
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * The kernel both nodes share: schema validation (TypeBox, compiled), RFC 9457 errors,
 * OpenAPI 3.1 at /docs/json with the UI at /docs, Prometheus /metrics, /healthz and /readyz.
 * Routes are added by the caller after this returns; only the CLI listens.
 */
export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false } },
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setErrorHandler(handleError);
  registerJsonDepthGuard(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'route.not-found', `No endpoint ${request.method} ${request.url.split('?')[0]}.`),
  );

  await registerSecurityHeaders(app);
  await registerRateLimit(app, options.rateLimits);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.title, version: options.version, description: options.description },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Admin token or API key' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: swaggerCsp });

  registerMetrics(app, options.node, options.metricsAccess);
  registerHealthRoutes(app, options.readiness);
  registerContextRoutes(app);
  await registerConsole(app);
  return app;
}
