import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** A named readiness check: true when the dependency can serve requests now. */
export type ReadinessCheck = { name: string; check: () => Promise<boolean> };

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
});

/** /healthz: the process is alive. /readyz: every dependency answers (503 otherwise). */
export function registerHealthRoutes(app: FastifyInstance, checks: ReadinessCheck[]): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: HealthBody } } }, async () => ({ status: 'ok' as const }));
  app.get(
    '/readyz',
    { schema: { tags: ['operations'], response: { 200: HealthBody, 503: HealthBody } } },
    async (_request, reply) => {
      const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
      const ok = results.every(([, passed]) => passed);
      reply.code(ok ? 200 : 503);
      return { status: ok ? ('ok' as const) : ('unavailable' as const), checks: Object.fromEntries(results) };
    },
  );
}
