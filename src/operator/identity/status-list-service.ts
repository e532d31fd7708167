import { StatusList, statusListCredential } from '../../core/credentials/status-list.js';
import { issueCredentialJwt } from '../../core/credentials/vc-jose.js';
import type { Database, Tx } from '../../store/database.js';
import type { CredentialStore } from '../../store/identity/credential-store.js';
import type { OperatorIdentity } from './operator-identity.js';

export const statusPurposes = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof statusPurposes)[number];

/**
 * The operator's two Bitstring Status Lists. Each change re-signs the list credential in the
 * transaction of the state change, so what is served is never behind what is stored.
 */
export class StatusListService {
  constructor(
    private readonly database: Database,
    private readonly credentials: CredentialStore,
    private readonly identity: OperatorIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates the empty lists on first start, and re-signs them when the issuer key changed. */
  async ensure(): Promise<void> {
    for (const purpose of statusPurposes) {
      await this.database.transaction(async (tx) => {
        const stored = await this.credentials.readStatusList(purpose, tx, true);
        const list = stored ? StatusList.fromBytes(stored.bits) : new StatusList();
        if (!stored || !stored.jwt.includes('.') || !(await this.signedByCurrentKey(stored.jwt))) await this.write(tx, purpose, list);
      });
    }
  }

  /** Sets (or clears) the bits at `indexes` of the list of `purpose`, inside `tx`. */
  async set(tx: Tx, purpose: StatusPurpose, indexes: number[], value: boolean): Promise<void> {
    const stored = await this.credentials.readStatusList(purpose, tx, true);
    const list = stored ? StatusList.fromBytes(stored.bits) : new StatusList();
    for (const index of indexes) list.set(index, value);
    await this.write(tx, purpose, list);
  }

  async signed(purpose: StatusPurpose): Promise<string | undefined> {
    return (await this.credentials.readStatusList(purpose))?.jwt;
  }

  private async write(tx: Tx, purpose: StatusPurpose, list: StatusList): Promise<void> {
    const at = this.now().toISOString();
    const credential = statusListCredential({
      id: this.identity.statusListUrl(purpose),
      issuer: this.identity.did,
      purpose,
      encodedList: list.encode(),
      validFrom: at,
    });
    const jwt = await issueCredentialJwt(this.identity.issuerKey, this.identity.issuerKid, credential);
    await this.credentials.writeStatusList(tx, { purpose, bits: list.toBytes(), jwt, updatedAt: at });
  }

  private async signedByCurrentKey(jwt: string): Promise<boolean> {
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: string; alg?: string };
    if (header.kid !== this.identity.issuerKid || header.alg !== this.identity.issuerKey.algorithm) return false;
    return this.identity.issuerKey.verifies(jwt);
  }
}
