const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function literal(value: unknown): unknown {
  if (typeof value === 'number') return { '@value': String(value), '@type': Number.isInteger(value) ? 'xsd:integer' : 'xsd:decimal' };
  if (typeof value === 'boolean') return { '@value': String(value), '@type': 'xsd:boolean' };
  return value;
}

/**
 * A policy (compacted JSON-LD) with every bare JSON number or boolean right operand written as a
 * typed literal (`5` → `{ "@value": "5", "@type": "xsd:integer" }`). DSP 2025-1's schema takes a
 * right operand only as a string, an object or an array, so offers are published in this form;
 * the evaluator reads both the same. Everything else is kept as it is.
 */
export function withTypedLiterals<T>(policy: T): T {
  if (Array.isArray(policy)) return policy.map(withTypedLiterals) as T;
  if (!isRecord(policy)) return policy;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(policy)) {
    out[key] = key === 'rightOperand' || key === 'odrl:rightOperand' ? (Array.isArray(value) ? value.map(literal) : literal(value)) : withTypedLiterals(value);
  }
  return out as T;
}
