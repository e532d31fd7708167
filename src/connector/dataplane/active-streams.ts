/** Something flowing under a transfer that can be cut: a response stream, a proxied call, a push. */
export interface Stoppable {
  stop(reason: string): void;
}

interface Entry {
  transferId: string;
  agreementId: string;
  consumerDid: string;
  credentials: readonly string[];
  flow: Stoppable;
}

/**
 * Every data flow running on this provider's data plane, so that suspending or terminating a
 * transfer, revoking its agreement or suspending its consumer cuts the flows now, not at their
 * next request. Flows register when they start and leave when they end.
 */
export class ActiveStreams {
  private readonly entries = new Set<Entry>();

  add(entry: Omit<Entry, 'flow'>, flow: Stoppable): () => void {
    const item = { ...entry, flow };
    this.entries.add(item);
    return () => this.entries.delete(item);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The consumers with running flows, with the credentials they presented. */
  consumers(): Map<string, readonly string[]> {
    const out = new Map<string, readonly string[]>();
    for (const e of this.entries) if (!out.has(e.consumerDid)) out.set(e.consumerDid, e.credentials);
    return out;
  }

  haltTransfer(transferId: string, reason = 'the transfer stopped'): number {
    return this.halt((e) => e.transferId === transferId, reason);
  }

  haltAgreement(agreementId: string, reason = 'the agreement was revoked'): number {
    return this.halt((e) => e.agreementId === agreementId, reason);
  }

  haltConsumer(consumerDid: string, reason: string): number {
    return this.halt((e) => e.consumerDid === consumerDid, reason);
  }

  private halt(match: (e: Entry) => boolean, reason: string): number {
    let n = 0;
    for (const e of [...this.entries]) {
      if (!match(e)) continue;
      this.entries.delete(e);
      e.flow.stop(reason);
      n += 1;
    }
    return n;
  }
}
