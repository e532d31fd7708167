import { DomainError } from '../../core/errors/index.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import type { OperatorClient } from '../space/operator-client.js';

interface Resolution {
  id: string;
  status: string;
  provider: { id: string; did?: string };
  connectorUrl?: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Step 3 of the main flow, after discovery: the provider's own DSP catalog, read for the live
 * offers of an entry found in the operator's catalog. Where to ask and whom to address come from
 * the operator's resolution of the entry's URN, never from the caller, so our identity token is
 * only ever addressed to the DID the space vouches for.
 */
export class RemoteCatalog {
  constructor(
    private readonly operator: OperatorClient,
    private readonly identity: ConnectorIdentityService,
  ) {}

  async datasetOf(entryId: string): Promise<Record<string, unknown>> {
    return (await this.locate(entryId)).dataset;
  }

  /**
   * Where an entry's provider can be negotiated with: its DSP base and DID (from the operator's
   * resolution), and the dataset as the provider's own catalog shows it to us, with its offers.
   */
  async locate(entryId: string): Promise<{ dspBase: string; providerDid: string; providerParticipant: string; dataset: Record<string, unknown> }> {
    const resolved = await this.operator.json<Resolution>('GET', `/api/v1/catalog/resolve?id=${encodeURIComponent(entryId)}`);
    if (!resolved.connectorUrl || !resolved.provider.did) throw new DomainError('catalog.entry-not-found', `${entryId} names no provider connector to ask.`);
    if (resolved.status !== 'published') throw new DomainError('catalog.invalid-transition', `${entryId} is ${resolved.status}.`);
    const base = resolved.connectorUrl.replace(/\/+$/, '');
    const versions = (await this.fetchJson(`${base}/.well-known/dspace-version`)) as { protocolVersions?: Array<{ version: string; path: string }> };
    const path = versions.protocolVersions?.find((v) => v.version === '2025-1')?.path;
    if (!path) throw new DomainError('identity.operator-unreachable', `${base} speaks no Dataspace Protocol 2025-1.`);
    const dspBase = `${base}${path.startsWith('/') ? '' : '/'}${path}`.replace(/\/+$/, '');
    const token = await this.identity.tokenFor(resolved.provider.did);
    const dataset = (await this.fetchJson(`${dspBase}/catalog/datasets/${encodeURIComponent(entryId)}`, token)) as Record<string, unknown>;
    return { dspBase, providerDid: resolved.provider.did, providerParticipant: resolved.provider.id, dataset };
  }

  private async fetchJson(url: string, token?: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new DomainError('identity.operator-unreachable', `${url} did not answer: ${(error as Error).message}`);
    }
    if (response.status === 404) throw new DomainError('catalog.entry-not-found', `The provider's connector does not offer this dataset to us.`);
    if (!response.ok) throw new DomainError('identity.operator-unreachable', `${url} answered ${response.status}.`);
    return response.json();
  }
}
