import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/index.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import type { AssetService } from '../assets/asset-service.js';
import type { Admitted } from './access-guard.js';
import type { ActiveStreams } from './active-streams.js';

const TIMEOUT_MS = 30_000;
/** Request headers passed on to the provider's API; everything else (cookies, our bearer token) stays here. */
const FORWARDED = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since'];
const RETURNED = ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control'];

/**
 * API access through the data plane (接口调用): each admitted call is forwarded to the provider's
 * API asset, under the asset's own base URL (a path cannot climb out of it) with the secret auth
 * header only the connector knows, and streamed back. The consumer never learns the API's address
 * or credentials, and the call can be cut like any other flow.
 */
export class ApiProxy {
  constructor(
    private readonly assets: AssetService,
    private readonly assetStore: AssetStore,
    private readonly streams: ActiveStreams,
  ) {}

  async forward(admitted: Admitted, request: FastifyRequest, reply: FastifyReply, subPath: string): Promise<FastifyReply> {
    const asset = admitted.agreement.assetId ? await this.assetStore.findById(admitted.agreement.assetId) : undefined;
    if (!asset) throw new DomainError('dataplane.access-refused', 'The dataset of this agreement is no longer held here.');
    const source = await this.assets.sourceOf(asset);
    if (source.kind !== 'http-api') throw new DomainError('dataplane.access-refused', 'This dataset is not an API: use an HttpData-PULL transfer.');
    const base = new URL(source.baseUrl.endsWith('/') ? source.baseUrl : `${source.baseUrl}/`);
    const target = new URL(subPath.replace(/^\/+/, ''), base);
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) throw new DomainError('request.invalid', 'The path leaves the API.');
    target.search = new URL(request.url, 'http://x').search;
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const v = request.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    if (source.authHeader) headers[source.authHeader.name] = source.authHeader.value;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('the API did not answer in time')), TIMEOUT_MS);
    const leave = this.streams.add(
      { transferId: admitted.transfer.id, agreementId: admitted.agreement.id, consumerDid: admitted.transfer.peerDid, credentials: admitted.transfer.peerIdentity?.credentials ?? [] },
      { stop: (reason) => { controller.abort(new Error(reason)); reply.raw.destroy(); } },
    );
    const hasBody = !['GET', 'HEAD'].includes(request.method) && request.body !== undefined;
    let response: Response;
    try {
      response = await fetch(target, {
        method: request.method,
        headers,
        redirect: 'error',
        signal: controller.signal,
        ...(hasBody ? { body: typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body) } : {}),
      });
    } catch (error) {
      clearTimeout(timer);
      leave();
      throw new DomainError('dsp.peer-failed', `The provider's API did not answer: ${(error as Error).message}`);
    }
    reply.raw.once('close', () => {
      clearTimeout(timer);
      leave();
    });
    reply.code(response.status);
    for (const name of RETURNED) {
      const v = response.headers.get(name);
      if (v) reply.header(name, v);
    }
    reply.header('tds-agreement', admitted.agreement.id);
    if (!response.body) return reply.send();
    return reply.send(Readable.fromWeb(response.body as never));
  }
}
