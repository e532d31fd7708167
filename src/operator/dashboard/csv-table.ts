/**
 * A CSV table as Excel opens it: a UTF-8 byte order mark (so Chinese text is read as UTF-8),
 * CRLF line ends (RFC 4180), quoting where needed, and text cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`) prefixed with an apostrophe, since names and titles come from
 * participants.
 */
export function csvTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => cells.map(cell).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
