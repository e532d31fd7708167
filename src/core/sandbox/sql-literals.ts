import { refuse } from './gate-refusal.js';
import { castTypes } from './function-allowlist.js';
import { isNode, type AstNode } from './sql-ast.js';

/** A double-quoted SQL identifier; any character allowed, quotes doubled. */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A single-quoted SQL string literal. */
export const quoteString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * A constant from the parse tree as SQL text. Integers beyond 2^53 are refused: JSON numbers
 * lose precision there, and the printed query must mean exactly what was parsed.
 */
export function constantSql(value: unknown, at?: number): { sql: string; text: string } {
  if (!isNode(value)) return refuse('sandbox.constant', { detail: '?' }, at);
  const type = isNode(value.type) ? String(value.type.id) : '';
  if (value.is_null === true) return { sql: 'NULL', text: 'NULL' };
  const v = value.value;
  switch (type) {
    case 'VARCHAR': {
      if (typeof v !== 'string' || v.includes('\u0000')) return refuse('sandbox.constant', { detail: 'string' }, at);
      return { sql: quoteString(v), text: quoteString(v) };
    }
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return refuse('sandbox.constant', { detail: String(v) }, at);
      // A negative number is bracketed: nothing printed before it can make its sign a comment.
      return { sql: v < 0 ? `(${v})` : String(v), text: String(v) };
    }
    case 'DOUBLE': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return refuse('sandbox.constant', { detail: String(v) }, at);
      return { sql: `CAST(${quoteString(String(v))} AS DOUBLE)`, text: String(v) };
    }
    case 'DECIMAL': {
      const info = isNode(value.type) && isNode(value.type.type_info) ? value.type.type_info : {};
      const scale = Number(info.scale);
      const width = Number(info.width);
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || !Number.isInteger(scale) || !Number.isInteger(width) || scale < 0 || width > 18) {
        return refuse('sandbox.constant', { detail: String(v) }, at);
      }
      const digits = String(Math.abs(v)).padStart(scale + 1, '0');
      const text = `${v < 0 ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
      return { sql: `CAST(${quoteString(text)} AS DECIMAL(${width},${scale}))`, text };
    }
    default:
      return refuse('sandbox.constant', { detail: type || '?' }, at);
  }
}

/** A cast's target type as SQL, from the allow list. */
export function castTypeSql(castType: unknown, at?: number): string {
  const node: AstNode = isNode(castType) ? castType : {};
  const id = String(node.id ?? '');
  if (!castTypes.has(id)) return refuse('sandbox.type-not-allowed', { name: id || '?' }, at);
  if (id !== 'DECIMAL') return id;
  const info = isNode(node.type_info) ? node.type_info : {};
  const width = Number(info.width);
  const scale = Number(info.scale);
  if (!Number.isInteger(width) || !Number.isInteger(scale) || width < 1 || width > 38 || scale < 0 || scale > width) return refuse('sandbox.type-not-allowed', { name: 'DECIMAL' }, at);
  return `DECIMAL(${width},${scale})`;
}
