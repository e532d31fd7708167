import { randomBytes } from 'node:crypto';
import { jwkThumbprint, verifyCompactJws, type PublicJwk } from '../../core/crypto/signing-key.js';
import { generateSecretToken, hashSecretToken } from '../../core/crypto/secret-token.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database } from '../../store/database.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { IdentityRegistryStore } from '../../store/identity/identity-registry-store.js';
import type { IssuedCredential } from '../../store/identity/credential-store.js';
import type { CredentialIssuer } from './credential-issuer.js';
import type { OperatorIdentity } from './operator-identity.js';
import type { RegistryService } from '../registry/registry-service.js';

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * Binds a participant's connector key to its DID (身份注册). An admin of the participant asks for
 * an enrollment token; the connector, holding the token, fetches a challenge and answers with
 * its public key and a JWS over the challenge made with the private key (proof of possession).
 * The key then appears in the participant's DID document, and the connector gets its credentials.
 */
export class EnrollmentService {
  constructor(
    private readonly database: Database,
    private readonly store: IdentityRegistryStore,
    private readonly registry: RegistryService,
    private readonly issuer: CredentialIssuer,
    private readonly identity: OperatorIdentity,
    private readonly evidence: EvidenceRecorder,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createToken(participantId: string, actor: string): Promise<{ token: string; expiresAt: string }> {
    await this.requireCredentialed(participantId);
    const token = generateSecretToken('tds_enr');
    const expiresAt = new Date(this.now().getTime() + TOKEN_TTL_MS).toISOString();
    await this.database.transaction(async (tx) => {
      await this.store.insertSecret(tx, hashSecretToken(token), 'token', participantId, expiresAt);
      await this.evidence.record(tx, { type: 'participant.enrollment-token-created', subject: `participant:${participantId}`, actor, payload: { expiresAt } });
    });
    return { token, expiresAt };
  }

  async challenge(participantId: string, token: string): Promise<{ nonce: string; expiresAt: string }> {
    await this.requireToken(participantId, token);
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + CHALLENGE_TTL_MS).toISOString();
    await this.store.insertSecret(undefined, hashSecretToken(nonce), 'challenge', participantId, expiresAt);
    return { nonce, expiresAt };
  }

  async enroll(participantId: string, token: string, publicJwk: Record<string, unknown>, proof: string): Promise<{ did: string; kid: string; credentials: IssuedCredential[] }> {
    await this.requireToken(participantId, token);
    const participant = await this.requireCredentialed(participantId);
    const did = this.identity.participantDid(participantId);
    let payload: Record<string, unknown>;
    try {
      payload = (await verifyCompactJws(proof, publicJwk as unknown as PublicJwk, { algorithms: ['EdDSA', 'ES256', 'SM2'] })).payload as Record<string, unknown>;
    } catch (error) {
      throw new DomainError('enrollment.proof-invalid', `The proof does not verify with the submitted key: ${(error as Error).message}`);
    }
    if (payload.sub !== did || payload.aud !== this.identity.did || typeof payload.nonce !== 'string') {
      throw new DomainError('enrollment.proof-invalid', `The proof must name sub ${did}, aud ${this.identity.did} and the challenge nonce.`);
    }
    const kid = `key-${jwkThumbprint(publicJwk).slice(0, 16)}`;
    const at = this.now().toISOString();
    await this.database.transaction(async (tx) => {
      // Both secrets are single-use; consuming them in the enrolling transaction makes a replay fail.
      const nonceOk = await this.store.consumeSecret(tx, hashSecretToken(payload.nonce as string), 'challenge', participantId, at);
      const tokenOk = await this.store.consumeSecret(tx, hashSecretToken(token), 'token', participantId, at);
      if (!nonceOk || !tokenOk) throw new DomainError('enrollment.token-invalid', 'The challenge or token is unknown, used or expired.');
      await this.store.insertKey(tx, { participantId, kid, publicJwk: publicOnly(publicJwk), createdAt: at });
      await this.evidence.record(tx, {
        type: 'participant.key-enrolled',
        subject: `participant:${participantId}`,
        actor: did,
        payload: { did, kid, jwkThumbprint: jwkThumbprint(publicJwk) },
      });
    });
    return { did: participant.did ?? did, kid, credentials: await this.issuer.credentialsOf(participantId) };
  }

  private async requireToken(participantId: string, token: string): Promise<void> {
    if (!(await this.store.secretValid(hashSecretToken(token), 'token', participantId, this.now().toISOString()))) {
      throw new DomainError('enrollment.token-invalid', 'The enrollment token is unknown, used or expired.');
    }
  }

  private async requireCredentialed(participantId: string) {
    const participant = await this.registry.require(participantId);
    if (participant.status !== 'approved') {
      throw new DomainError('participant.transition-invalid', `Only an approved participant can enroll a connector; this one is ${participant.status}.`);
    }
    return participant;
  }
}

/** Keeps only public members of a JWK, so a careless client cannot make us publish its `d`. */
function publicOnly(jwk: Record<string, unknown>): Record<string, unknown> {
  const { kty, crv, x, y } = jwk;
  return Object.fromEntries(Object.entries({ kty, crv, x, y }).filter(([, v]) => v !== undefined));
}
