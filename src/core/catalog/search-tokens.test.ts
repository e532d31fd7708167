import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens } from './search-tokens.js';

describe('catalog search tokens', () => {
  it('indexes Chinese runs as characters and overlapping bigrams, other text as lower-case words', () => {
    expect(indexTokens(['企业用电 Electricity-2024'])).toEqual(['企', '企业', '业', '业用', '用', '用电', '电', 'electricity', '2024']);
  });

  it('folds full-width forms (NFKC) and drops duplicates across texts', () => {
    expect(indexTokens(['ＡＢＣ１２', 'abc12'])).toEqual(['abc12']);
  });

  it('asks for the bigrams of a Chinese word, a lone character for itself, and the last word as a prefix', () => {
    expect(queryTokens('企业用电')).toEqual([
      { token: '企业', prefix: false },
      { token: '业用', prefix: false },
      { token: '用电', prefix: false },
    ]);
    expect(queryTokens('电')).toEqual([{ token: '电', prefix: false }]);
    expect(queryTokens('electricity cons')).toEqual([
      { token: 'electricity', prefix: false },
      { token: 'cons', prefix: true },
    ]);
  });

  it('treats punctuation and symbols as separators, so nothing of the query syntax reaches the index', () => {
    expect(queryTokens('"用电" OR * (x) \'--')).toEqual([
      { token: '用电', prefix: false },
      { token: 'or', prefix: false },
      { token: 'x', prefix: false },
    ]);
    expect(queryTokens('  !!! ')).toEqual([]);
  });

  it('finds every indexed text by each of its own words', () => {
    const texts = ['省电力公司企业月度用电量', 'Monthly electricity consumption'];
    const index = new Set(indexTokens(texts));
    for (const query of ['电力', '企业', '月度用电量', '用', 'monthly', 'electr']) {
      for (const { token, prefix } of queryTokens(query)) {
        expect(prefix ? [...index].some((t) => t.startsWith(token)) : index.has(token), `${query}: ${token}`).toBe(true);
      }
    }
  });
});
