import { didWebToUrl, type DidDocument } from '../../core/credentials/did-web.js';
import { TtlCache } from './ttl-cache.js';

export interface IdentityFetcherOptions {
  /** How long DID documents, issuer lists and status lists are reused; status changes take at most this long to apply. */
  cacheMs?: number;
  timeoutMs?: number;
  /** did:web hosts reached over plain HTTP (loopback demo spaces); everything else over HTTPS. */
  allowHttp?: (host: string) => boolean;
}

const loopback = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host);

/**
 * The network side of verifying another node's identity token: did:web resolution, the trusted
 * issuer list of our operator, and status list credentials, each cached for a short time.
 */
export class IdentityFetcher {
  private readonly dids: TtlCache<DidDocument>;
  private readonly lists: TtlCache<string>;
  private readonly issuers: TtlCache<string[]>;
  private readonly timeoutMs: number;
  private readonly allowHttp: (host: string) => boolean;

  constructor(
    private readonly operatorUrl: string,
    options: IdentityFetcherOptions = {},
  ) {
    const ttl = options.cacheMs ?? 30_000;
    this.dids = new TtlCache(ttl);
    this.lists = new TtlCache(ttl);
    this.issuers = new TtlCache(ttl);
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.allowHttp = options.allowHttp ?? loopback;
  }

  resolveDidDocument = (did: string): Promise<DidDocument> =>
    this.dids.get(did, async () => (await this.getJson(didWebToUrl(did, { allowHttpHosts: this.allowHttp }))) as DidDocument);

  fetchStatusList = (url: string): Promise<string> => this.lists.get(url, () => this.getText(url));

  trustedIssuers = (): Promise<string[]> =>
    this.issuers.get('issuers', async () => {
      const body = (await this.getJson(`${this.operatorUrl.replace(/\/+$/, '')}/api/v1/trust/issuers`)) as { items: Array<{ did: string }> };
      return body.items.map((i) => i.did);
    });

  async getJson(url: string): Promise<unknown> {
    return JSON.parse(await this.getText(url));
  }

  private async getText(url: string): Promise<string> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.text();
  }
}
