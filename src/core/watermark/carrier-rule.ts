/**
 * Which cells may carry a mark: free text only, so that no value a program compares, parses or
 * joins on changes. A cell is free text when
 *
 * - it does not start (after spaces) with a digit, sign or point: quantities, dates, codes and
 *   amounts such as "12.5万元" or "2024年3月" stay as they are; and
 * - it holds at least two non-ASCII letters (Chinese and other scripts: "河南省郑州市…"), or at
 *   least two ASCII words of two or more letters with a space between ("New York office").
 *
 * So numbers, dates, times, USCC and identity numbers, UUIDs, e-mail addresses, URLs, phone
 * numbers, single-word codes ("ACTIVE") and single Chinese characters ("是", "男") never
 * carry. Of a record's free-text cells the longest carries (the leftmost on a tie): it is the
 * most likely to be a name, address or description rather than a category.
 */

const isAsciiLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

function isLetter(cp: number): boolean {
  return (
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x1fff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    // a UTF-16 high surrogate written as a JSON escape: a supplementary character, counted as CJK
    (cp >= 0xd840 && cp <= 0xd8bf)
  );
}

const hexValue = (bytes: Uint8Array, at: number): number => {
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const b = bytes[i] ?? 0;
    const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
};

/**
 * How well the cell bytes[start, end) carries a mark: 0 when it must not, otherwise its length.
 * `jsonEscapes`: the bytes are the inside of a JSON string, so `\uXXXX` and `\n` are read as
 * the characters they stand for.
 */
export function carrierScore(bytes: Uint8Array, start: number, end: number, jsonEscapes: boolean): number {
  let letters = 0;
  let words = 0;
  let wordLength = 0;
  let spaced = false;
  let first = true;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    let cp: number;
    let width = 1;
    if (b < 0x80) {
      cp = b;
      if (jsonEscapes && b === 0x5c) {
        const next = bytes[i + 1] ?? 0;
        if (next === 0x75) {
          cp = hexValue(bytes, i + 2);
          width = 6;
        } else {
          cp = next === 0x6e || next === 0x74 || next === 0x72 ? 0x20 : next;
          width = 2;
        }
      }
    } else if (b >= 0xf0) {
      cp = ((b & 0x07) << 18) | (((bytes[i + 1] ?? 0) & 0x3f) << 12) | (((bytes[i + 2] ?? 0) & 0x3f) << 6) | ((bytes[i + 3] ?? 0) & 0x3f);
      width = 4;
    } else if (b >= 0xe0) {
      cp = ((b & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      width = 3;
    } else {
      cp = ((b & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      width = 2;
    }
    i += width;
    if (cp === 0x20 || cp === 0x09) {
      if (!first) spaced = true;
    } else if (first) {
      first = false;
      if ((cp >= 0x30 && cp <= 0x39) || cp === 0x2b || cp === 0x2d || cp === 0x2e) return 0;
    }
    if (cp < 0x80 && isAsciiLetter(cp)) {
      wordLength++;
      continue;
    }
    if (wordLength >= 2) words++;
    wordLength = 0;
    if (cp >= 0x80 && isLetter(cp)) letters++;
  }
  if (wordLength >= 2) words++;
  return letters >= 2 || (words >= 2 && spaced) ? end - start : 0;
}
