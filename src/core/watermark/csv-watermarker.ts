import { carrierScore } from './carrier-rule.js';
import { CsvRecordSplitter, MALFORMED } from './csv-record-splitter.js';
import { fragmentsOf, pointOf, rowThreshold } from './fragment-code.js';
import { textMarkBytes } from './invisible-encoding.js';
import { concatBytes, type StreamingWatermarker } from './streaming-watermarker.js';
import { encodeMark, type WatermarkPayload } from './watermark-payload.js';

/** Data rows looked at before deciding that each carrying row must hold the whole mark. */
export const headerWindow = 64;

interface Held {
  bytes: Uint8Array;
  at: number;
  mark: Uint8Array | undefined;
}

/** Where a record's mark goes: the end of its best free-text field, or -1. */
function carrierOffset(bytes: Uint8Array, fields: readonly number[]): number {
  let best = 0;
  let at = -1;
  for (let f = 0; f < fields.length; f += 3) {
    if (fields[f + 2]! & MALFORMED) continue;
    const score = carrierScore(bytes, fields[f]!, fields[f + 1]!, false);
    if (score > best) {
      best = score;
      at = fields[f + 1]!;
    }
  }
  return at;
}

const isBlank = (fields: readonly number[]): boolean => fields.length === 3 && fields[0] === fields[1] && fields[2] === 0;

/**
 * Marks a CSV file (UTF-8, header row) for one consumer. Each data row with a free-text cell
 * (carrier-rule.ts) gets a fragment at the end of that cell; any `rowThreshold` of them give the
 * mark back. The header is never marked: programs look columns up by its names, which must stay
 * exactly the data dictionary's. Records are held until the first `rowThreshold` carrying rows
 * are seen; if the first `headerWindow` data rows (or the whole file) have fewer, the carrying
 * rows among them hold the whole mark each (k = 1), so one of them traces a leak. A file with no
 * free-text cell at all is delivered unmarked (its delivery is traced by the ledger's SHA-256).
 *
 * @throws WatermarkPayloadError when the payload cannot be encoded.
 */
export function createCsvWatermarker(payload: WatermarkPayload): StreamingWatermarker {
  const mark = encodeMark(payload);
  const rowMarks = fragmentsOf(mark, rowThreshold).map(textMarkBytes);
  const wholeMark = textMarkBytes(fragmentsOf(mark, 1)[0]!);
  const splitter = new CsvRecordSplitter();
  // Until the header decision: everything so far, in order (held, so copied).
  let held: Held[] | undefined = [];
  let header: Held | undefined;
  let carriers = 0;
  let dataRows = 0;
  let out: Uint8Array[] = [];

  const emit = (r: Held): void => {
    if (r.mark && r.at >= 0) out.push(r.bytes.subarray(0, r.at), r.mark, r.bytes.subarray(r.at));
    else out.push(r.bytes);
  };
  const decide = (markWhole: boolean): void => {
    for (const r of held ?? []) emit(markWhole && r.mark ? { ...r, mark: wholeMark } : r);
    held = undefined;
  };
  const onRecord = (bytes: Uint8Array, fields: readonly number[]): void => {
    let record: Held;
    if (isBlank(fields)) record = { bytes, at: -1, mark: undefined };
    else if (!header && held) {
      header = { bytes: bytes.slice(), at: -1, mark: undefined };
      held.push(header);
      return;
    } else {
      const at = carrierOffset(bytes, fields);
      record = { bytes, at, mark: at >= 0 ? rowMarks[pointOf(dataRows) - 1] : undefined };
      dataRows++;
      if (at >= 0) carriers++;
    }
    if (!held) return emit(record);
    held.push({ ...record, bytes: record.bytes.slice() });
    if (carriers >= rowThreshold) decide(false);
    else if (dataRows >= headerWindow) decide(true);
  };

  const drain = (): Uint8Array => {
    const result = concatBytes(out);
    out = [];
    return result;
  };
  return {
    push(chunk) {
      splitter.push(chunk, onRecord);
      return drain();
    },
    end() {
      splitter.end(onRecord);
      if (held) decide(carriers < rowThreshold);
      return drain();
    },
  };
}
