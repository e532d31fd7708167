import { parseFragment, type Fragment } from './fragment-code.js';
import { textMarkCandidates, whitespaceMarkCandidates } from './invisible-encoding.js';
import { recoverMark } from './mark-recovery.js';
import type { WatermarkPayload } from './watermark-payload.js';

/** A mark found in a file: who it was delivered to, and how many rows (or the header) carried it. */
export interface ExtractedWatermark extends WatermarkPayload {
  carriers: number;
}

/**
 * Reads the mark of a delivered CSV or JSON Lines file, or of any part or re-saved copy of one.
 * The format need not be known: fragments are found by their own framing wherever they sit in
 * the text (cells, string values, escaped as \uXXXX, or JSON whitespace), so re-quoting, other
 * line endings, a lost BOM, reordered or dropped rows do not matter.
 *
 * @returns the payload most fragments agree on and whose CRC-32 holds; undefined when the file
 *   has no mark, too few marked rows (fewer than 3 without a marked header), or only damaged ones.
 */
export function extractWatermark(input: Uint8Array | string): ExtractedWatermark | undefined {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const fragments: Fragment[] = [];
  for (const bytes of [...textMarkCandidates(text), ...whitespaceMarkCandidates(text)]) {
    const fragment = parseFragment(bytes);
    if (fragment) fragments.push(fragment);
  }
  const found = recoverMark(fragments);
  return found && { ...found.payload, carriers: found.carriers };
}
