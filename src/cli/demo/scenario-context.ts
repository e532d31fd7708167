import type { LoanApplicant } from './demo-electricity-data.js';

export interface ScenarioConnector {
  name: string;
  url: string;
  apiKey: string;
}

/** What the scenario's steps share: the running space, the bank's applicants, and what earlier steps found. */
export interface ScenarioContext {
  dir: string;
  operator: { url: string; adminToken: string; verifierKey: string };
  utility: ScenarioConnector;
  bank: ScenarioConnector;
  entries: { electricity: string; open: string };
  sandboxAgreementId: string;
  openOffer: { entryId: string; offerId: string };
  applicants: LoanApplicant[];
  /** Filled by the steps as they go: the sandbox jobs run and the agreements used, whose evidence the last step proves. */
  jobs: string[];
  agreements: string[];
}
