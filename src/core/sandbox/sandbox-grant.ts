/**
 * What a job may see and what it may take away: the views the consumer's sandbox agreements
 * grant (allowed columns only; identifiers usable only to join views) and the rules of release.
 * The connector builds it from the agreements' policies and the assets' data dictionaries; the
 * gate and the release check read nothing else.
 */

/** The hidden column of each view naming the subject (主体) a row is about; never output, never referable. */
export const subjectColumn = '__tds_subject';

/** The hidden column of each view numbering its rows (the raw table's rowid), for the query-set audit; never referable. */
export const rowColumn = '__tds_row';

export interface GrantedColumn {
  name: string;
  /** DuckDB type of the view's column, for the console's schema and the DP rules. */
  type: string;
  /** A (tokenized) identifier: only allowed in join conditions between views. */
  identifier?: boolean;
  /** Clamping bounds the data dictionary declares for a numeric column (differential privacy). */
  bounds?: readonly [number, number];
}

export interface GrantedView {
  /** The name consumers write, e.g. `企业用电数据`. */
  name: string;
  columns: GrantedColumn[];
  /** Whether the view carries {@link subjectColumn}; without it every row counts as its own subject. */
  hasSubject: boolean;
  /** The most rows one subject has in the view: the sensitivity of a count under differential privacy. */
  maxRowsPerSubject: number;
  /** The agreement granting it (budgets are charged to every agreement a job touches). */
  agreementId: string;
  /** Whether the view carries {@link rowColumn} (the query-set audit needs it). */
  hasRowNumbers?: boolean;
}

export interface DifferentialPrivacyRule {
  mechanism: 'laplace' | 'gaussian';
  /** Total ε the agreement allows across all its jobs. */
  budget: number;
  /** δ for the Gaussian mechanism. */
  delta: number;
}

export interface ReleaseRules {
  /** Output must be aggregated (the policy's action is `aggregate`). */
  aggregateOnly: boolean;
  /** Every released group covers at least k distinct subjects; 1 means no threshold. */
  k: number;
  differentialPrivacy?: DifferentialPrivacyRule;
  /** Most rows a result may have. */
  maxRows: number;
  /** `manual`: the provider reviews every result before release (人工审核). */
  review: 'auto' | 'manual';
  /** Most atomic conditions in WHERE (each is checked for differencing). */
  maxConditions: number;
  /**
   * Exact answers under k: remember each released group's contributors and refuse a query whose
   * groups differ from released ones by fewer than k subjects (query-set-audit.ts).
   */
  querySetAudit?: boolean;
}

export interface SandboxGrant {
  views: GrantedView[];
  rules: ReleaseRules;
}

/** What the consumer adds to a SQL job under differential privacy. */
export interface PrivacyRequest {
  epsilon: number;
  /** Narrower clamping bounds per column name for sums and averages (within the dictionary's). */
  bounds?: Readonly<Record<string, readonly [number, number]>>;
}

/** The strictest combination of several agreements' rules (a job joining views of two agreements obeys both). */
export function strictestRules(all: readonly ReleaseRules[]): ReleaseRules {
  const [first, ...rest] = all;
  if (!first) throw new Error('strictestRules needs at least one set of rules');
  return rest.reduce<ReleaseRules>(
    (a, b) => ({
      aggregateOnly: a.aggregateOnly || b.aggregateOnly,
      k: Math.max(a.k, b.k),
      maxRows: Math.min(a.maxRows, b.maxRows),
      review: a.review === 'manual' || b.review === 'manual' ? 'manual' : 'auto',
      maxConditions: Math.min(a.maxConditions, b.maxConditions),
      ...(a.querySetAudit || b.querySetAudit ? { querySetAudit: true } : {}),
      ...(a.differentialPrivacy || b.differentialPrivacy
        ? {
            differentialPrivacy: {
              mechanism: a.differentialPrivacy?.mechanism === 'gaussian' || b.differentialPrivacy?.mechanism === 'gaussian' ? 'gaussian' : 'laplace',
              budget: Math.min(a.differentialPrivacy?.budget ?? Infinity, b.differentialPrivacy?.budget ?? Infinity),
              delta: Math.min(a.differentialPrivacy?.delta ?? 1, b.differentialPrivacy?.delta ?? 1),
            },
          }
        : {}),
    }),
    first,
  );
}
