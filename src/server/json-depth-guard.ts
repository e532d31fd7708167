import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH, tooDeepAt } from '../core/canonical-json/json-depth.js';
import { DomainError } from '../core/errors/index.js';

/**
 * Refuses JSON request bodies nested deeper than MAX_JSON_DEPTH with 400 `request.too-deep`,
 * on every route of both nodes, before schema validation: the validator, the handlers and
 * canonical JSON all walk bodies recursively, and a body thousands deep would end in a
 * RangeError (a 500) in whichever walks it first.
 */
export function registerJsonDepthGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Only parsed JSON: uploads and other streamed bodies are objects too, but not documents.
    if (!String(request.headers['content-type'] ?? '').includes('json')) return;
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || !(Array.isArray(body) || [Object.prototype, null].includes(Object.getPrototypeOf(body)))) return;
    const at = tooDeepAt(body);
    if (at) throw new DomainError('request.too-deep', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`, [{ pointer: at, detail: `deeper than ${MAX_JSON_DEPTH} levels` }]);
  });
}
