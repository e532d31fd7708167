import { parsePolicy, type Policy } from '../policy/index.js';
import type { CatalogOffer } from './dsp-catalog-messages.js';
import { isRecord, pointerTo, type DspJsonReader } from './dsp-json-reader.js';
import type { AgreementPolicy, MessageOffer } from './dsp-messages.js';

/**
 * The ODRL policies DSP messages carry, read by core/policy's `parsePolicy` (whose problems are
 * re-pointed into the message) and then held to what DSP adds:
 * - every offer and agreement needs a permission or a prohibition (schema);
 * - an offer in a contract request or offer message, and an agreement, need a `target`, and
 *   their rules must not have one (spec text: rule targets upset ODRL's compact-policy inference);
 * - an offer in a catalog must not have a `target` (schema: the dataset is the target);
 * - an agreement needs `assigner`, `assignee` and an xsd:dateTime `timestamp` (schema and text).
 */

// The schema's xsd:dateTime pattern, anchored (JSON Schema patterns match anywhere).
const xsdDateTime =
  /^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

type PolicyKind = 'Offer' | 'Agreement';

function readPolicy(r: DspJsonReader, value: unknown, pointer: string, kind: PolicyKind): Policy | undefined {
  if (!isRecord(value)) return r.problem(pointer, `The ${kind.toLowerCase()} must be a JSON object`);
  const result = parsePolicy(value);
  if (!result.ok) {
    for (const p of result.problems) r.problem(pointer + p.pointer, p.detail);
    return undefined;
  }
  const { policy } = result;
  let fine = true;
  const problem = (at: string, detail: string) => {
    r.problem(at, detail);
    fine = false;
  };
  if (value['@type'] !== kind) problem(pointerTo(pointer, '@type'), `@type must be ${kind} (got ${JSON.stringify(value['@type'])})`);
  if (!policy.permissions.length && !policy.prohibitions.length) problem(pointer, `An ${kind.toLowerCase()} needs at least one permission or prohibition`);
  for (const name of ['permission', 'prohibition', 'obligation'] as const) {
    const rules = value[name];
    const list = Array.isArray(rules) ? rules : rules === undefined ? [] : [rules];
    list.forEach((rule, i) => {
      const at = Array.isArray(rules) ? pointerTo(pointer, name, i) : pointerTo(pointer, name);
      if (isRecord(rule) && Object.hasOwn(rule, 'target')) problem(pointerTo(at, 'target'), 'A rule must not have its own target: the policy names it');
    });
  }
  return fine ? policy : undefined;
}

export function readMessageOffer(r: DspJsonReader, value: unknown, pointer: string): MessageOffer | undefined {
  const policy = readPolicy(r, value, pointer, 'Offer');
  if (!policy) return undefined;
  if (!policy.target) return r.problem(pointerTo(pointer, 'target'), 'The offer in a contract request or offer needs a target (the dataset)');
  return { ...policy, type: 'Offer', target: policy.target };
}

export function readAgreement(r: DspJsonReader, value: unknown, pointer: string): AgreementPolicy | undefined {
  const policy = readPolicy(r, value, pointer, 'Agreement');
  if (!policy) return undefined;
  const missing = (['target', 'assigner', 'assignee', 'timestamp'] as const).filter((key) => !policy[key]);
  for (const key of missing) r.problem(pointerTo(pointer, key), `An agreement needs its ${key}`);
  if (policy.timestamp && !xsdDateTime.test(policy.timestamp)) r.problem(pointerTo(pointer, 'timestamp'), 'The timestamp must be an xsd:dateTime (2025-06-01T08:00:00Z)');
  const { target, assigner, assignee, timestamp } = policy;
  if (missing.length || !target || !assigner || !assignee || !timestamp || !xsdDateTime.test(timestamp)) return undefined;
  return { ...policy, type: 'Agreement', target, assigner, assignee, timestamp };
}

export function readCatalogOffer(r: DspJsonReader, value: unknown, pointer: string): CatalogOffer | undefined {
  const policy = readPolicy(r, value, pointer, 'Offer');
  if (!policy) return undefined;
  if (policy.target) return r.problem(pointerTo(pointer, 'target'), 'An offer in a catalog has no target: the dataset it belongs to is the target');
  return { ...policy, type: 'Offer' };
}
