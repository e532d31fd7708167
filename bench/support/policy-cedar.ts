// The bench's ODRL policies as Cedar policies, and its requests as Cedar requests, for
// bench/policy.ts. Same facts, same meaning at the `access` stage (where every constraint is
// checked), including our fail-closed rules: a permission needs each constraint `true`; a
// prohibition applies unless some constraint is `false`, so a missing value makes it apply.
//
// Cedar has two truth values where ours has three (`true`, `false`, `unknown`; `deferred` does
// not occur at `access`), so every constraint node is written twice: T (the node is `true`) and
// F (the node is `false`); `unknown` is neither. A value that may be missing is guarded with
// `has`, so Cedar never errors (an erroring forbid would be skipped, i.e. fail open).
//
// Subjects are `Participant` entities (admitted, roles, industries, region, did); regions are
// `Region` entities whose parents are the prefecture, the province and `CN` (GB/T 2260, as
// regionAncestry); actions are `Action` entities whose parents follow ODRL `includedIn`; the
// asset is the resource. Time is either Cedar's `datetime` / `duration` extension or epoch ms.
import type { AuthorizationCall, CedarValueJson, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { regionAncestry } from '../../src/core/catalog/catalog-visibility.js';
import { actionAncestry, compactTerm, parseDuration, rightValues, type AtomicConstraint, type ConstraintNode, type Policy, type Rule } from '../../src/core/policy/index.js';
import { firstInstant, lastInstant, parseDateValue } from '../../src/core/policy/xsd-date-time.js';
import type { BenchAsk } from './policy-workload.js';

export type CedarTime = 'datetime' | 'long';
export type CedarRequest = Omit<AuthorizationCall, 'policies'>;

const str = (s: string): string => {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`not a plain ASCII string: ${s}`);
  return JSON.stringify(s);
};
const list = (values: readonly string[]): string => `[${values.map(str).join(', ')}]`;
const region = (code: string): string => `Region::${str(code)}`;
const and = (xs: readonly string[]): string => (xs.length === 0 ? 'true' : xs.length === 1 ? xs[0]! : `(${xs.join(' && ')})`);
const or = (xs: readonly string[]): string => (xs.length === 0 ? 'false' : xs.length === 1 ? xs[0]! : `(${xs.join(' || ')})`);

interface Atom {
  /** What must hold for the value to be known; undefined when it always is. */
  guard?: string;
  cond: string;
}

function unsupported(c: AtomicConstraint): never {
  throw new Error(`no Cedar form for ${c.leftOperand} ${c.operator} in this bench`);
}

function compareOp(c: AtomicConstraint): string {
  const ops: Partial<Record<string, string>> = { eq: '==', neq: '!=', lt: '<', lteq: '<=', gt: '>', gteq: '>=' };
  return ops[c.operator] ?? unsupported(c);
}

/** A string value (purpose, channel): equality and membership. */
function stringAtom(c: AtomicConstraint, value: string, rights: string[]): string {
  switch (c.operator) {
    case 'eq':
      return `${value} == ${str(rights[0]!)}`;
    case 'neq':
      return `${value} != ${str(rights[0]!)}`;
    case 'isAnyOf':
      return `${list(rights)}.contains(${value})`;
    case 'isNoneOf':
      return `!${list(rights)}.contains(${value})`;
    default:
      return unsupported(c);
  }
}

/** A set of strings (roles, industries): `eq r` is membership, `isAnyOf` intersection (operator-semantics.ts). */
function setAtom(c: AtomicConstraint, value: string, rights: string[]): string {
  switch (c.operator) {
    case 'eq':
      return `${value}.contains(${str(rights[0]!)})`;
    case 'neq':
      return `!${value}.contains(${str(rights[0]!)})`;
    case 'isAnyOf':
      return `${value}.containsAny(${list(rights)})`;
    case 'isAllOf':
      return `${value}.containsAll(${list(rights)})`;
    case 'isNoneOf':
      return `!${value}.containsAny(${list(rights)})`;
    default:
      return unsupported(c);
  }
}

/** A region value: `isPartOf` / `isA` by the Region hierarchy, `eq` as the same code. */
function regionAtom(c: AtomicConstraint, value: string, rights: string[]): string {
  if (c.operator === 'isPartOf' || c.operator === 'isA') return `${value} in [${rights.map(region).join(', ')}]`;
  if (c.operator === 'eq') return `${value} == ${region(rights[0]!)}`;
  return unsupported(c);
}

function integer(c: AtomicConstraint, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) unsupported(c);
  return n;
}

function timeAtom(c: AtomicConstraint, time: CedarTime): string {
  const value = parseDateValue(String(rightValues(c)[0]?.value));
  if (!value) return unsupported(c);
  const lit = (d: Date) => (time === 'datetime' ? `datetime(${str(d.toISOString())})` : String(d.getTime()));
  // A date stands for its whole day in its zone: from its first to its last instant.
  const [first, last] = [lit(firstInstant(value)), lit(lastInstant(value))];
  switch (c.operator) {
    case 'lt':
      return `context.now < ${first}`;
    case 'lteq':
      return `context.now <= ${last}`;
    case 'gt':
      return `context.now > ${last}`;
    case 'gteq':
      return `context.now >= ${first}`;
    case 'eq':
      return `(context.now >= ${first} && context.now <= ${last})`;
    default:
      return unsupported(c);
  }
}

function elapsedAtom(c: AtomicConstraint, time: CedarTime): Atom {
  const d = parseDuration(String(rightValues(c)[0]?.value));
  if (!d || d.years || d.months) return unsupported(c); // Cedar durations have no calendar months
  const ms = (((d.days * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  const end = time === 'datetime' ? `context.signedAt.offset(duration(${str(`${ms}ms`)}))` : `(context.signedAt + ${ms})`;
  return { guard: 'context has signedAt', cond: `context.now ${compareOp(c)} ${end}` };
}

function atomToCedar(c: AtomicConstraint, time: CedarTime): Atom {
  const rights = rightValues(c).map((v) => String(v.value));
  const number = (value: string) => `${value} ${compareOp(c)} ${integer(c, rights[0]!)}`;
  switch (c.leftOperand) {
    case 'dateTime':
      return { cond: timeAtom(c, time) };
    case 'elapsedTime':
      return elapsedAtom(c, time);
    case 'tds:membership':
      if ((c.operator !== 'eq' && c.operator !== 'neq') || !['member', 'applicant'].includes(rights[0]!)) return unsupported(c);
      return { cond: (rights[0] === 'member') === (c.operator === 'eq') ? 'principal.admitted' : '!principal.admitted' };
    case 'tds:role':
      return { cond: setAtom(c, 'principal.roles', rights) };
    case 'industry':
      return { cond: setAtom(c, 'principal.industries', rights) };
    case 'tds:region':
      return { guard: 'principal has region', cond: regionAtom(c, 'principal.region', rights) };
    case 'spatial':
      return { guard: 'context has location', cond: regionAtom(c, 'context.location', rights) };
    case 'purpose':
      return { guard: 'context has purpose', cond: stringAtom(c, 'context.purpose', rights) };
    case 'deliveryChannel':
      return { guard: 'context has channel', cond: stringAtom(c, 'context.channel', rights) };
    case 'count': // the uses made plus the one asked for
      return { guard: 'context has uses', cond: number('(context.uses + 1)') };
    case 'tds:kAnonymity':
      return { guard: 'context has kAnonymity', cond: number('context.kAnonymity') };
    case 'payAmount': // a currency other than the constraint's unit is `unknown`, as a missing one is
      return {
        guard: c.unit ? `(context has paidAmount && context has currency && context.currency == ${str(c.unit)})` : 'context has paidAmount',
        cond: number('context.paidAmount'),
      };
    default:
      return unsupported(c);
  }
}

/** [T, F]: the Cedar conditions for "this node is `true`" and "this node is `false`". */
function nodeToCedar(node: ConstraintNode, time: CedarTime): [string, string] {
  if (node.kind === 'atomic') {
    const { guard, cond } = atomToCedar(node, time);
    return guard ? [`(${guard} && ${cond})`, `(${guard} && !(${cond}))`] : [cond, `!(${cond})`];
  }
  const children = node.constraints.map((n) => nodeToCedar(n, time));
  const ts = children.map(([t]) => t);
  const fs = children.map(([, f]) => f);
  switch (node.op) {
    case 'and':
      return [and(ts), or(fs)];
    case 'andSequence': // stops at the first false or unknown: false when the first non-true child is false
      return [and(ts), or(fs.map((f, i) => and([...ts.slice(0, i), f])))];
    case 'or':
      return [or(ts), and(fs)];
    case 'xone': {
      const trues = `(${ts.map((t) => `(if ${t} then 1 else 0)`).join(' + ')})`;
      const known = and(children.map(([t, f]) => `(${t} || ${f})`));
      return [`(${trues} == 1 && ${known})`, `(${trues} > 1 || (${known} && ${trues} == 0))`];
    }
  }
}

function ruleToCedar(policy: Policy, rule: Rule, effect: 'permit' | 'forbid', id: string, time: CedarTime): string {
  const conditions: string[] = [];
  const target = rule.target ?? policy.target;
  const assignee = rule.assignee ?? policy.assignee;
  let principal = 'principal';
  if (assignee?.startsWith('did:')) conditions.push(`(principal has did && principal.did == ${str(assignee)})`);
  else if (assignee) principal = `principal == Participant::${str(assignee)}`;
  const nodes = rule.constraints.map((n) => nodeToCedar(n, time));
  // A permission needs every constraint true; a prohibition applies unless one is false.
  if (nodes.length) conditions.push(effect === 'permit' ? and(nodes.map(([t]) => t)) : `!${or(nodes.map(([, f]) => f))}`);
  const scope = `${principal}, action in Action::${str(rule.action)}, ${target ? `resource == Asset::${str(target)}` : 'resource'}`;
  return `@id(${str(id)})\n${effect} (${scope})${conditions.length ? `\nwhen { ${conditions.join(' && ')} }` : ''};`;
}

/** One Cedar policy set per ODRL policy: a forbid per prohibition, a permit per permission. */
export function cedarPolicySet(policy: Policy, time: CedarTime): string {
  return [
    ...policy.prohibitions.map((rule, i) => ruleToCedar(policy, rule, 'forbid', `prohibition-${i}`, time)),
    ...policy.permissions.map((rule, i) => ruleToCedar(policy, rule, 'permit', `permission-${i}`, time)),
  ].join('\n');
}

const uid = (type: string, id: string) => ({ type, id });

/** An entity and its ancestors, each the parent of the one before. */
const chain = (type: string, ids: readonly string[]): EntityJson[] =>
  ids.map((id, i) => ({ uid: uid(type, id), attrs: {}, parents: ids[i + 1] ? [uid(type, ids[i + 1]!)] : [] }));

const regionChain = (code: string): string[] => [...regionAncestry(code), ...(/^\d{6}$/.test(code) ? ['CN'] : [])];

/** The Cedar request for one of the bench's requests: the subject, its region and the action's ancestry as entities, the rest as context. */
export function cedarRequest({ request, context }: BenchAsk, time: CedarTime): CedarRequest {
  const s = context.subject;
  const at = (d: Date): CedarValueJson => (time === 'datetime' ? { __extn: { fn: 'datetime', arg: d.toISOString() } } : d.getTime());
  const action = compactTerm(request.action);
  const regions = new Map<string, EntityJson>();
  for (const code of [s.region, request.location]) {
    const ids = code ? regionChain(code) : [];
    chain('Region', ids).forEach((e, i) => regions.set(ids[i]!, e));
  }
  const principal: EntityJson = {
    uid: uid('Participant', s.participantId),
    attrs: {
      admitted: s.admitted,
      roles: [...s.roles],
      industries: [...s.industries],
      ...(s.region ? { region: { __entity: uid('Region', s.region) } } : {}),
      ...(s.did ? { did: s.did } : {}),
    },
    parents: [],
  };
  const ctx: Record<string, CedarValueJson> = { now: at(context.now) };
  if (context.agreement) ctx.signedAt = at(context.agreement.signedAt);
  if (context.usage?.count !== undefined) ctx.uses = context.usage.count;
  if (request.purpose !== undefined) ctx.purpose = request.purpose;
  if (request.channel !== undefined) ctx.channel = request.channel;
  if (request.kAnonymity !== undefined) ctx.kAnonymity = request.kAnonymity;
  if (request.location !== undefined) ctx.location = { __entity: uid('Region', request.location) };
  if (context.payment?.paidAmount !== undefined) ctx.paidAmount = context.payment.paidAmount;
  if (context.payment?.currency !== undefined) ctx.currency = context.payment.currency;
  if (!request.target) throw new Error('the bench always names the target');
  return {
    principal: uid('Participant', s.participantId),
    action: uid('Action', action),
    resource: uid('Asset', request.target),
    context: ctx,
    entities: [principal, ...regions.values(), ...chain('Action', actionAncestry(action))],
  };
}
