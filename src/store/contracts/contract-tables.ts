/**
 * The connector's contracts (履约): DSP contract negotiations and transfer processes on either
 * side, the agreements they produce, every data-plane access, what the consumer received, and
 * the receipts of its evidence in the space's ledger. JSON columns are text on both databases.
 */

/** One negotiation as this connector holds it; `id` is this side's pid. */
export interface DspNegotiationTable {
  id: string;
  /** `provider` or `consumer`: whose record this is. */
  role: string;
  /** The other side's pid, once known. */
  peer_pid: string | null;
  peer_did: string;
  peer_participant: string | null;
  /** Where the other side's DSP endpoints are: its DSP base, or its callbackAddress. */
  peer_address: string;
  dataset_id: string;
  /** JSON: the Offer under negotiation, compacted as DSP carries it. */
  offer: string;
  purpose: string | null;
  processing_location: string | null;
  /** DSP state; null until the other side acknowledged our initiating message. */
  state: string | null;
  last_fingerprint: string | null;
  agreement_id: string | null;
  /** JSON: the next message this side must deliver (`DeliveryTask`), or null. */
  outbox: string | null;
  attempts: number;
  next_attempt_at: string | null;
  /** JSON: why it ended, or why the last delivery failed. */
  reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DspAgreementTable {
  id: string;
  negotiation_id: string;
  role: string;
  provider_did: string;
  consumer_did: string;
  consumer_participant: string | null;
  dataset_id: string;
  /** The provider's asset behind the dataset (provider side only). */
  asset_id: string | null;
  /** JSON: the ODRL Agreement, compacted. */
  policy: string;
  /** `sha256:<hex>` of the agreement's canonical JSON: what both parties sign. */
  hash: string;
  provider_signature: string | null;
  consumer_signature: string | null;
  purpose: string | null;
  processing_location: string | null;
  /** `pending` (not finalized), `active`, `revoked`, `terminated`. */
  status: string;
  status_reason: string | null;
  /** Accesses counted against the policy's `count` constraint. */
  uses: number;
  finalized_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DspTransferTable {
  id: string;
  role: string;
  peer_pid: string | null;
  peer_did: string;
  peer_address: string;
  agreement_id: string;
  format: string;
  state: string | null;
  last_fingerprint: string | null;
  outbox: string | null;
  attempts: number;
  next_attempt_at: string | null;
  reason: string | null;
  /** Consumer: the EDR (data address) the provider sent, encrypted. Provider: the push target, encrypted. */
  data_address_cipher: string | null;
  /** Provider: SHA-256 of the current EDR token, and when it expires. */
  token_digest: string | null;
  token_expires_at: string | null;
  /** JSON: what was delivered (`{ sha256, sm3?, bytes, mediaType }`), once known. */
  content: string | null;
  /** Provider: JSON `{ party, credentials }`: who the consumer is per its verified token, and its credential JWTs, re-checked while data flows. */
  peer_identity: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One data-plane access (download, API call), checked and metered. */
export interface DspAccessTable {
  id: string;
  agreement_id: string;
  transfer_id: string;
  kind: string;
  outcome: string;
  bytes: number;
  detail: string | null;
  at: string;
}

/** A duty's action performed under an agreement: by us (`self`) or as the consumer reported it (`peer`). */
export interface DutyEventTable {
  id: string;
  agreement_id: string;
  /** The duty's JSON Pointer in the agreement, when the report names it. */
  duty: string | null;
  action: string;
  source: string;
  note: string | null;
  at: string;
}

/** Consumer side: what arrived under which agreement (onward transfer control, 再流转控制). */
export interface ReceivedDataTable {
  id: string;
  agreement_id: string;
  transfer_id: string;
  dataset_id: string;
  provider_did: string;
  path: string;
  sha256: string;
  bytes: number;
  media_type: string;
  received_at: string;
}

/** Where each evidence entry this connector recorded landed in the space's ledger. */
export interface EvidenceReceiptTable {
  leaf_hash: string;
  ledger_index: number;
  type: string;
  subject: string;
  at: string;
  submitted_at: string;
}

export interface ContractTables {
  dsp_negotiation: DspNegotiationTable;
  dsp_agreement: DspAgreementTable;
  dsp_transfer: DspTransferTable;
  dsp_access: DspAccessTable;
  received_data: ReceivedDataTable;
  duty_event: DutyEventTable;
  evidence_receipt: EvidenceReceiptTable;
}
