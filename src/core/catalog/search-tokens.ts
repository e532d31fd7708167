/**
 * The tokens of catalog full-text search. Chinese has no spaces between words and most words
 * are two characters long (电力, 企业, 用电), so whitespace tokens find nothing and trigrams
 * cannot match a two-character query. Runs of CJK characters become their characters and
 * overlapping bigrams; other text becomes lower-case words of letters and digits (NFKC first,
 * so full-width ＡＢＣ１２ match abc12). Both databases index exactly these tokens (SQLite FTS5,
 * PostgreSQL tsvector with GIN), so a query finds the same entries on either. ADR 0005.
 */

// Han (incl. extensions and compatibility ideographs), kana, Hangul, and the CJK numerals block.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SEGMENT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

/** Longest word token kept; longer runs (hashes, base64) are cut so the index stays small. */
const MAX_WORD = 40;

function* segmentTokens(text: string): Generator<{ token: string; cjk: boolean; last: boolean }> {
  const normalized = text.normalize('NFKC').toLowerCase();
  const segments = [...normalized.matchAll(SEGMENT)].map((m) => m[0]);
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (CJK.test(segment[0] ?? '')) {
      const chars = [...segment];
      for (const [j, char] of chars.entries()) {
        yield { token: char, cjk: true, last: last && j === chars.length - 1 };
        const next = chars[j + 1];
        if (next !== undefined) yield { token: char + next, cjk: true, last: false };
      }
    } else {
      yield { token: segment.slice(0, MAX_WORD), cjk: false, last };
    }
  }
}

/** The distinct tokens of the texts an entry is found by (titles, descriptions, keywords, field names). */
export function indexTokens(texts: Iterable<string>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) for (const { token } of segmentTokens(text)) tokens.add(token);
  return [...tokens];
}

export interface QueryToken {
  token: string;
  /** The last word of the query matches as a prefix, so "elec" finds "electricity" while typing. */
  prefix: boolean;
}

/**
 * The tokens all of which an entry must have to match `query`: a CJK run of two or more
 * characters asks for its bigrams (which imply its characters), a single CJK character for
 * itself, a word for itself (the last one as a prefix). Duplicates are dropped.
 */
export function queryTokens(query: string): QueryToken[] {
  const all = [...segmentTokens(query)];
  const out = new Map<string, QueryToken>();
  for (const [i, t] of all.entries()) {
    if (t.cjk) {
      const isBigram = [...t.token].length === 2;
      const prevBigram = all[i - 1]?.cjk && [...(all[i - 1]?.token ?? '')].length === 2;
      const nextBigram = all[i + 1]?.cjk && [...(all[i + 1]?.token ?? '')].length === 2;
      // A character is needed only when it stands alone (no bigram before or after covers it).
      if (!isBigram && (prevBigram || nextBigram)) continue;
      out.set(t.token, { token: t.token, prefix: false });
    } else {
      const prefix = t.last && t.token.length >= 2;
      const existing = out.get(t.token);
      out.set(t.token, { token: t.token, prefix: prefix && !(existing && !existing.prefix) });
    }
  }
  return [...out.values()];
}
