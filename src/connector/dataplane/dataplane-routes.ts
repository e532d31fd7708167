import { createReadStream } from 'node:fs';
import { Type, type Static } from 'typebox';
import { DutyReportBody } from '../negotiation/contract-schemas.js';
import { DomainError } from '../../core/errors/index.js';
import { principalOf, type Principal } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { connectorGrants, type PeerPrincipal } from '../identity/connector-principals.js';
import type { AccessGuard } from './access-guard.js';
import type { ActiveStreams } from './active-streams.js';
import { parseByteRange } from './byte-range.js';
import { decodePurposeHeader, purposeHeader } from './purpose-header.js';
import type { DeliveryContent } from './delivery-content.js';
import type { ApiProxy } from './api-proxy.js';

/** The grant an EDR token gives: the data plane of its one transfer, nothing else. */
export const edrGrant = 'dataplane:edr';

/** A caller authenticated by an EDR token: the provider transfer it was issued for. */
export interface EdrPrincipal extends Principal {
  transferId: string;
}

const tags = ['dataplane'];
const CHUNK = 1 << 20;

export interface DataPlaneDeps {
  guard: AccessGuard;
  content: DeliveryContent;
  streams: ActiveStreams;
  proxy: ApiProxy;
  /** Where pull transfers download from. */
  dataPlaneUrl: string;
  refreshToken: (transferId: string, consumerDid: string) => Promise<{ token: string; expiresAt: string }>;
  /** A consumer's report that it performed a duty of an agreement. */
  dutyReported: (report: Static<typeof DutyReportBody>, consumerDid: string) => Promise<void>;
}

/**
 * The provider's data plane (数据平面) over HTTP: pull downloads with an EDR token (ranged and
 * resumable, streamed from disk, never buffered whole), API calls proxied per call, and EDR
 * refresh for the consumer's connector. Every request passes the access guard first; every
 * running flow is registered, so a suspension or revocation cuts it at once.
 */
export function registerDataPlaneRoutes(app: App, deps: DataPlaneDeps): void {
  app.get('/dataplane/data', {
    config: { access: [edrGrant] },
    schema: { tags, summary: 'Download the data of a pull transfer (EDR token as bearer); supports Range', produces: ['application/octet-stream'] },
  }, async (request, reply) => {
    const { transferId } = principalOf(request) as EdrPrincipal;
    const head = request.method === 'HEAD';
    const rangeHeader = typeof request.headers.range === 'string' ? request.headers.range : undefined;
    const purpose = decodePurposeHeader(request.headers[purposeHeader]);
    // A new download counts as one use; resuming it (a range not from 0) or HEAD does not.
    const fresh = !head && (!rangeHeader || /^bytes=0-/.test(rangeHeader.trim()));
    const admitted = await deps.guard.admit(transferId, { kind: 'download', counts: fresh, ...(purpose ? { purpose } : {}), ...(rangeHeader ? { detail: rangeHeader } : {}) });
    const delivery = await deps.content.prepare(admitted.transfer, admitted.agreement);
    const range = parseByteRange(rangeHeader, delivery.bytes);
    if (range === 'unsatisfiable') {
      reply.header('content-range', `bytes */${delivery.bytes}`);
      throw new DomainError('dataplane.range-invalid', `The content has ${delivery.bytes} bytes.`);
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? delivery.bytes - 1;
    const length = delivery.bytes === 0 ? 0 : end - start + 1;
    reply
      .code(range ? 206 : 200)
      .header('content-type', delivery.mediaType)
      .header('content-length', String(length))
      .header('accept-ranges', 'bytes')
      .header('etag', `"${delivery.sha256}"`)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(delivery.fileName)}`)
      .header('tds-agreement', admitted.agreement.id)
      .header('repr-digest', `sha-256=:${Buffer.from(delivery.sha256, 'hex').toString('base64')}:`);
    if (range) reply.header('content-range', `bytes ${start}-${end}/${delivery.bytes}`);
    if (head || length === 0) return reply.send();

    const stream = createReadStream(delivery.path, { start, end, highWaterMark: CHUNK });
    let sent = 0;
    let cut: string | undefined;
    stream.on('data', (chunk) => (sent += chunk.length));
    const leave = deps.streams.add(
      { transferId, agreementId: admitted.agreement.id, consumerDid: admitted.transfer.peerDid, credentials: admitted.transfer.peerIdentity?.credentials ?? [] },
      {
        stop: (reason) => {
          cut = reason;
          stream.destroy(new Error(reason));
          reply.raw.destroy();
        },
      },
    );
    reply.raw.once('close', () => {
      leave();
      const whole = !range || (start === 0 && end === delivery.bytes - 1);
      const complete = !cut && sent === length && reply.raw.writableFinished;
      void deps.guard
        .finish(admitted, complete ? 'completed' : 'interrupted', sent, {
          sha256: complete && whole ? delivery.sha256 : null,
          range: range ? `${start}-${end}` : null,
          watermarked: delivery.watermarked ?? false,
          ...(cut ? { cut } : {}),
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'recording the end of a download failed'));
    });
    return reply.send(stream);
  });

  app.all('/dataplane/api/*', {
    config: { access: [edrGrant] },
    schema: { tags, summary: "Call the provider's API asset through the data plane (EDR token as bearer); each call is checked and metered", hide: false },
  }, async (request, reply) => {
    const { transferId } = principalOf(request) as EdrPrincipal;
    const sub = (request.params as { '*': string })['*'];
    const purpose = decodePurposeHeader(request.headers[purposeHeader]);
    const admitted = await deps.guard.admit(transferId, { kind: 'api-call', counts: true, detail: `${request.method} /${sub}`.slice(0, 500), ...(purpose ? { purpose } : {}) });
    return deps.proxy.forward(admitted, request, reply, sub);
  });

  app.post('/dataplane/duties', {
    config: { access: [connectorGrants.peer] },
    schema: { tags, summary: "The consumer's connector reports a duty it performed under an agreement (identity token)", body: DutyReportBody, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deps.dutyReported(request.body, (principalOf(request) as PeerPrincipal).peer.did);
    return reply.code(204).send(null);
  });

  app.post('/dataplane/token', {
    config: { access: [connectorGrants.peer] },
    schema: {
      tags,
      summary: "A new EDR token for a running pull transfer (the consumer's connector, by identity token)",
      body: Type.Object({ transferId: Type.String({ minLength: 1, maxLength: 200, description: "The provider's pid of the transfer" }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), endpoint: Type.String() }) },
    },
  }, async (request) => {
    const peer = principalOf(request) as PeerPrincipal;
    const edr = await deps.refreshToken(request.body.transferId, peer.peer.did);
    return { ...edr, endpoint: deps.dataPlaneUrl };
  });
}
