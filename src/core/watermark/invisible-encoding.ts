/**
 * How fragment bytes are written into text so that nobody sees them and no value a program
 * parses changes:
 *
 * - in text: U+2060 WORD JOINER, then one variation selector U+FE00–U+FE0F per nibble (high
 *   nibble first). All are default-ignorable (renderers draw nothing), all are in the BMP (3
 *   UTF-8 bytes each; MySQL's 3-byte utf8 keeps them), and none is whitespace to `trim()` or
 *   `str.strip()`. Sixteen selectors carry 4 bits a character, twice what the four classic
 *   zero-width characters carry. The word joiner first keeps the selectors from attaching a
 *   variant glyph to the text's last character.
 * - in JSON whitespace (the JSON Lines fallback): a sentinel byte, then one space (0) or tab (1)
 *   per bit, most significant first. JSON ignores it, so values do not change at all.
 */
const JOINER = [0xe2, 0x81, 0xa0]; // U+2060 in UTF-8
const SPACE = 0x20;
const TAB = 0x09;
/** 0xB4 as bits, a pattern ordinary indentation does not make. */
export const whitespaceSentinel = 0xb4;

export function textMarkBytes(fragment: Uint8Array): Uint8Array {
  const out = new Uint8Array(JOINER.length + fragment.length * 6);
  out.set(JOINER);
  let o = JOINER.length;
  for (const byte of fragment) {
    // U+FE00 + n is EF B8 (80 + n) in UTF-8.
    out.set([0xef, 0xb8, 0x80 + (byte >> 4), 0xef, 0xb8, 0x80 + (byte & 0x0f)], o);
    o += 6;
  }
  return out;
}

export function whitespaceMarkBytes(fragment: Uint8Array): Uint8Array {
  const bytes = [whitespaceSentinel, ...fragment];
  const out = new Uint8Array(bytes.length * 8);
  bytes.forEach((byte, i) => {
    for (let bit = 0; bit < 8; bit++) out[i * 8 + bit] = byte & (0x80 >> bit) ? TAB : SPACE;
  });
  return out;
}

/** A JSON writer may have escaped the characters (Python's ensure_ascii): read them back. */
function unescapeJson(text: string): string {
  return text.includes('\\u') ? text.replace(/\\u(2060|fe0[0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Every candidate fragment written in text (after a word joiner), as bytes. */
export function textMarkCandidates(text: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (const match of unescapeJson(text).matchAll(/\u2060([\uFE00-\uFE0F]{12,})/g)) {
    const run = match[1]!;
    const bytes = new Uint8Array(run.length >> 1);
    for (let i = 0; i < bytes.length; i++) bytes[i] = ((run.charCodeAt(2 * i) - 0xfe00) << 4) | (run.charCodeAt(2 * i + 1) - 0xfe00);
    found.push(bytes);
  }
  return found;
}

const sentinelText = Array.from({ length: 8 }, (_, bit) => (whitespaceSentinel & (0x80 >> bit) ? '\t' : ' ')).join('');

/** Every candidate fragment written in runs of spaces and tabs (after the sentinel), as bytes. */
export function whitespaceMarkCandidates(text: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (const match of text.matchAll(/[ \t]{56,}/g)) {
    const at = match[0].indexOf(sentinelText);
    if (at < 0) continue;
    const bits = match[0].slice(at + 8);
    const bytes = new Uint8Array(bits.length >> 3);
    for (let i = 0; i < bytes.length * 8; i++) if (bits[i] === '\t') bytes[i >> 3] = bytes[i >> 3]! | (0x80 >> (i & 7));
    found.push(bytes);
  }
  return found;
}
