import { describe, expect, it } from 'vitest';
import { parseHashAlgorithm, parseManualReview, parsePort } from './cli-options.js';

describe('command-line options', () => {
  it('takes the catalog review rule, sensitive by default, and refuses others', () => {
    expect(parseManualReview(undefined)).toBe('sensitive');
    expect(parseManualReview('always')).toBe('always');
    expect(parseManualReview('never')).toBe('never');
    expect(() => parseManualReview('sometimes')).toThrow('--catalog-review sometimes');
  });

  it('takes ports and hash algorithms, and refuses nonsense', () => {
    expect(parsePort(undefined, 7070)).toBe(7070);
    expect(() => parsePort('99999', 7070)).toThrow();
    expect(parseHashAlgorithm('sm3')).toBe('sm3');
    expect(() => parseHashAlgorithm('md5')).toThrow('--hash md5');
  });
});
