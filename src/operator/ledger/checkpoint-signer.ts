import type { Ed25519KeyPair } from '../../core/crypto/ed25519-key.js';
import { DomainError } from '../../core/errors/index.js';
import { formatCheckpoint } from '../../core/ledger/checkpoint.js';
import { noteVerifierKey, parseVerifierKey, signNote } from '../../core/ledger/signed-note.js';

/**
 * Signs C2SP checkpoints for the space's log with the operator's Ed25519 key. The key name is
 * the log's origin, so the verifier key alone tells a client which log it verifies. Halted while
 * the log fails its self-verification (ledger-self-check.ts): a signature would vouch for a
 * tree the operator knows to be wrong.
 */
export class CheckpointSigner {
  readonly verifierKey: string;
  private readonly keyId: Uint8Array;
  private halted: string | undefined;

  constructor(
    readonly origin: string,
    private readonly key: Ed25519KeyPair,
  ) {
    this.verifierKey = noteVerifierKey(origin, key.publicKey);
    this.keyId = parseVerifierKey(this.verifierKey).keyId;
  }

  /** Why signing is halted, if it is. */
  get haltedBecause(): string | undefined {
    return this.halted;
  }

  halt(reason: string): void {
    this.halted = reason;
  }

  resume(): void {
    this.halted = undefined;
  }

  sign(size: number, rootHash: Uint8Array): string {
    if (this.halted) throw new DomainError('ledger.integrity-failed', `The ledger does not verify (${this.halted}); no checkpoint is signed until it does.`);
    const body = formatCheckpoint({ origin: this.origin, size, rootHash });
    return signNote(body, this.origin, (message) => this.key.sign(message), this.keyId);
  }
}
