import { randomUUID } from 'node:crypto';
import type { ParticipantRecord } from '../../core/admission/participant-record.js';
import type { ReviewAction } from '../../core/admission/participant-status.js';
import { legalEntityCredential, membershipCredential } from '../../core/credentials/verifiable-credential.js';
import { issueCredentialJwt } from '../../core/credentials/vc-jose.js';
import type { Tx } from '../../store/database.js';
import type { CredentialStore, IssuedCredential } from '../../store/identity/credential-store.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { AdmissionListener } from '../registry/registry-service.js';
import type { OperatorIdentity } from './operator-identity.js';
import type { StatusListService } from './status-list-service.js';

const VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Issues a participant's credentials when it is approved (a membership credential and a
 * legal-entity credential, W3C VC 2.0 as VC-JOSE JWT), and flips their status-list bits when it is
 * suspended, reinstated or revoked, all in the review's transaction.
 */
export class CredentialIssuer implements AdmissionListener {
  constructor(
    private readonly identity: OperatorIdentity,
    private readonly credentials: CredentialStore,
    private readonly participants: ParticipantStore,
    private readonly statusLists: StatusListService,
    private readonly evidence: EvidenceRecorder,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async statusChanged(tx: Tx, participant: ParticipantRecord, action: ReviewAction, actor: string): Promise<void> {
    if (action === 'approve') return this.issue(tx, participant, actor);
    const indexes = (await this.credentials.credentialsOf(participant.id, tx)).map((c) => c.statusIndex);
    if (indexes.length === 0) return;
    if (action === 'suspend' || action === 'reinstate') await this.statusLists.set(tx, 'suspension', indexes, action === 'suspend');
    else if (action === 'revoke') await this.statusLists.set(tx, 'revocation', indexes, true);
    else return;
    await this.evidence.record(tx, {
      type: 'credential.status-changed',
      subject: `participant:${participant.id}`,
      actor,
      payload: { action, statusIndexes: indexes },
    });
  }

  async credentialsOf(participantId: string): Promise<IssuedCredential[]> {
    return this.credentials.credentialsOf(participantId);
  }

  private async issue(tx: Tx, participant: ParticipantRecord, actor: string): Promise<void> {
    const did = this.identity.participantDid(participant.id);
    await this.participants.setDid(tx, participant.id, did);
    const issuedAt = this.now();
    const validFrom = issuedAt.toISOString();
    const validUntil = new Date(issuedAt.getTime() + VALIDITY_MS).toISOString();
    const status = async () => {
      const index = await this.credentials.nextCounter(tx, 'status-list-index');
      return { index, revocationList: this.identity.statusListUrl('revocation'), suspensionList: this.identity.statusListUrl('suspension') };
    };
    const drafts = [
      {
        type: 'MembershipCredential',
        status: await status(),
        build: (s: Awaited<ReturnType<typeof status>>) =>
          membershipCredential({
            id: `urn:uuid:${randomUUID()}`,
            issuer: this.identity.did,
            subject: did,
            space: this.identity.space,
            participantId: participant.id,
            roles: participant.roles,
            serviceKinds: participant.serviceKinds,
            validFrom,
            validUntil,
            status: s,
          }),
      },
      {
        type: 'LegalEntityCredential',
        status: await status(),
        build: (s: Awaited<ReturnType<typeof status>>) =>
          legalEntityCredential({
            id: `urn:uuid:${randomUUID()}`,
            issuer: this.identity.did,
            subject: did,
            name: participant.name,
            uscc: participant.uscc,
            region: participant.region,
            industry: participant.industry.division ? `${participant.industry.section}${participant.industry.division}` : participant.industry.section,
            validFrom,
            validUntil,
            status: s,
          }),
      },
    ];
    for (const draft of drafts) {
      const credential = draft.build(draft.status);
      const jwt = await issueCredentialJwt(this.identity.issuerKey, this.identity.issuerKid, credential);
      const issued: IssuedCredential = { id: credential.id, participantId: participant.id, type: draft.type, jwt, statusIndex: draft.status.index, issuedAt: validFrom, validUntil };
      await this.credentials.insertCredential(tx, issued);
      await this.evidence.record(tx, {
        type: 'credential.issued',
        subject: `participant:${participant.id}`,
        actor,
        payload: { credentialId: issued.id, type: issued.type, holder: did, statusIndex: issued.statusIndex, validUntil },
      });
    }
  }
}
