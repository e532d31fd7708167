import { DomainError, type FieldProblem } from '../errors/domain-error.js';
import { isDuration } from './iso-duration.js';
import type { AtomicConstraint, ConstraintNode, Duty, Operator, Permission, Policy, Prohibition, RightOperandValue } from './odrl-policy.js';
import { parseDateValue } from './xsd-date-time.js';

/**
 * The offers providers publish most, built as ODRL policies (write them with `policyToJson`):
 * - `sandboxAggregateOffer`: aggregate queries in the provider's sandbox only, for named purposes,
 *   every released result at least k-anonymous (`tds:kAnonymity gteq k`), under differential
 *   privacy with an ε budget (`tds:privacyBudget`, `tds:privacyMechanism`) unless exact answers
 *   are chosen;
 * - `timeLimitedDownloadOffer`: download, use within a period, delete at its end, no onward distribution;
 * - `apiAccessOffer`: read through the API, at most N calls, optionally until a date;
 * - `openDataOffer`: any use, with attribution;
 * - `membersOnlyOffer`: use by admitted members of given industries, regions, roles.
 * Bad options throw `request.invalid` with a pointer per option.
 */
export interface TemplateOptions {
  uid: string;
  /** Leave out for a catalog offer (DSP forbids a target there; the dataset is the target). */
  target?: string;
  assigner?: string;
  price?: { amount: number; currency: string };
}

// DSP's schema takes a right operand as a string, an object or an array, never a bare JSON
// number: numbers are written as typed literals ({ "@value": "10", "@type": "xsd:integer" }).
const literal = (value: string | number): RightOperandValue =>
  typeof value === 'number' ? { value: String(value), datatype: Number.isInteger(value) ? 'xsd:integer' : 'xsd:decimal' } : { value };

const atom = (leftOperand: string, operator: Operator, right: string | number | readonly string[], unit?: string): AtomicConstraint => ({
  kind: 'atomic',
  leftOperand,
  operator,
  rightOperand: Array.isArray(right) ? right.map((value: string) => ({ value })) : literal(right as string | number),
  ...(unit ? { unit } : {}),
});

function check(problems: FieldProblem[]): void {
  if (problems.length) throw new DomainError('request.invalid', problems.map((p) => `${p.pointer}: ${p.detail}`).join('; '), problems);
}

function baseChecks(options: TemplateOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!options.uid) problems.push({ pointer: '/uid', detail: 'An offer needs a uid' });
  const price = options.price;
  if (price && (!Number.isFinite(price.amount) || price.amount < 0)) problems.push({ pointer: '/price/amount', detail: 'A price is a number ≥ 0' });
  if (price && !price.currency) problems.push({ pointer: '/price/currency', detail: 'A price needs its currency' });
  return problems;
}

// A price is stated in the offer's price model, not as a `payAmount` constraint: no decision
// point knows the amount paid until the money layer exists, so such a constraint would refuse
// every access (ADR 0010). The option is still validated so callers keep one shape.
const priceConstraint = (_options: TemplateOptions): ConstraintNode[] => [];

function offer(options: TemplateOptions, permissions: Permission[], prohibitions: Prohibition[] = []): Policy {
  return {
    uid: options.uid,
    type: 'Offer',
    ...(options.target ? { target: options.target } : {}),
    ...(options.assigner ? { assigner: options.assigner } : {}),
    permissions,
    prohibitions,
    obligations: [],
  };
}

const permission = (action: string, constraints: ConstraintNode[], duties: Duty[] = []): Permission => ({ action, constraints, duties });

/**
 * The sandbox's privacy terms: differential privacy by default (ε budget 10, Laplace noise, each
 * query spending a tenth of it unless the consumer asks less), or `exact` answers, which the
 * sandbox then guards with the query-set audit (ADR 0011).
 */
export type SandboxPrivacyOption = { budget?: number; mechanism?: 'laplace' | 'gaussian' } | 'exact';

export const DEFAULT_SANDBOX_BUDGET = 10;

export function sandboxAggregateOffer(options: TemplateOptions & { purposes: readonly string[]; k: number; privacy?: SandboxPrivacyOption }): Policy {
  const problems = baseChecks(options);
  if (options.purposes.length === 0) problems.push({ pointer: '/purposes', detail: 'Name at least one purpose' });
  if (!Number.isInteger(options.k) || options.k < 2) problems.push({ pointer: '/k', detail: 'k is an integer ≥ 2' });
  const privacy = options.privacy ?? {};
  const budget = privacy === 'exact' ? undefined : (privacy.budget ?? DEFAULT_SANDBOX_BUDGET);
  if (budget !== undefined && !(budget > 0 && Number.isFinite(budget))) problems.push({ pointer: '/privacy/budget', detail: 'The ε budget is a positive number' });
  check(problems);
  return offer(options, [
    permission('aggregate', [
      atom('deliveryChannel', 'eq', 'sandbox'),
      atom('purpose', 'isAnyOf', options.purposes),
      atom('tds:kAnonymity', 'gteq', options.k),
      ...(privacy === 'exact'
        ? [atom('tds:privacyMechanism', 'eq', 'exact')]
        : [atom('tds:privacyBudget', 'lteq', budget as number), atom('tds:privacyMechanism', 'eq', privacy.mechanism ?? 'laplace')]),
      ...priceConstraint(options),
    ]),
  ]);
}

export function timeLimitedDownloadOffer(options: TemplateOptions & { period: string; purposes?: readonly string[] }): Policy {
  const problems = baseChecks(options);
  if (!isDuration(options.period)) problems.push({ pointer: '/period', detail: 'The period is an ISO 8601 duration such as P30D' });
  check(problems);
  const within = atom('elapsedTime', 'lteq', options.period);
  return offer(
    options,
    [
      permission(
        'use',
        [atom('deliveryChannel', 'eq', 'download'), within, ...(options.purposes?.length ? [atom('purpose', 'isAnyOf', options.purposes)] : []), ...priceConstraint(options)],
        [{ action: 'delete', constraints: [within] }],
      ),
    ],
    [{ action: 'distribute', constraints: [] }],
  );
}

export function apiAccessOffer(options: TemplateOptions & { maxCalls: number; validUntil?: string }): Policy {
  const problems = baseChecks(options);
  if (!Number.isInteger(options.maxCalls) || options.maxCalls < 1) problems.push({ pointer: '/maxCalls', detail: 'maxCalls is an integer ≥ 1' });
  if (options.validUntil !== undefined && !parseDateValue(options.validUntil)) problems.push({ pointer: '/validUntil', detail: 'validUntil is an xsd:dateTime or xsd:date' });
  check(problems);
  return offer(options, [
    permission('read', [
      atom('deliveryChannel', 'eq', 'api'),
      atom('count', 'lteq', options.maxCalls),
      ...(options.validUntil ? [atom('dateTime', 'lteq', options.validUntil)] : []),
      ...priceConstraint(options),
    ]),
  ]);
}

export function openDataOffer(options: TemplateOptions): Policy {
  check(baseChecks(options));
  return offer(options, [permission('use', [], [{ action: 'attribute', constraints: [] }])]);
}

export function membersOnlyOffer(
  options: TemplateOptions & { industries?: readonly string[]; regions?: readonly string[]; roles?: readonly string[]; action?: string },
): Policy {
  const problems = baseChecks(options);
  options.regions?.forEach((r, i) => /^(\d{6}|CN)$/.test(r) || problems.push({ pointer: `/regions/${i}`, detail: 'A region is a 6-digit GB/T 2260 code or CN' }));
  options.industries?.forEach((c, i) => /^[A-T](\d{2,4})?$/.test(c) || problems.push({ pointer: `/industries/${i}`, detail: 'An industry is a GB/T 4754 code such as J or J66' }));
  check(problems);
  return offer(options, [
    permission(options.action ?? 'use', [
      atom('tds:membership', 'eq', 'member'),
      ...(options.industries?.length ? [atom('industry', 'isAnyOf', options.industries)] : []),
      ...(options.regions?.length ? [atom('tds:region', 'isPartOf', options.regions)] : []),
      ...(options.roles?.length ? [atom('tds:role', 'isAnyOf', options.roles)] : []),
      ...priceConstraint(options),
    ]),
  ]);
}
