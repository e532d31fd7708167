import type { ParticipantEvent, ParticipantRecord, StoredDocument } from '../../core/admission/participant-record.js';
import { allowedActions } from '../../core/admission/participant-status.js';

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
    verification: p.verification,
    allowedActions: allowedActions(p.status).filter((a) => a !== 'resubmit'),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function participantDetail(p: ParticipantRecord, documents: StoredDocument[], history: ParticipantEvent[]) {
  return { ...participantSummary(p), documents, history };
}
