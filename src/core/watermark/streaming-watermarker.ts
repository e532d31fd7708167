/**
 * A watermarker fed a file chunk by chunk, as a Node Transform would (the caller owns the
 * stream; core only turns bytes into bytes). The output is the same bytes whatever the
 * chunking, so the SHA-256 the provider records of a delivery is reproducible.
 */
export interface StreamingWatermarker {
  /** Marked bytes ready so far; may be empty while a record is incomplete or a decision pending. */
  push(chunk: Uint8Array): Uint8Array;
  /** The rest of the marked file. Call once, after the last push. */
  end(): Uint8Array;
}

/** Joins output pieces into one array (the pieces are views; this copies once). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!.slice();
  let length = 0;
  for (const p of pieces) length += p.length;
  const out = new Uint8Array(length);
  let o = 0;
  for (const p of pieces) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Marks a whole file held in memory: one push and the end. */
export function watermarkBytes(watermarker: StreamingWatermarker, bytes: Uint8Array): Uint8Array {
  return concatBytes([watermarker.push(bytes), watermarker.end()]);
}
