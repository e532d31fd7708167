import type { SandboxSchema } from '../../api/sandbox-types';

const plainName = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const numericType = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;

/** Whether a column of this (DuckDB) type holds numbers. */
export const isNumericType = (type: string) => numericType.test(type);

/** An identifier as SQL: as it is when it is a plain name (Chinese included), else double-quoted. */
export function sqlName(name: string): string {
  return plainName.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * A first query to start from, over the first granted view: its first column as the group, a
 * count, and the average of the next numeric column when there is one. Identifier columns are
 * left out (they may only join views). Empty when nothing is granted.
 */
export function exampleSql(schema: Pick<SandboxSchema, 'views'>): string {
  const view = schema.views[0];
  const columns = (view?.columns ?? []).filter((c) => !c.identifier);
  const [group, ...rest] = columns;
  if (!view || !group) return '';
  const measure = rest.find((c) => isNumericType(c.type));
  const outputs = [sqlName(group.name), 'count(*)', ...(measure ? [`avg(${sqlName(measure.name)})`] : [])];
  return `SELECT ${outputs.join(', ')}\nFROM ${sqlName(view.name)}\nGROUP BY 1`;
}
