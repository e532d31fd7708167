import type { Ed25519KeyPair } from '../../core/crypto/ed25519-key.js';
import { formatCheckpoint } from '../../core/ledger/checkpoint.js';
import { noteVerifierKey, parseVerifierKey, signNote } from '../../core/ledger/signed-note.js';

/**
 * Signs C2SP checkpoints for the space's log with the operator's Ed25519 key. The key name is
 * the log's origin, so the verifier key alone tells a client which log it verifies.
 */
export class CheckpointSigner {
  readonly verifierKey: string;
  private readonly keyId: Uint8Array;

  constructor(
    readonly origin: string,
    private readonly key: Ed25519KeyPair,
  ) {
    this.verifierKey = noteVerifierKey(origin, key.publicKey);
    this.keyId = parseVerifierKey(this.verifierKey).keyId;
  }

  sign(size: number, rootHash: Uint8Array): string {
    const body = formatCheckpoint({ origin: this.origin, size, rootHash });
    return signNote(body, this.origin, (message) => this.key.sign(message), this.keyId);
  }
}
