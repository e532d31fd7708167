import { carrierScore } from './carrier-rule.js';
import { fragmentsOf, pointOf, rowThreshold } from './fragment-code.js';
import { textMarkBytes, whitespaceMarkBytes } from './invisible-encoding.js';
import { concatBytes, type StreamingWatermarker } from './streaming-watermarker.js';
import { encodeMark, type WatermarkPayload } from './watermark-payload.js';

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === LF;

/** Where a line's mark goes: the inside end of its best free-text string value, or -1. Keys never carry. */
function stringCarrier(line: Uint8Array, from: number): number {
  let best = 0;
  let at = -1;
  for (let i = from; i < line.length; i++) {
    if (line[i] !== QUOTE) continue;
    const start = i + 1;
    let end = start;
    while (end < line.length && line[end] !== QUOTE) end += line[end] === BACKSLASH ? 2 : 1;
    if (end >= line.length) return at; // unterminated: not JSON, leave the rest alone
    i = end;
    let next = end + 1;
    while (next < line.length && isSpace(line[next]!)) next++;
    if (line[next] === COLON) continue;
    const score = carrierScore(line, start, end, true);
    if (score > best) {
      best = score;
      at = end;
    }
  }
  return at;
}

/**
 * Marks a JSON Lines file for one consumer. On each line the longest free-text string value
 * (carrier-rule.ts; keys never) gets a fragment just before its closing quote; a line with none
 * whose value is an object or array gets it as whitespace right after the opening brace or
 * bracket, which changes no value at all. Any `rowThreshold` marked lines give the mark back.
 * Scalar lines without free text stay unmarked.
 *
 * @throws WatermarkPayloadError when the payload cannot be encoded.
 */
export function createJsonlWatermarker(payload: WatermarkPayload): StreamingWatermarker {
  const fragments = fragmentsOf(encodeMark(payload), rowThreshold);
  const textMarks = fragments.map(textMarkBytes);
  const spaceMarks = fragments.map(whitespaceMarkBytes);
  let carried: Uint8Array[] = [];
  let lines = 0;
  let streamStart = true;
  let out: Uint8Array[] = [];

  const markLine = (line: Uint8Array): void => {
    let first = 0;
    // A BOM before the first line belongs to no value.
    if (streamStart && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) first = 3;
    streamStart = false;
    while (first < line.length && isSpace(line[first]!)) first++;
    if (first === line.length) return void out.push(line);
    const point = pointOf(lines++);
    let at = stringCarrier(line, first);
    let mark = textMarks[point - 1]!;
    if (at < 0 && (line[first] === 0x7b || line[first] === 0x5b)) {
      at = first + 1;
      mark = spaceMarks[point - 1]!;
    }
    if (at < 0) out.push(line);
    else out.push(line.subarray(0, at), mark, line.subarray(at));
  };
  const carriedLine = (chunk: Uint8Array, to: number): Uint8Array => {
    if (carried.length === 0) return chunk.subarray(0, to);
    const line = concatBytes([...carried, chunk.subarray(0, to)]);
    carried = [];
    return line;
  };
  const drain = (): Uint8Array => {
    const result = concatBytes(out);
    out = [];
    return result;
  };

  return {
    push(chunk) {
      let from = 0;
      let lf = chunk.indexOf(LF);
      if (lf >= 0) {
        markLine(carriedLine(chunk, lf + 1));
        from = lf + 1;
        while ((lf = chunk.indexOf(LF, from)) >= 0) {
          markLine(chunk.subarray(from, lf + 1));
          from = lf + 1;
        }
      }
      if (from < chunk.length) carried.push(chunk.slice(from));
      return drain();
    },
    end() {
      if (carried.length > 0) markLine(carriedLine(new Uint8Array(0), 0));
      return drain();
    },
  };
}
