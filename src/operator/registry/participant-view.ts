import type { ParticipantEvent, ParticipantRecord, StoredDocument } from '../../core/admission/participant-record.js';
import type { VerificationResult } from '../../core/admission/participant-record.js';
import { allowedActions } from '../../core/admission/participant-status.js';

/**
 * Results stored before the verifier stopped writing the birth date said `born 1990-03-07`: a
 * resident-ID check's detail is shown with any date masked, since the ID number's mask hides it.
 */
function maskedVerification(results: VerificationResult[]): VerificationResult[] {
  return results.map((r) => ({
    ...r,
    checks: r.checks.map((c) => (c.rule.startsWith('resident-id.') ? { ...c, detail: c.detail.replace(/\d{4}-?\d{2}-?\d{2}/g, '****-**-**') } : c)),
  }));
}

/** What the API shows of a participant: personal data only masked, never cipher or plain. */
export function participantSummary(p: ParticipantRecord) {
  return {
    id: p.id,
    status: p.status,
    name: p.name,
    uscc: p.uscc,
    legalRepresentative: { name: p.legalRepresentative.name, idNumber: p.legalRepresentative.idNumberMasked },
    contact: { name: p.contact.name, phone: p.contact.phoneMasked, email: p.contact.email },
    region: p.region,
    industry: p.industry,
    roles: p.roles,
    serviceKinds: p.serviceKinds,
    did: p.did,
    verification: maskedVerification(p.verification),
    allowedActions: allowedActions(p.status).filter((a) => a !== 'resubmit'),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function participantDetail(p: ParticipantRecord, documents: StoredDocument[], history: ParticipantEvent[]) {
  return { ...participantSummary(p), documents, history };
}
