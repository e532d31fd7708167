import type { FieldProblem } from '../errors/domain-error.js';
import { isRecord, JsonLdReader } from './jsonld-reader.js';
import { parseConstraints } from './odrl-parse-constraint.js';
import { policyTypes, type ConflictStrategy, type Duty, type Permission, type Policy, type PolicyType, type Rule } from './odrl-policy.js';
import { findKeys, joinPointer } from './odrl-terms.js';

export type ParseResult = { ok: true; policy: Policy } | { ok: false; problems: FieldProblem[] };

/**
 * Reads an ODRL 2.2 policy as compacted JSON-LD: the DSP 2025-1 form (`permission`, `action`,
 * `constraint`, … unprefixed), `odrl:`-prefixed keys, full ODRL IRIs for terms, single values or
 * arrays, `{ "@id" }` and `{ "@value", "@type" }` objects. Every problem is reported with the JSON
 * Pointer of what the client sent; nothing is silently dropped that would change what the policy
 * allows (action refinements, remedies, consequences, inheritance and `perm` conflict handling are
 * refused, not ignored).
 */
export function parsePolicy(json: unknown): ParseResult {
  const reader = new JsonLdReader();
  const policy = readPolicy(reader, json);
  return policy && reader.problems.length === 0 ? { ok: true, policy } : { ok: false, problems: reader.problems };
}

const unsupported: Readonly<Record<string, string>> = {
  inheritFrom: 'Policy inheritance (inheritFrom) is not supported: send the whole policy',
  refinement: 'Action refinements are not supported: write them as constraints of the rule',
  remedy: 'Remedies are not supported',
  consequence: 'Consequences of duties are not supported',
  failure: 'failure is not supported',
};

function refuseUnsupported(reader: JsonLdReader, node: Record<string, unknown>, pointer: string): void {
  for (const [name, detail] of Object.entries(unsupported)) {
    for (const key of findKeys(node, name)) reader.problem(joinPointer(pointer, key), detail);
  }
}

function readPolicy(reader: JsonLdReader, json: unknown): Policy | undefined {
  if (!isRecord(json)) return reader.problem('', 'A policy must be a JSON object');
  refuseUnsupported(reader, json, '');
  const uid = reader.uid(json, '') ?? reader.problem('/@id', 'A policy needs an @id (its uid)');
  const type = readType(reader, json);
  const iri = (name: string) => {
    const m = reader.member(json, '', name);
    return m && reader.iri(m.value, m.pointer, name);
  };
  const profileMember = reader.member(json, '', 'profile');
  const profile = profileMember && reader.items(profileMember.value, profileMember.pointer).map((item) => reader.iri(item.value, item.pointer, 'profile') ?? '');
  // An Agreement's timestamp is a DSP term (dspace:timestamp), not an ODRL one.
  const timestampKey = ['timestamp', 'dspace:timestamp'].find((key) => Object.hasOwn(json, key));
  const timestamp = timestampKey && reader.text(json[timestampKey], joinPointer('', timestampKey), 'timestamp');
  const conflict = readConflict(reader, json);
  const rules = <T>(name: string, read: (value: unknown, pointer: string) => T | undefined): T[] => {
    const m = reader.member(json, '', name);
    return m ? reader.items(m.value, m.pointer).flatMap((item) => read(item.value, item.pointer) ?? []) : [];
  };
  const permissions = rules('permission', (v, p) => readPermission(reader, v, p));
  const prohibitions = rules('prohibition', (v, p) => readRule(reader, v, p, 'prohibition'));
  const obligations = rules('obligation', (v, p) => readRule(reader, v, p, 'obligation'));
  if (!['permission', 'prohibition', 'obligation'].some((name) => findKeys(json, name).length)) {
    reader.problem('', 'A policy needs at least one permission, prohibition or obligation');
  }
  if (!uid || !type) return undefined;
  const [target, assigner, assignee] = [iri('target'), iri('assigner'), iri('assignee')];
  return {
    uid,
    type,
    ...(profile ? { profile } : {}),
    ...(target ? { target } : {}),
    ...(assigner ? { assigner } : {}),
    ...(assignee ? { assignee } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(conflict ? { conflict } : {}),
    permissions,
    prohibitions,
    obligations,
  };
}

/** `Offer`, `Agreement`, `Set`; ODRL's generic `Policy` and a missing type read as `Set`, ODRL's default. */
function readType(reader: JsonLdReader, json: Record<string, unknown>): PolicyType | undefined {
  if (!Object.hasOwn(json, '@type')) return 'Set';
  const terms = reader.items(json['@type'], '/@type').map((item) => reader.term(item.value, item.pointer, '@type'));
  const type = terms.map((t) => (t === 'Policy' ? 'Set' : t)).find((t): t is PolicyType => (policyTypes as readonly (string | undefined)[]).includes(t));
  return type ?? reader.problem('/@type', `A policy's @type is Offer, Agreement or Set (got ${terms.join(', ')})`);
}

function readConflict(reader: JsonLdReader, json: Record<string, unknown>): ConflictStrategy | undefined {
  const m = reader.member(json, '', 'conflict');
  const term = m && reader.term(m.value, m.pointer, 'conflict');
  if (!m || term === undefined) return undefined;
  if (term === 'prohibit' || term === 'invalid') return term;
  return reader.problem(m.pointer, `conflict ${term} is not supported: prohibitions always win (prohibit)`);
}

function readPermission(reader: JsonLdReader, value: unknown, pointer: string): Permission | undefined {
  const rule = readRule(reader, value, pointer, 'permission');
  if (!rule || !isRecord(value)) return undefined;
  const m = reader.member(value, pointer, 'duty');
  const duties = m ? reader.items(m.value, m.pointer).flatMap((item) => readRule(reader, item.value, item.pointer, 'duty') ?? []) : [];
  return { ...rule, duties };
}

function readRule(reader: JsonLdReader, value: unknown, pointer: string, kind: 'permission' | 'prohibition' | 'obligation' | 'duty'): Duty | Rule | undefined {
  if (!isRecord(value)) return reader.problem(pointer, `A ${kind} must be an object`);
  refuseUnsupported(reader, value, pointer);
  if (kind !== 'permission') for (const key of findKeys(value, 'duty')) reader.problem(joinPointer(pointer, key), `Only a permission has duties; a ${kind} cannot`);
  const uid = reader.uid(value, pointer);
  const action = readAction(reader, value, pointer);
  const iri = (name: string) => {
    const m = reader.member(value, pointer, name);
    return m && reader.iri(m.value, m.pointer, name);
  };
  const [target, assigner, assignee] = [iri('target'), iri('assigner'), iri('assignee')];
  const c = reader.member(value, pointer, 'constraint');
  const constraints = c ? parseConstraints(reader, c.value, c.pointer) : [];
  if (!action) return undefined;
  return {
    ...(uid ? { uid } : {}),
    action,
    ...(target ? { target } : {}),
    ...(assigner ? { assigner } : {}),
    ...(assignee ? { assignee } : {}),
    constraints,
  };
}

/** One action: `"use"`, `"odrl:use"`, its IRI, `{ "@id" }`, or an array of one. */
function readAction(reader: JsonLdReader, rule: Record<string, unknown>, pointer: string): string | undefined {
  const m = reader.member(rule, pointer, 'action');
  if (!m) return reader.problem(joinPointer(pointer, 'action'), 'A rule needs an action');
  if (isRecord(m.value) && (Object.hasOwn(m.value, 'rdf:value') || findKeys(m.value, 'refinement').length)) {
    return reader.problem(m.pointer, unsupported.refinement ?? '');
  }
  if (Array.isArray(m.value) && m.value.length > 1) return reader.problem(m.pointer, 'A rule has exactly one action');
  return reader.term(m.value, m.pointer, 'action');
}
