/** A failed call to the operator's ledger API (network, status or body shape). */
export class LedgerClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerClientError';
  }
}

export interface ServedEntry {
  index: number;
  leaf: string;
  entry: unknown;
}

const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** The public, unauthenticated ledger API of an operator, as an outside verifier sees it. */
export class LedgerClient {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async verifierKey(): Promise<string> {
    return (await this.text('/ledger/verifier-key')).trim();
  }

  checkpoint(): Promise<string> {
    return this.text('/ledger/checkpoint');
  }

  async entries(from: number, to: number): Promise<{ to: number; entries: ServedEntry[] }> {
    const body = (await this.json(`/ledger/entries?from=${from}&to=${to}`)) as { to?: unknown; entries?: unknown };
    if (typeof body.to !== 'number' || !Array.isArray(body.entries)) throw new LedgerClientError('entries page has an unexpected shape');
    return { to: body.to, entries: body.entries as ServedEntry[] };
  }

  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    return this.proof(`/ledger/proof/inclusion?index=${index}&size=${size}`);
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    return this.proof(`/ledger/proof/consistency?from=${from}&to=${to}`);
  }

  private async proof(pathAndQuery: string): Promise<Uint8Array[]> {
    const body = (await this.json(pathAndQuery)) as { hashes?: unknown };
    if (!Array.isArray(body.hashes) || !body.hashes.every((h) => typeof h === 'string')) {
      throw new LedgerClientError(`${pathAndQuery}: proof has an unexpected shape`);
    }
    return (body.hashes as string[]).map(fromB64);
  }

  private async request(pathAndQuery: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${pathAndQuery}`, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new LedgerClientError(`${this.base}${pathAndQuery}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new LedgerClientError(`${pathAndQuery}: HTTP ${response.status} ${detail.slice(0, 200)}`);
    }
    return response;
  }

  private async text(pathAndQuery: string): Promise<string> {
    return (await this.request(pathAndQuery)).text();
  }

  private async json(pathAndQuery: string): Promise<unknown> {
    try {
      return await (await this.request(pathAndQuery)).json();
    } catch (error) {
      if (error instanceof LedgerClientError) throw error;
      throw new LedgerClientError(`${pathAndQuery}: not JSON`);
    }
  }
}
