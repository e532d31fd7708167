import { Type } from 'typebox';
import { dspEndpoints, type DspEndpoint, type Side } from '../../core/dsp/index.js';
import { inDspContext, toDspCompacted } from '../../core/dsp/dsp-json-ld.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import type { TransferStore } from '../../store/contracts/transfer-store.js';
import { dspBasePath } from '../catalog/dsp-catalog-routes.js';
import { connectorGrants, type PeerPrincipal } from '../identity/connector-principals.js';
import type { NegotiationService } from '../negotiation/negotiation-service.js';
import type { TransferService } from '../transfer/transfer-service.js';
import type { VerifiedPeer } from './contract-context.js';
import type { DspReply } from './dsp-reply.js';
import { traceDsp } from './dsp-trace.js';
import { settled } from './settled.js';

const tags = ['dsp'];
const PidParams = Type.Object({ pid: Type.String({ minLength: 1, maxLength: 500 }) });
// DSP bodies are read by core's reader, which reports every problem with its JSON Pointer in the
// protocol's own error message; a schema here would answer malformed messages in another format.
const AnyBody = Type.Unknown({ description: 'A DSP 2025-1 message, compacted JSON-LD' });

const peerOf = (request: Parameters<typeof principalOf>[0]): { peer: VerifiedPeer; credentials: string[] } => {
  const p = (principalOf(request) as PeerPrincipal).peer;
  return { peer: { did: p.did, participantId: p.participantId, roles: p.roles, legalEntity: p.legalEntity }, credentials: p.credentials };
};

/**
 * The contract negotiation and transfer process endpoints of the DSP 2025-1 HTTPS binding, for
 * both sides, from core's binding table. Both sides live under one base, so the provider's and
 * the consumer's paths coincide (`/negotiations/:pid/termination`); which side a message is for
 * is the side of our record with that pid. Callers are other members' connectors (identity token).
 */
export function registerDspProcessRoutes(app: App, deps: { negotiations: NegotiationService; transfers: TransferService; negotiationStore: NegotiationStore; transferStore: TransferStore }): void {
  // Peers may label DSP's compacted JSON-LD as what it is.
  if (!app.hasContentTypeParser('application/ld+json')) app.addContentTypeParser('application/ld+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  const groups = new Map<string, DspEndpoint[]>();
  for (const e of dspEndpoints) {
    if (e.protocol === 'catalog') continue;
    const key = `${e.method} ${e.path.replace(/:(providerPid|consumerPid)/, ':pid')}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }

  const roleOf = async (protocol: 'negotiation' | 'transfer', pid: string): Promise<Side | undefined> =>
    protocol === 'negotiation' ? (await deps.negotiationStore.find(pid))?.role : (await deps.transferStore.find(pid))?.role;

  for (const [key, endpoints] of groups) {
    const [method, path] = key.split(' ') as ['GET' | 'POST', string];
    const first = endpoints[0]!;
    const hasPid = path.includes(':pid');
    const summary = endpoints.map((e) => `${e.role}: ${e.message}${e.eventType ? ` (${e.eventType})` : ''}`).join('; ');
    app.route({
      method,
      url: `${dspBasePath}${path}`,
      config: { access: [connectorGrants.peer] },
      schema: { tags, summary: `DSP ${first.protocol} — ${summary}`, ...(hasPid ? { params: PidParams } : {}), ...(method === 'POST' ? { body: AnyBody } : {}) },
      handler: async (request, reply) => {
        const pid = hasPid ? (request.params as { pid: string }).pid : undefined;
        const { peer, credentials } = peerOf(request);
        let endpoint = first;
        if (endpoints.length > 1 && pid) {
          const role = await roleOf(first.protocol as 'negotiation' | 'transfer', pid);
          endpoint = endpoints.find((e) => e.role === role) ?? first;
        }
        traceDsp('received', request.url, undefined, request.body);
        // Another JSON-LD form of a DSP message (expanded, other contexts) is brought into DSP's first.
        const body = method === 'POST' && !inDspContext(request.body) ? ((await toDspCompacted(request.body)) ?? request.body) : request.body;
        const answer = await settled(async (): Promise<DspReply> => {
          if (method === 'GET') return first.protocol === 'negotiation' ? deps.negotiations.read(pid!, peer) : deps.transfers.read(pid!, peer);
          if (first.protocol === 'negotiation') return deps.negotiations.receive(endpoint, body, pid, peer);
          return deps.transfers.receive(endpoint, body, pid, peer, credentials);
        });
        traceDsp('answer-sent', request.url, answer.status, answer.body);
        return reply.code(answer.status).type('application/json').send(answer.body);
      },
    });
  }
}

