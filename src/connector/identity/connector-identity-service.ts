import { randomUUID } from 'node:crypto';
import { generateSigningKey, type SigningAlgorithm, type SigningKey } from '../../core/crypto/signing-key.js';
import { mintIdentityToken } from '../../core/credentials/identity-token.js';
import { signAgreement, type AgreementSignatureClaims } from '../../core/contracts/agreement-signature.js';
import { DomainError } from '../../core/errors/index.js';
import type { ConnectorIdentity, HeldCredential, HeldIdentityStore } from '../../store/identity/held-identity-store.js';
import type { ConnectorKeyStore } from './file-key-store.js';

export interface ConnectorIdentityView {
  did: string | null;
  participantId: string | null;
  operatorUrl: string;
  enrolled: boolean;
  keyAlgorithm: SigningAlgorithm | null;
  credentials: Array<{ id: string; type: string; jwt: string; receivedAt: string }>;
}

const TOKEN_TTL_SECONDS = 120;

/**
 * The connector's identity (身份认证): its key pair (generated here, never leaving), enrollment with
 * the operator by proof of possession, the credentials it holds, and the short-lived identity
 * tokens it presents to other nodes.
 */
export class ConnectorIdentityService {
  private key: SigningKey | undefined;
  private cached: ConnectorIdentity | undefined;
  private cachedCredentials: HeldCredential[] | undefined;

  constructor(
    private readonly operatorUrl: string,
    private readonly store: HeldIdentityStore,
    private readonly keys: ConnectorKeyStore,
    private readonly algorithm: SigningAlgorithm = 'EdDSA',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = keys.load();
  }

  async view(): Promise<ConnectorIdentityView> {
    const identity = await this.store.identity();
    return {
      did: identity?.did ?? null,
      participantId: identity?.participantId ?? null,
      operatorUrl: this.operatorUrl,
      enrolled: identity !== undefined,
      keyAlgorithm: this.key?.algorithm ?? null,
      credentials: (await this.store.credentials()).map(({ id, type, jwt, receivedAt }) => ({ id, type, jwt, receivedAt })),
    };
  }

  /**
   * Who we are. Kept in memory once read (enrollment and refresh replace it), so services may ask
   * inside their transactions without a second database connection, and tokens cost no query.
   */
  async identity(): Promise<ConnectorIdentity> {
    const identity = (this.cached ??= await this.store.identity());
    if (!identity || !this.key) throw new DomainError('identity.not-enrolled', 'Enroll this connector with the operator first.');
    return identity;
  }

  private async heldCredentials(): Promise<HeldCredential[]> {
    return (this.cachedCredentials ??= await this.store.credentials());
  }

  /** Enrolls with the operator using a token from the participant's admin; keeps an existing key. */
  async enroll(participantId: string, token: string): Promise<ConnectorIdentityView> {
    const key = this.key ?? generateSigningKey(this.algorithm);
    const operatorDid = ((await this.call('GET', '/.well-known/did.json')) as { id: string }).id;
    const did = `${operatorDid}:participants:${participantId}`;
    const { nonce } = (await this.call('POST', `/api/v1/participants/${encodeURIComponent(participantId)}/enrollment/challenge`, token)) as { nonce: string };
    const proof = await key.signJws({ alg: key.algorithm, typ: 'JWT' }, { nonce, sub: did, aud: operatorDid, iat: Math.floor(this.now().getTime() / 1000) });
    const result = (await this.call('POST', `/api/v1/participants/${encodeURIComponent(participantId)}/enrollment`, token, {
      publicKeyJwk: key.publicJwk(),
      proof,
    })) as { did: string; kid: string; credentials: Array<{ id: string; type: string; jwt: string }> };
    // The key is stored only once the operator accepted it, so a failed enrollment leaves no orphan.
    if (!this.key) {
      this.keys.save(key);
      this.key = key;
    }
    const receivedAt = this.now().toISOString();
    const credentials: HeldCredential[] = result.credentials.map((c) => ({ id: c.id, type: c.type, jwt: c.jwt, receivedAt }));
    await this.store.saveEnrollment({ participantId, did: result.did, operatorDid, enrolledAt: receivedAt, kid: result.kid }, credentials);
    this.cached = undefined;
    this.cachedCredentials = undefined;
    return this.view();
  }

  /**
   * Fetches our credentials again from the operator, authenticating with our own identity token
   * (e.g. after the operator reissued them); a suspended or revoked participant is refused.
   */
  async refresh(): Promise<ConnectorIdentityView> {
    const identity = await this.identity();
    const token = await this.tokenFor(identity.operatorDid);
    const { items } = (await this.call('GET', `/api/v1/participants/${encodeURIComponent(identity.participantId)}/credentials`, token)) as { items: Array<{ id: string; type: string; jwt: string }> };
    const receivedAt = this.now().toISOString();
    await this.store.replaceCredentials(items.map((c) => ({ id: c.id, type: c.type, jwt: c.jwt, receivedAt })));
    this.cachedCredentials = undefined;
    return this.view();
  }

  /** A token proving who we are to `audience` (a DID), carrying our credentials as a presentation. */
  async tokenFor(audience: string, options: { ttlSeconds?: number; reusable?: boolean } = {}): Promise<string> {
    const identity = await this.identity();
    const credentials = await this.heldCredentials();
    return mintIdentityToken({
      key: this.key!,
      kid: `${identity.did}#${identity.kid}`,
      holderDid: identity.did,
      audience,
      credentials: credentials.map((c) => c.jwt),
      now: this.now(),
      ttlSeconds: options.ttlSeconds ?? TOKEN_TTL_SECONDS,
      jti: randomUUID(),
      ...(options.reusable ? { reusable: true } : {}),
    });
  }

  /** Signs an agreement as this participant (合约签署), with the key its DID document lists. */
  async signAgreement(claims: Omit<AgreementSignatureClaims, 'signer'>): Promise<string> {
    const identity = await this.identity();
    return signAgreement(this.key!, `${identity.did}#${identity.kid}`, { ...claims, signer: identity.did }, this.now());
  }

  private async call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.operatorUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : method === 'POST' ? '{}' : undefined,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DomainError('identity.operator-unreachable', `The operator at ${this.operatorUrl} did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const problem = safeJson(text) as { code?: string; detail?: string } | undefined;
      // The operator's refusals of our credentials keep their meaning; anything else is its failure.
      if (problem?.code === 'enrollment.token-invalid' || problem?.code === 'identity.token-invalid') {
        throw new DomainError(problem.code, `The operator refused: ${problem.detail ?? problem.code}`);
      }
      throw new DomainError('identity.operator-unreachable', `The operator answered ${response.status}: ${problem?.detail ?? problem?.code ?? text.slice(0, 200)}`);
    }
    return JSON.parse(text);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
