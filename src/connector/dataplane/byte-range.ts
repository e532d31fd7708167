/** One satisfiable byte range, inclusive bounds, as RFC 9110 §14 defines them. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range a `Range` header asks for within `size` bytes: undefined for no header (the whole
 * content), 'unsatisfiable' for a range past the end (416). Only single ranges are served; a
 * multi-range request gets the whole content, which RFC 9110 allows.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
