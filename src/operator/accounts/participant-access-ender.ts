import type { ParticipantRecord } from '../../core/admission/participant-record.js';
import type { ReviewAction } from '../../core/admission/participant-status.js';
import type { AccountStore } from '../../store/accounts/account-store.js';
import type { Tx } from '../../store/database.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { AdmissionListener } from '../registry/registry-service.js';

/**
 * When a participant is suspended or revoked, its users' sessions end and its API keys are
 * revoked in the same transaction as the status change, with their own ledger entry (issue 15).
 * Reinstatement does not bring them back: people log in again and admins make new keys.
 * `operator-principals.ts` also checks the participant's status on every request, so nothing
 * made in between (a login while suspended) works either.
 */
export class ParticipantAccessEnder implements AdmissionListener {
  constructor(
    private readonly accounts: AccountStore,
    private readonly evidence: EvidenceRecorder,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async statusChanged(tx: Tx, participant: ParticipantRecord, action: ReviewAction, actor: string): Promise<void> {
    if (action !== 'suspend' && action !== 'revoke') return;
    const sessions = await this.accounts.deleteSessionsOfParticipant(tx, participant.id);
    const apiKeys = await this.accounts.revokeApiKeysOfParticipant(tx, participant.id, this.now().toISOString());
    await this.evidence.record(tx, {
      type: 'account.participant-access-ended',
      subject: `participant:${participant.id}`,
      actor,
      payload: { action, sessions, apiKeys },
    });
  }
}
