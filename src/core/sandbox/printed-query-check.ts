import { isNode, type AstNode } from './sql-ast.js';

/**
 * The second lock on what runs. The printer is the first: it writes SQL from the gate's model
 * only. This one parses that SQL again (DuckDB's `json_serialize_sql`) and checks the shape
 * nothing the gate prints can escape: one SELECT, no set operation, no subquery, no CTE, no
 * table function, and every table a view in the job's own schema. A printer bug that let a
 * consumer's text change the statement (a comment, a second statement) stops here.
 */
export function printedQueryProblem(serialized: unknown, schema: string): string | undefined {
  if (!isNode(serialized) || serialized.error === true) return `does not parse: ${isNode(serialized) ? String(serialized.error_message) : '?'}`;
  const statements = Array.isArray(serialized.statements) ? serialized.statements : [];
  if (statements.length !== 1) return `${statements.length} statements`;
  let problem: string | undefined;
  const visit = (value: unknown, key: string): void => {
    if (problem) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (!isNode(value)) return;
    const node: AstNode = value;
    if (node.type === 'SET_OPERATION_NODE' || node.type === 'CTE_NODE' || node.type === 'RECURSIVE_CTE_NODE') problem = String(node.type);
    else if (node.class === 'SUBQUERY' || node.type === 'SUBQUERY' || node.type === 'TABLE_FUNCTION') problem = String(node.class ?? node.type);
    else if (key === 'cte_map' && isNode(node) && Array.isArray(node.map) && node.map.length) problem = 'WITH';
    else if (node.type === 'BASE_TABLE' && (node.schema_name !== schema || node.catalog_name)) problem = `table ${String(node.schema_name ?? '')}.${String(node.table_name ?? '')}`;
    for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(statements, 'statements');
  return problem;
}
