/**
 * Cuts a CSV byte stream (RFC 4180: quoted fields may hold commas, quotes doubled, and line
 * breaks) into records, whatever the chunk boundaries: a record split across chunks is carried
 * over, so each record is seen whole, once, with its field boundaries. LF or CRLF ends a record;
 * a UTF-8 BOM at the start of the stream is kept but is no part of any field.
 */

/** A field's flags: it was quoted; it breaks RFC 4180 (text after a closing quote, no closing quote). */
export const QUOTED = 1;
export const MALFORMED = 2;

/**
 * A record's bytes (its line ending included) and, per field, three numbers: where its content
 * starts, where it ends (a quoted field: at the closing quote), and its flags. Both arrays are
 * only valid during the callback.
 */
export type RecordHandler = (bytes: Uint8Array, fields: readonly number[]) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

// Parser states: at a field's start, inside an unquoted field, inside quotes, just after a quote
// inside quotes (closing, or the first of a doubled pair), after a closing quote and a CR.
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteSeen: 3, Closed: 4 } as const;
type State = (typeof State)[keyof typeof State];

export class CsvRecordSplitter {
  private state: State = State.FieldStart;
  private contentStart = 0;
  private closeAt = 0;
  private flags = 0;
  private prev = 0;
  private readonly fields: number[] = [];
  private carried: Uint8Array[] = [];
  private carriedLength = 0;
  private bomChecked = 0;

  push(chunk: Uint8Array, onRecord: RecordHandler): void {
    let i = 0;
    while (this.bomChecked < 3 && i < chunk.length) {
      if (chunk[i] !== BOM[this.bomChecked]) {
        // Not a BOM after all: the bytes taken so far began an unquoted field.
        if (this.bomChecked > 0) {
          this.state = State.Unquoted;
          this.contentStart = 0;
          this.flags = 0;
        }
        this.bomChecked = 3;
        break;
      }
      this.bomChecked++;
      i++;
    }
    let recordStart = 0;
    const fields = this.fields;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      const rel = this.carriedLength + i - recordStart;
      let endOfRecord = false;
      switch (this.state) {
        case State.FieldStart:
          if (b === QUOTE) {
            this.state = State.Quoted;
            this.contentStart = rel + 1;
            this.flags = QUOTED;
          } else if (b === COMMA) fields.push(rel, rel, 0);
          else if (b === LF) {
            fields.push(rel, rel, 0);
            endOfRecord = true;
          } else {
            this.state = State.Unquoted;
            this.contentStart = rel;
            this.flags = 0;
          }
          break;
        case State.Unquoted:
          if (b === COMMA) {
            fields.push(this.contentStart, rel, this.flags);
            this.state = State.FieldStart;
          } else if (b === LF) {
            fields.push(this.contentStart, this.prev === CR ? rel - 1 : rel, this.flags);
            endOfRecord = true;
          } else if (b === QUOTE) this.flags |= MALFORMED;
          break;
        case State.Quoted:
          if (b === QUOTE) {
            this.state = State.QuoteSeen;
            this.closeAt = rel;
          }
          break;
        case State.QuoteSeen:
        case State.Closed:
          if (b === QUOTE && this.state === State.QuoteSeen) this.state = State.Quoted;
          else if (b === COMMA) {
            fields.push(this.contentStart, this.closeAt, this.flags);
            this.state = State.FieldStart;
          } else if (b === LF) {
            fields.push(this.contentStart, this.closeAt, this.flags);
            endOfRecord = true;
          } else if (b === CR) this.state = State.Closed;
          else {
            this.flags |= MALFORMED;
            this.state = State.Unquoted;
          }
          break;
      }
      this.prev = b;
      if (endOfRecord) {
        onRecord(this.take(chunk, recordStart, i + 1), fields);
        fields.length = 0;
        this.state = State.FieldStart;
        recordStart = i + 1;
      }
    }
    if (recordStart < chunk.length) {
      // Copied: the caller may reuse its buffer once push returns.
      this.carried.push(chunk.slice(recordStart));
      this.carriedLength += chunk.length - recordStart;
    }
  }

  /** Hands over the last record when the stream does not end with a line break. */
  end(onRecord: RecordHandler): void {
    if (this.carriedLength === 0) return;
    const length = this.carriedLength;
    const fields = this.fields;
    switch (this.state) {
      case State.FieldStart:
        fields.push(length, length, 0);
        break;
      case State.Unquoted:
        fields.push(this.contentStart, this.prev === CR ? length - 1 : length, this.flags);
        break;
      case State.Quoted:
        fields.push(this.contentStart, length, this.flags | MALFORMED);
        break;
      default:
        fields.push(this.contentStart, this.closeAt, this.flags);
    }
    onRecord(this.take(new Uint8Array(0), 0, 0), fields);
    fields.length = 0;
    this.state = State.FieldStart;
  }

  private take(chunk: Uint8Array, from: number, to: number): Uint8Array {
    if (this.carriedLength === 0) return chunk.subarray(from, to);
    const out = new Uint8Array(this.carriedLength + to - from);
    let o = 0;
    for (const part of this.carried) {
      out.set(part, o);
      o += part.length;
    }
    out.set(chunk.subarray(from, to), o);
    this.carried = [];
    this.carriedLength = 0;
    return out;
  }
}
