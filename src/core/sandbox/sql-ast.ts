import { refuse } from './gate-refusal.js';

/**
 * DuckDB's parse tree as `json_serialize_sql(..., skip_default, skip_null, skip_empty)` writes it.
 * The gate reads it as untrusted JSON: every node is checked to carry only the members the gate
 * understands, so syntax DuckDB adds later is refused until someone reads what it means.
 */
export type AstNode = Readonly<Record<string, unknown>>;

const always = new Set(['class', 'type', 'query_location', 'alias']);

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asNode(value: unknown, what: string): AstNode {
  if (!isNode(value)) return refuse('sandbox.unsupported-syntax', { what });
  return value;
}

export function asNodes(value: unknown, what: string): AstNode[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return refuse('sandbox.unsupported-syntax', { what });
  return value.map((v) => asNode(v, what));
}

export const location = (node: AstNode): number | undefined => (typeof node.query_location === 'number' && node.query_location < 2 ** 31 ? node.query_location : undefined);

/** Refuses a node holding members beyond `known` (with a non-empty value), naming the first. */
export function onlyMembers(node: AstNode, known: readonly string[], what: string): void {
  for (const [key, value] of Object.entries(node)) {
    if (always.has(key) || known.includes(key)) continue;
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isNode(value) && Object.keys(value).length === 0) continue;
    // DuckDB writes an empty ORDER_MODIFIER for aggregates without ORDER BY.
    if (key === 'order_bys' && isNode(value) && asNodes(value.orders, 'ORDER BY').length === 0) continue;
    refuse('sandbox.unsupported-syntax', { what: `${what} (${key})` }, location(node));
  }
}

export const nodeString = (node: AstNode, key: string): string | undefined => (typeof node[key] === 'string' ? (node[key] as string) : undefined);
