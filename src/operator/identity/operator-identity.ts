import type { SigningKey } from '../../core/crypto/signing-key.js';
import { didWebFromUrl } from '../../core/credentials/did-web.js';

/**
 * The operator as an identity: its did:web (derived from its public URL), the key it issues
 * credentials with, and the DIDs it gives participants (`<operator did>:participants:<id>`,
 * documents served at `/participants/<id>/did.json`).
 */
export class OperatorIdentity {
  readonly did: string;
  readonly publicUrl: string;

  constructor(
    publicUrl: string,
    readonly issuerKey: SigningKey,
    /** The space's name in credentials, e.g. the ledger origin `tds.local/demo`. */
    readonly space: string,
  ) {
    this.publicUrl = publicUrl.replace(/\/+$/, '');
    this.did = didWebFromUrl(this.publicUrl);
  }

  get issuerKid(): string {
    return `${this.did}#issuer-key`;
  }

  participantDid(participantId: string): string {
    return `${this.did}:participants:${participantId}`;
  }

  statusListUrl(purpose: string): string {
    return `${this.publicUrl}/api/v1/credentials/status/${purpose}`;
  }
}
