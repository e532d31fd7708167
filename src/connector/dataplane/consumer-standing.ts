import type { Logger } from 'pino';
import { checkCredentialStatus } from '../../core/credentials/credential-status-check.js';
import { findVerificationKey } from '../../core/credentials/did-web.js';
import { decodeCredentialJwt } from '../../core/credentials/vc-jose.js';
import type { IdentityFetcher } from '../../server/identity/identity-fetcher.js';
import type { ActiveStreams } from './active-streams.js';

/** Status lists are fetched at most this often while data flows: a suspension is seen within it. */
const FRESH_MS = 400;
const TIMEOUT_MS = 2000;

/**
 * Whether a consumer is still in good standing: its credentials (as it presented them when the
 * transfer started) not revoked or suspended, per status lists at most 0.4 s old. The identity
 * fetcher's status cache (30 s) is right for authenticating requests, too slow for cutting a
 * running transfer of a suspended participant within a second; the data plane uses this one.
 */
export class ConsumerStanding {
  private readonly lists = new Map<string, { at: number; text: Promise<string> }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly fetcher: IdentityFetcher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Why the consumer may no longer receive data, or undefined when it may. */
  async refusal(credentials: readonly string[]): Promise<string | undefined> {
    const lists = new Map();
    for (const jwt of credentials) {
      let vc;
      try {
        vc = decodeCredentialJwt(jwt).payload;
      } catch {
        continue;
      }
      try {
        await checkCredentialStatus(vc, {
          now: this.now(),
          clockSkewSeconds: 60,
          fetchStatusList: (url) => this.fresh(url),
          resolveKey: async (issuer, kid) => findVerificationKey(await this.fetcher.resolveDidDocument(issuer), kid),
          lists,
        });
      } catch (error) {
        return (error as Error).message;
      }
    }
    return undefined;
  }

  /** Re-checks every consumer with running flows every 0.4 s, and cuts the flows of one that lost its standing. */
  watch(streams: ActiveStreams, logger?: Logger): void {
    let busy = false;
    this.timer = setInterval(() => {
      if (busy || streams.size === 0) return;
      busy = true;
      void (async () => {
        for (const [did, credentials] of streams.consumers()) {
          const why = await this.refusal(credentials);
          if (why) {
            const n = streams.haltConsumer(did, `the consumer lost its standing: ${why}`);
            logger?.warn({ consumer: did, flows: n, why }, 'data flows cut: consumer credential no longer valid');
          }
        }
      })().finally(() => (busy = false));
    }, FRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private fresh(url: string): Promise<string> {
    const known = this.lists.get(url);
    const now = Date.now();
    if (known && now - known.at < FRESH_MS) return known.text;
    const text = fetch(url, { headers: { accept: 'application/vc+jwt, application/jwt, text/plain' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) }).then((r) => {
      if (!r.ok) throw new Error(`status list ${url} answered ${r.status}`);
      return r.text();
    });
    this.lists.set(url, { at: now, text });
    text.catch(() => this.lists.delete(url));
    return text;
  }
}
