// A deterministic usage-policy workload for bench/policy.ts: N offers of the kinds a data space
// publishes (the templates of core/policy, plus the composite offers and agreements providers
// write by hand) and M access requests by different consumers, for different purposes, at
// different times and counts, about half of them refused. Built by small factories, no JSON blobs.
import {
  apiAccessOffer,
  membersOnlyOffer,
  openDataOffer,
  parseDuration,
  rightValues,
  sandboxAggregateOffer,
  timeLimitedDownloadOffer,
  type AtomicConstraint,
  type ConstraintNode,
  type LogicalConstraint,
  type Operator,
  type Policy,
  type PolicyContext,
  type PolicyRequest,
  type PolicySubject,
} from '../../src/core/policy/index.js';
import { firstInstant, lastInstant, parseDateValue } from '../../src/core/policy/xsd-date-time.js';

export type OfferKind = 'sandbox' | 'download' | 'api' | 'open' | 'members' | 'composite' | 'agreement';

/** An offer and what a consumer who means to comply would ask of it. */
export interface BenchOffer {
  kind: OfferKind;
  policy: Policy;
  action: string;
  channel?: string;
  purposes: readonly string[];
  price?: number;
  assignee?: string;
  /** Whom the offer is for (members-only and composite offers): the catalog shows it to them. */
  audience?: { industries: readonly string[]; regions: readonly string[] };
}

export interface BenchAsk {
  offer: number;
  request: PolicyRequest;
  context: PolicyContext;
}

const DAY = 86_400_000;
const purposes = ['research', 'statistics', 'credit-risk', 'grid-planning', 'public-service', 'insurance-pricing', 'marketing'] as const;
const industryPairs = [['J', 'J66'], ['C', 'C38'], ['D', 'D44'], ['Q', 'Q84'], ['I', 'I65'], ['M', 'M73'], ['G', 'G54']] as const;
/** GB/T 2260 districts in Henan, Shanghai, Guangdong, Beijing, Sichuan, Jiangsu. */
const districts = ['410105', '410102', '410302', '310101', '310115', '440305', '440106', '110105', '510107', '320506'] as const;
const provinces = ['410000', '310000', '440000', '110000', '510000', '320000'] as const;

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const some = <T>(rand: Rand, items: readonly T[], n: number): T[] => [...items].sort(() => rand() - 0.5).slice(0, n);
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

// Constraint factories, in the parsed model's shape (numbers as typed literals, as the templates write them).
const atom = (leftOperand: string, operator: Operator, right: string | number | readonly string[], unit?: string): AtomicConstraint => ({
  kind: 'atomic',
  leftOperand,
  operator,
  rightOperand: Array.isArray(right)
    ? right.map((value: string) => ({ value }))
    : typeof right === 'number' ? { value: String(right), datatype: 'xsd:integer' } : { value: right as string },
  ...(unit ? { unit } : {}),
});
const logical = (op: LogicalConstraint['op'], ...constraints: ConstraintNode[]): LogicalConstraint => ({ kind: 'logical', op, constraints });

/** A validity window: from midnight China time on a start day to the end of an end day (a date covers its whole day). */
function validity(rand: Rand): ConstraintNode[] {
  const start = Date.parse('2025-09-01T00:00:00Z') + Math.floor(rand() * 150) * DAY;
  const end = start + (270 + Math.floor(rand() * 360)) * DAY;
  return [atom('dateTime', 'gteq', `${date(start)}T00:00:00+08:00`), atom('dateTime', 'lteq', `${date(end)}+08:00`)];
}

function withConstraints(policy: Policy, extra: ConstraintNode[]): Policy {
  const [first, ...rest] = policy.permissions;
  return first ? { ...policy, permissions: [{ ...first, constraints: [...first.constraints, ...extra] }, ...rest] } : policy;
}

function offer(i: number, kind: OfferKind, rand: Rand): BenchOffer {
  const uid = `urn:uuid:bench-offer-${i}`;
  const target = `urn:tds:bench:asset:${i}`;
  const base = { uid, target, assigner: `p_prov${String(i % 37).padStart(4, '0')}` };
  const price = rand() < 0.3 ? 100 * (1 + Math.floor(rand() * 20)) : undefined;
  const priced = price ? { price: { amount: price, currency: 'CNY' } } : {};
  switch (kind) {
    case 'sandbox': {
      const allowed = some(rand, purposes.slice(0, 6), 1 + Math.floor(rand() * 3));
      const policy = sandboxAggregateOffer({ ...base, ...priced, purposes: allowed, k: pick(rand, [5, 10, 20]) });
      return { kind, policy: withConstraints(policy, validity(rand)), action: 'aggregate', channel: 'sandbox', purposes: allowed, ...(price ? { price } : {}) };
    }
    case 'download': {
      const allowed = rand() < 0.6 ? some(rand, purposes.slice(0, 6), 2) : [];
      const policy = timeLimitedDownloadOffer({ ...base, ...priced, period: pick(rand, ['P7D', 'P30D', 'P90D']), purposes: allowed });
      const inChina = rand() < 0.5 ? [atom('spatial', 'isPartOf', 'CN')] : [];
      // Any purpose but marketing: a request that states none is refused, since it cannot be ruled out.
      const notFor = allowed.length ? [] : [{ action: 'use', constraints: [atom('purpose', 'isAnyOf', ['marketing', 'profiling'])] }];
      const limited = withConstraints({ ...policy, prohibitions: [...policy.prohibitions, ...notFor] }, [...inChina, ...validity(rand)]);
      return { kind, policy: limited, action: 'use', channel: 'download', purposes: allowed, ...(price ? { price } : {}) };
    }
    case 'api': {
      const validUntil = rand() < 0.5 ? `${date(Date.parse('2026-03-31T00:00:00Z') + Math.floor(rand() * 400) * DAY)}+08:00` : `2026-12-31T23:59:59+08:00`;
      const maxCalls = pick(rand, [100, 1000, 10_000]);
      const policy = apiAccessOffer({ ...base, ...priced, maxCalls, validUntil });
      // A tier: developer accounts get at most 100 calls (a prohibition, so an unknown count refuses them).
      const tier = maxCalls > 100 && rand() < 0.5 ? [{ action: 'read', constraints: [logical('and', atom('tds:role', 'eq', 'developer'), atom('count', 'gt', 100))] }] : [];
      return { kind, policy: { ...policy, prohibitions: tier }, action: 'read', channel: 'api', purposes: [], ...(price ? { price } : {}) };
    }
    case 'open':
      return { kind, policy: openDataOffer(base), action: 'use', purposes: [] };
    case 'members': {
      const industries = some(rand, industryPairs.map(([section]) => section), 1 + Math.floor(rand() * 3));
      const regions = rand() < 0.6 ? some(rand, provinces, 1 + Math.floor(rand() * 2)) : [];
      const policy = membersOnlyOffer({ ...base, ...priced, action: pick(rand, ['use', 'read']), industries, regions, ...(rand() < 0.5 ? { roles: ['consumer'] } : {}) });
      return { kind, policy, action: policy.permissions[0]!.action, purposes: [], audience: { industries, regions }, ...(price ? { price } : {}) };
    }
    case 'composite':
      return compositeOffer(base, rand);
    case 'agreement':
      return agreement(i, base, rand);
  }
}

/**
 * Written by hand by a provider: members from some provinces or of some industry (or exactly one
 * of the two, where the other group has its own offer); either aggregates in the sandbox
 * (k ≥ 10) or up to 5,000 API calls, not both; never for marketing or profiling, nor by
 * developer accounts (a prohibition, so a request that states no purpose is refused: it cannot
 * be ruled out).
 */
function compositeOffer(base: { uid: string; target: string; assigner: string }, rand: Rand): BenchOffer {
  const allowed = some(rand, purposes.slice(0, 6), 3);
  const [regions, industries] = [some(rand, provinces, 2), some(rand, ['J', 'D', 'Q'], 2)];
  const policy: Policy = {
    ...base,
    type: 'Offer',
    permissions: [
      {
        action: 'use',
        constraints: [
          atom('tds:membership', 'eq', 'member'),
          logical(pick(rand, ['or', 'xone'] as const), atom('tds:region', 'isPartOf', regions), atom('industry', 'isAnyOf', industries)),
          logical(
            'xone',
            logical('and', atom('deliveryChannel', 'eq', 'sandbox'), atom('tds:kAnonymity', 'gteq', 10)),
            logical('and', atom('deliveryChannel', 'eq', 'api'), atom('count', 'lteq', 5000)),
          ),
          atom('purpose', 'isAnyOf', allowed),
          ...validity(rand),
        ],
        duties: [{ action: 'inform', constraints: [atom('elapsedTime', 'lteq', 'PT1H')] }],
      },
    ],
    prohibitions: [
      { action: 'use', constraints: [logical('or', atom('purpose', 'isAnyOf', ['marketing', 'profiling']), atom('tds:role', 'eq', 'developer'))] },
      { action: 'distribute', constraints: [] },
    ],
    obligations: [],
  };
  return { kind: 'composite', policy, action: 'use', channel: pick(rand, ['sandbox', 'api']), purposes: allowed, audience: { industries, regions: [] } };
}

/** A signed agreement for one consumer: 180 days from signing, within a window, up to N uses, delete at the end. */
function agreement(i: number, base: { uid: string; target: string; assigner: string }, rand: Rand): BenchOffer {
  const assignee = consumerId(Math.floor(rand() * 12));
  const period = atom('elapsedTime', 'lteq', 'P180D');
  const policy: Policy = {
    ...base,
    uid: `urn:uuid:bench-agreement-${i}`,
    type: 'Agreement',
    assignee,
    permissions: [
      {
        action: 'use',
        constraints: [period, atom('count', 'lteq', pick(rand, [500, 2000])), logical('andSequence', atom('tds:membership', 'eq', 'member'), atom('tds:role', 'isAnyOf', ['consumer'])), ...validity(rand)],
        duties: [{ action: 'delete', constraints: [period] }],
      },
    ],
    prohibitions: [{ action: 'distribute', constraints: [] }],
    obligations: [{ action: 'attribute', constraints: [] }],
  };
  return { kind: 'agreement', policy, action: 'use', purposes: [], assignee };
}

const kinds: ReadonlyArray<[OfferKind, number]> = [['sandbox', 0.2], ['download', 0.2], ['api', 0.2], ['open', 0.08], ['members', 0.17], ['composite', 0.1], ['agreement', 0.05]];

export function buildOffers(n: number, rand: Rand): BenchOffer[] {
  return Array.from({ length: n }, (_, i) => {
    let x = rand();
    const kind = kinds.find(([, weight]) => (x -= weight) < 0)?.[0] ?? 'sandbox';
    return offer(i, kind, rand);
  });
}

const consumerId = (i: number): string => `p_cons${String(i).padStart(4, '0')}`;

export function buildConsumers(n: number, rand: Rand): PolicySubject[] {
  return Array.from({ length: n }, (_, i) => {
    const region = rand() < 0.9 ? pick(rand, districts) : undefined; // not every registry record has one
    const r = rand();
    const roles = r < 0.65 ? ['consumer'] : r < 0.77 ? ['consumer', 'provider'] : r < 0.9 ? ['consumer', 'developer'] : ['developer'];
    return {
      participantId: consumerId(i),
      ...(rand() < 0.5 ? { did: `did:web:cons${i}.example.cn` } : {}),
      admitted: rand() < 0.88,
      roles,
      industries: [...pick(rand, industryPairs)],
      ...(region ? { region } : {}),
    };
  });
}

const childActions: Readonly<Record<string, readonly string[]>> = { use: ['use', 'read', 'aggregate', 'derive'], read: ['read'], aggregate: ['aggregate'] };

interface Moment {
  now: number;
  signed?: number;
  uses?: number;
}

/**
 * The edges of an offer's limits, where an off-by-one would show: the last allowed call and the
 * first refused one (`count` includes the call asked for), the first and last millisecond of a
 * window (a date covers its whole day), the last instant of an elapsed period and the one after.
 */
function edges(policy: Policy): Array<Array<(m: Moment) => void>> {
  const out: Array<Array<(m: Moment) => void>> = [];
  const visit = (nodes: readonly ConstraintNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'logical') {
        visit(n.constraints);
        continue;
      }
      const v = String(rightValues(n)[0]?.value);
      if (n.leftOperand === 'count') out.push([(m) => void (m.uses = Number(v) - 1), (m) => void (m.uses = Number(v))]);
      const d = n.leftOperand === 'dateTime' ? parseDateValue(v) : undefined;
      if (d) {
        const [first, last] = [firstInstant(d).getTime(), lastInstant(d).getTime()];
        out.push([first - 1, first, last, last + 1].map((t) => (m: Moment) => void (m.now = t)));
      }
      const p = n.leftOperand === 'elapsedTime' ? parseDuration(v) : undefined;
      if (p) {
        const ms = (((p.days * 24 + p.hours) * 60 + p.minutes) * 60 + p.seconds) * 1000;
        out.push([(m) => void (m.signed = m.now - ms), (m) => void (m.signed = m.now - ms - 1)]);
      }
    }
  };
  for (const rule of [...policy.permissions, ...policy.prohibitions]) visit(rule.constraints);
  return out;
}

/** Mostly someone the offer is for (as the catalog shows offers to them), sometimes anyone. */
function asker(o: BenchOffer, consumers: readonly PolicySubject[], rand: Rand): PolicySubject {
  if (o.assignee && rand() < 0.7) return consumers.find((c) => c.participantId === o.assignee)!;
  const audience = o.audience;
  const fits = (c: PolicySubject) =>
    !!audience && c.industries.some((i) => audience.industries.includes(i)) && (audience.regions.length === 0 || audience.regions.some((r) => c.region?.startsWith(r.slice(0, 2))));
  const eligible = consumers.filter(fits);
  return eligible.length && rand() < 0.75 ? pick(rand, eligible) : pick(rand, consumers);
}

/** A request as a consumer sends it: mostly in line with the offer, sometimes not (wrong channel, purpose, too late, too many calls). */
export function buildAsks(offers: readonly BenchOffer[], consumers: readonly PolicySubject[], n: number, rand: Rand): BenchAsk[] {
  return Array.from({ length: n }, () => {
    const index = Math.floor(rand() * offers.length);
    const o = offers[index]!;
    const subject = asker(o, consumers, rand);
    const a = rand();
    const action = a < 0.7 ? pick(rand, childActions[o.action] ?? [o.action]) : a < 0.82 ? 'distribute' : a < 0.9 ? 'read' : a < 0.95 ? 'transfer' : 'aggregate';
    const channel = rand() < 0.85 ? o.channel ?? pick(rand, ['download', 'api']) : rand() < 0.7 ? pick(rand, ['sandbox', 'download', 'api']) : undefined;
    const p = rand();
    const purpose = p < 0.8 && o.purposes.length ? pick(rand, o.purposes) : p < 0.92 ? pick(rand, purposes) : undefined;
    const l = rand();
    const location = l < 0.85 ? subject.region : l < 0.92 ? 'SG' : undefined;
    const m: Moment = { now: Date.parse('2026-01-01T00:00:00Z') + Math.floor(rand() * 400 * DAY) };
    if (rand() < 0.9) m.signed = m.now - Math.floor(rand() ** 2 * 150 * DAY);
    if (rand() < 0.93) m.uses = Math.floor(10 ** (rand() * 3.7));
    const limits = edges(o.policy);
    if (limits.length && rand() < 0.2) pick(rand, pick(rand, limits))(m);
    const { now, signed, uses } = m;
    const paid = o.price && rand() < 0.85 ? (rand() < 0.85 ? o.price : Math.floor(o.price / 2)) : undefined;
    const request: PolicyRequest = {
      action,
      target: rand() < 0.97 ? o.policy.target! : offers[(index + 1) % offers.length]!.policy.target!,
      ...(purpose ? { purpose } : {}),
      ...(channel ? { channel } : {}),
      ...(channel === 'sandbox' ? { kAnonymity: pick(rand, [5, 12, 25, 50, 120, 400]) } : {}),
      ...(location ? { location } : {}),
    };
    const context: PolicyContext = {
      now: new Date(now),
      subject,
      ...(signed !== undefined ? { agreement: { signedAt: new Date(signed) } } : {}),
      ...(uses !== undefined ? { usage: { count: uses } } : {}),
      ...(paid !== undefined ? { payment: { paidAmount: paid, currency: rand() < 0.93 ? 'CNY' : 'USD' } } : {}),
    };
    return { offer: index, request, context };
  });
}
