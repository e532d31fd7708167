export interface SqlPosition {
  /** 1-based, counted in characters (code points). */
  position: number;
  line: number;
  column: number;
  /** The line the position is on, and the characters of it before the position. */
  lineText: string;
  before: string;
}

/**
 * Where a refusal's `at` (a 0-based character offset into the submitted SQL) points: line and
 * column for people, and the line itself so the console can mark the spot. Undefined when the
 * offset lies outside the text.
 */
export function locateInSql(sql: string, at: number): SqlPosition | undefined {
  const chars = Array.from(sql);
  if (!Number.isInteger(at) || at < 0 || at > chars.length) return undefined;
  const head = chars.slice(0, at).join('');
  const lines = head.split('\n');
  const before = lines[lines.length - 1] ?? '';
  const lineStart = head.length - before.length;
  const end = sql.indexOf('\n', lineStart);
  const lineText = sql.slice(lineStart, end < 0 ? undefined : end);
  return { position: at + 1, line: lines.length, column: Array.from(before).length + 1, lineText, before };
}
