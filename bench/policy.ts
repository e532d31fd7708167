// Usage-policy evaluation benchmark (使用控制). Prints, in one run on this machine:
//   - decisions/s and µs per decision of evaluate() (src/core/policy) on pre-parsed ODRL offers
//     at the `access` stage, for a generated workload of offers of every template kind and
//     requests by many consumers, about a third of them permitted;
//   - as the baseline, Cedar (@cedar-policy/cedar-wasm) deciding the same requests against the
//     same offers translated to Cedar (bench/support/policy-cedar.ts), in its fastest documented
//     form (policy sets preparsed once, statefulIsAuthorized) and in the basic one (isAuthorized,
//     the policy text parsed on every call), and with an empty policy set: the floor of one call
//     (the request, entities and context crossing into wasm), so Cedar's own evaluation shows;
//   - the cost of parsePolicy beside Cedar's preparsePolicySet.
// Both engines must agree on every request before anything is timed. Medians of rounds; each
// round runs the whole workload through every case, in a random order (the fast cases several
// times over, so that every sample lasts ~150 ms).
// Usage: npx tsx bench/policy.ts [--policies 150] [--requests 1000] [--rounds 15] [--cedar-time long|datetime] [--seed 20261124]
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { evaluate, parsePolicy, policyToJson, type DecisionCode, type Policy } from '../src/core/policy/index.js';
import { seededRandom } from '../src/core/random/seeded-random.js';
import { cedarPolicySet, cedarRequest, type CedarTime } from './support/policy-cedar.js';
import { buildAsks, buildConsumers, buildOffers, type OfferKind } from './support/policy-workload.js';
import { median } from './support/stats.js';

const { values } = parseArgs({
  options: {
    policies: { type: 'string' },
    requests: { type: 'string' },
    rounds: { type: 'string' },
    'cedar-time': { type: 'string' },
    seed: { type: 'string' },
  },
});
const POLICIES = Number(values.policies ?? 150);
const REQUESTS = Number(values.requests ?? 1000);
const ROUNDS = Number(values.rounds ?? 15);
const WARMUP = 3;
const TIME: CedarTime = values['cedar-time'] === 'datetime' ? 'datetime' : 'long';
const rand = seededRandom(Number(values.seed ?? 20_261_124));

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, Cedar ${cedar.getCedarVersion()} (@cedar-policy/cedar-wasm); ` +
    `${POLICIES} offers, ${REQUESTS} requests, ${ROUNDS} rounds after ${WARMUP} warm-up; Cedar time as ${TIME === 'long' ? 'epoch ms (Long)' : 'datetime/duration extension'}`,
);

// ---------------------------------------------------------------------------------------------
// The workload: offers written as the connector stores them (policyToJson), parsed once.

const offers = buildOffers(POLICIES, rand);
const consumers = buildConsumers(60, rand);
const jsons = offers.map((o) => policyToJson(o.policy));
const policies: Policy[] = jsons.map((json, i) => {
  const parsed = parsePolicy(json);
  if (!parsed.ok) throw new Error(`offer ${i} does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.policy;
});
const asks = buildAsks(offers, consumers, REQUESTS, rand);

const texts = policies.map((p) => cedarPolicySet(p, TIME));
texts.forEach((text, i) => {
  const answer = cedar.preparsePolicySet(`offer-${i}`, { staticPolicies: text });
  if (answer.type !== 'success') throw new Error(`Cedar refuses offer ${i}:\n${text}\n${JSON.stringify(answer.errors)}`);
});
const requests = asks.map((a) => cedarRequest(a, TIME));
const textCalls: cedar.AuthorizationCall[] = requests.map((r, k) => ({ ...r, policies: { staticPolicies: texts[asks[k]!.offer]! } }));
const statefulCalls: cedar.StatefulAuthorizationCall[] = requests.map((r, k) => ({ ...r, preparsedPolicySetId: `offer-${asks[k]!.offer}` }));
cedar.preparsePolicySet('empty', { staticPolicies: '' });
const floorCalls: cedar.StatefulAuthorizationCall[] = requests.map((r) => ({ ...r, preparsedPolicySetId: 'empty' }));

const atoms = (nodes: Policy['permissions'][number]['constraints']): number => nodes.reduce((n, c) => n + (c.kind === 'atomic' ? 1 : atoms(c.constraints)), 0);
const rules = policies.flatMap((p) => [...p.permissions, ...p.prohibitions]);
const kinds = new Map<OfferKind, number>();
for (const o of offers) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
console.log(
  `offers: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}; ${(rules.length / policies.length).toFixed(1)} rules and ` +
    `${(rules.reduce((n, r) => n + atoms(r.constraints), 0) / policies.length).toFixed(1)} atomic constraints per offer; ` +
    `Cedar text ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} chars per offer`,
);

// ---------------------------------------------------------------------------------------------
// Agreement: every request decided alike by both engines (and by both Cedar calls), else abort.

const codes = new Map<DecisionCode, number>();
const disagreements: string[] = [];
const cedarDecision = (answer: cedar.AuthorizationAnswer, k: number): boolean => {
  if (answer.type !== 'success') throw new Error(`Cedar failed on request ${k}: ${JSON.stringify(answer.errors)}`);
  if (answer.response.diagnostics.errors.length) throw new Error(`Cedar policy errors on request ${k}: ${JSON.stringify(answer.response.diagnostics.errors)}`);
  return answer.response.decision === 'allow';
};
asks.forEach((a, k) => {
  const ours = evaluate(policies[a.offer]!, a.request, a.context);
  codes.set(ours.reason.code, (codes.get(ours.reason.code) ?? 0) + 1);
  const [viaText, viaState] = [cedarDecision(cedar.isAuthorized(textCalls[k]!), k), cedarDecision(cedar.statefulIsAuthorized(statefulCalls[k]!), k)];
  if (ours.permitted !== viaText || ours.permitted !== viaState) {
    disagreements.push(`request ${k} on offer ${a.offer} (${offers[a.offer]!.kind}): ours ${ours.reason.code}, Cedar ${viaText}/${viaState}\n${JSON.stringify(a.request)}\n${texts[a.offer]}`);
  }
});
const share = (code: DecisionCode) => `${((100 * (codes.get(code) ?? 0)) / REQUESTS).toFixed(1)}% ${code}`;
console.log(
  `agreement: ${REQUESTS - disagreements.length} / ${REQUESTS} requests decided alike by evaluate(), Cedar isAuthorized and statefulIsAuthorized ` +
    `(${share('permitted')}; refused: ${share('constraints-not-satisfied')}, ${share('no-permission-for-action')}, ${share('prohibited')})`,
);
if (disagreements.length) {
  console.error(`the engines disagree; nothing timed. First ones:\n${disagreements.slice(0, 3).join('\n\n')}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Timing.

interface Case {
  label: string;
  unit: 'decision' | 'policy';
  units: number;
  run: () => number;
}

const cases: Case[] = [
  {
    label: 'evaluate() on parsed ODRL offers',
    unit: 'decision',
    units: asks.length,
    run: () => asks.reduce((n, a) => n + (evaluate(policies[a.offer]!, a.request, a.context).permitted ? 1 : 0), 0),
  },
  {
    label: 'Cedar statefulIsAuthorized, preparsed policy sets',
    unit: 'decision',
    units: asks.length,
    run: () => statefulCalls.reduce((n, c) => n + (cedar.statefulIsAuthorized(c).type === 'success' ? 1 : 0), 0),
  },
  {
    label: 'Cedar statefulIsAuthorized, empty policy set (the call alone)',
    unit: 'decision',
    units: asks.length,
    run: () => floorCalls.reduce((n, c) => n + (cedar.statefulIsAuthorized(c).type === 'success' ? 1 : 0), 0),
  },
  {
    label: 'Cedar isAuthorized, policy text each call',
    unit: 'decision',
    units: asks.length,
    run: () => textCalls.reduce((n, c) => n + (cedar.isAuthorized(c).type === 'success' ? 1 : 0), 0),
  },
  { label: 'parsePolicy (compacted JSON-LD)', unit: 'policy', units: jsons.length, run: () => jsons.reduce((n, j) => n + (parsePolicy(j).ok ? 1 : 0), 0) },
  {
    label: 'Cedar preparsePolicySet (Cedar text)',
    unit: 'policy',
    units: texts.length,
    run: () => texts.reduce((n, t, i) => n + (cedar.preparsePolicySet(`parse-${i}`, { staticPolicies: t }).type === 'success' ? 1 : 0), 0),
  },
];

let sink = 0;
const microseconds = (c: Case, repeat = 1): number => {
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) sink += c.run();
  return Number(process.hrtime.bigint() - start) / 1e3 / c.units / repeat;
};
const warm = cases.map((c) => Math.min(...Array.from({ length: WARMUP }, () => microseconds(c))));
// Each sample lasts at least ~150 ms (the whole workload, repeated for the fast cases), so a
// burst of other work on this shared machine or one collection does not make a sample.
const repeats = cases.map((c, i) => Math.max(1, Math.round(150_000 / (warm[i]! * c.units))));
const samples = cases.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  // A random order per round, so that no engine always runs after the other's garbage.
  const order = cases.map((_, i) => i).sort(() => rand() - 0.5);
  for (const i of order) samples[i]!.push(microseconds(cases[i]!, repeats[i]));
}

const results = cases.map((c, i) => ({ ...c, median: median(samples[i]!), min: Math.min(...samples[i]!), max: Math.max(...samples[i]!) }));
const fmt = (us: number) => (us < 10 ? us.toFixed(2) : us.toFixed(1));
console.log(`\n| | µs per decision or policy (median of ${ROUNDS} rounds) | per second | fastest / slowest round (µs) |`);
console.log('| --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.label} | ${fmt(r.median)} µs / ${r.unit} | ${Math.round(1e6 / r.median).toLocaleString('en')} ${r.unit === 'decision' ? 'decisions' : 'policies'}/s | ${fmt(r.min)} / ${fmt(r.max)} |`);
}
const [ours, stateful, floor, text, parse, preparse] = [0, 1, 2, 3, 4, 5] as const; // positions in `cases`
// Ratios and differences are taken within each round (both sides ran moments apart, under the
// same load from whatever else this machine runs), then their median across rounds.
const paired = (f: (a: number, b: number) => number, a: number, b: number) => median(samples[a]!.map((x, r) => f(x, samples[b]![r]!)));
const ratio = (baseline: number, measured: number) => {
  const x = paired((b, m) => b / m, baseline, measured);
  return x >= 1 ? `${x.toFixed(2)}× faster than` : `${(1 / x).toFixed(2)}× slower than`;
};
console.log(`\nevaluate() is ${ratio(stateful, ours)} Cedar with preparsed policy sets (the fastest documented form), ${ratio(text, ours)} Cedar isAuthorized with the policy text (medians of the ratios within rounds).`);
console.log(
  `Of Cedar's ${fmt(results[stateful]!.median)} µs, ${fmt(results[floor]!.median)} µs are the call itself (an empty policy set, same request, entities and context): ` +
    `its policy evaluation adds about ${fmt(paired((a, b) => a - b, stateful, floor))} µs per decision, against ${fmt(results[ours]!.median)} µs for evaluate() with its explanation and duties.`,
);
console.log(`parsePolicy is ${ratio(preparse, parse)} Cedar's preparsePolicySet, per offer.`);
console.log(`(checksum ${sink})`);
