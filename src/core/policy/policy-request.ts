import type { Classification } from '../metadata/classification.js';

/**
 * Where the evaluator runs, earliest first. Each left operand is checked from the stage at which
 * its value is known (left-operands.ts): the catalog knows who asks and when, negotiation adds the
 * stated purpose and the asset, the data plane and the sandbox know everything else (count, channel,
 * fields, elapsed time, payment). A constraint on a later stage is `deferred`, not failed, so an
 * offer limited to 100 calls is still visible in the catalog; `access` checks every constraint.
 */
export const stages = ['catalog', 'negotiation', 'access'] as const;
export type Stage = (typeof stages)[number];

export const stageRank = (stage: Stage): number => stages.indexOf(stage);

/** What is being asked: may this action happen, on this target, in this way? */
export interface PolicyRequest {
  /** An ODRL action (`read`, `aggregate`, `distribute`, …), compact or full IRI. */
  action: string;
  /** The asset; when absent, the policy's own target is assumed. */
  target?: string;
  /** The purpose the consumer declared (`purpose`). */
  purpose?: string;
  /** The fields the access touches (`tds:fields`). */
  fields?: readonly string[];
  /** How the data is delivered (`deliveryChannel`): `download`, `api`, `sandbox`. */
  channel?: string;
  /** Where the computation runs (`tds:deploymentEnvironment`), e.g. `provider-sandbox`, `consumer-premises`. */
  environment?: string;
  /** Where the action is exercised (`spatial`): a GB/T 2260 code or an ISO 3166 code such as `CN`. */
  location?: string;
  /** The smallest group size in a result about to leave the sandbox (`tds:kAnonymity`). */
  kAnonymity?: number;
  /** The ε spent under the agreement including this job (`tds:privacyBudget`). */
  privacySpent?: number;
  /** The noise the sandbox adds (`tds:privacyMechanism`): `laplace` or `gaussian`. */
  privacyMechanism?: string;
  /** The row filters the sandbox applies, as `column=value` (`tds:rowFilter`). */
  rowFilter?: readonly string[];
  /** How results are released (`tds:resultReview`): `auto` or `manual`. */
  review?: string;
}

/** The verified facts about the party asking (from its credentials and the registry). */
export interface PolicySubject {
  participantId: string;
  did?: string;
  /** Admitted (approved, not suspended) in the space: `tds:membership` is `member`, else `applicant`. */
  admitted: boolean;
  roles: readonly string[];
  /** GB/T 4754 section (`J`) and division (`J66`) codes. */
  industries: readonly string[];
  /** GB/T 2260 region code (6 digits). */
  region?: string;
  /** Verified credential claims, read by `tds:credentialClaim` with `tds:claim`. */
  claims?: Readonly<Record<string, unknown>>;
}

/** Everything the evaluator knows besides the request; it reads no clock and does no I/O. */
export interface PolicyContext {
  now: Date;
  /** Defaults to `access`, which checks every constraint. */
  stage?: Stage;
  subject: PolicySubject;
  /** The agreement in force: `elapsedTime` and `delayPeriod` run from `signedAt`, duties are due from it. */
  agreement?: { signedAt: Date };
  usage?: {
    /** Executions of the action already made under the agreement; `count` is this number plus the one asked for. */
    count?: number;
    /** Time already used, in seconds (`meteredTime`). */
    meteredSeconds?: number;
    unitOfCount?: string;
  };
  payment?: {
    /** What the assignee has paid under the agreement (`payAmount`), in `currency`. */
    paidAmount?: number;
    currency?: string;
    /** The agreed price model (`tds:priceModel`): `free`, `payAfterUse`, `oneTime`, … */
    priceModel?: string;
  };
  /** Facts about the target asset (`tds:classification`). */
  asset?: { classification?: Classification };
}
