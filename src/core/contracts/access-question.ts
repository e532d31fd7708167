import type { Classification } from '../metadata/classification.js';
import type { Policy, PolicyRequest } from '../policy/index.js';
import type { ContractQuestion } from './contract-decision.js';
import { policySubjectOf, type VerifiedParty } from './policy-subject.js';

/** What the provider knows when a consumer uses data under an agreement (data plane or sandbox). */
export interface AccessFacts {
  policy: Policy;
  agreement: { datasetId: string; purpose?: string; processingLocation?: string; finalizedAt?: string };
  party: VerifiedParty;
  now: Date;
  action: string;
  channel: 'download' | 'api' | 'sandbox';
  /** Uses already made under the agreement (`count`); the data plane counts, the sandbox budgets ε instead. */
  usesSoFar?: number;
  /** The asset's grade (`tds:classification`). */
  classification?: Classification;
  /** The purpose declared for this access; defaults to the agreement's. */
  purpose?: string;
  /** What the sandbox adds about the job (`tds:kAnonymity`, `tds:privacyBudget`, …). */
  extra?: Partial<PolicyRequest>;
}

/**
 * The decision question at access, the same for the data plane and the sandbox, so every left
 * operand the publication accepts has its value here (ADR 0010; publishable-operands.test.ts):
 * - `spatial` is where the consumer declared, in the agreement, that it processes the data, or
 *   else its verified registered region (from its credential, never its word in a message);
 * - `tds:deploymentEnvironment` is the provider's sandbox for the sandbox, and the consumer's
 *   premises for a download or an API call;
 * - `tds:classification` is the asset's grade.
 */
export function accessQuestion(f: AccessFacts): ContractQuestion {
  const subject = policySubjectOf(f.party);
  const location = f.agreement.processingLocation ?? subject.region;
  const purpose = f.purpose ?? f.agreement.purpose;
  return {
    policy: f.policy,
    subject,
    now: f.now,
    stage: 'access',
    request: {
      action: f.action,
      target: f.agreement.datasetId,
      channel: f.channel,
      environment: f.channel === 'sandbox' ? 'provider-sandbox' : 'consumer-premises',
      ...(location ? { location } : {}),
      ...(purpose ? { purpose } : {}),
      ...f.extra,
    },
    ...(f.usesSoFar !== undefined ? { usesSoFar: f.usesSoFar } : {}),
    ...(f.agreement.finalizedAt ? { agreementSignedAt: new Date(f.agreement.finalizedAt) } : {}),
    ...(f.classification ? { classification: f.classification } : {}),
  };
}
