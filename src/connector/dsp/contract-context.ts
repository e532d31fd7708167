import type { Logger } from 'pino';
import type { VerifiedParty } from '../../core/contracts/policy-subject.js';
import type { Database } from '../../store/database.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { IdentityFetcher } from '../../server/identity/identity-fetcher.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import type { DspClient } from './dsp-client.js';

/** What the negotiation and transfer services share. */
export interface ContractContext {
  database: Database;
  evidence: EvidenceRecorder;
  identity: ConnectorIdentityService;
  /** DID documents of peers, for their agreement signatures. */
  fetcher: IdentityFetcher;
  client: DspClient;
  /** This connector's DSP base URL: our callbackAddress, and where peers reach us. */
  dspBase: string;
  now: () => Date;
  logger?: Logger | undefined;
}

/** A peer whose identity token was verified: who it is per its credentials. */
export type VerifiedPeer = VerifiedParty;
