import { describe, expect, it } from 'vitest';
import { parseCount, parseHashAlgorithm, parseManualReview, parseMemorySize, parsePort, parseTrustProxy } from './cli-options.js';

describe('command-line options', () => {
  it('takes the catalog review rule, sensitive by default, and refuses others', () => {
    expect(parseManualReview(undefined)).toBe('sensitive');
    expect(parseManualReview('always')).toBe('always');
    expect(parseManualReview('never')).toBe('never');
    expect(() => parseManualReview('sometimes')).toThrow('--catalog-review sometimes');
  });

  it('takes the trusted reverse proxies as addresses or CIDR ranges, none by default', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('10.0.0.5, 192.168.0.0/16,::1')).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    expect(() => parseTrustProxy('true')).toThrow('--trust-proxy true');
    expect(() => parseTrustProxy('')).toThrow('--trust-proxy');
  });

  it('takes ports and hash algorithms, and refuses nonsense', () => {
    expect(parsePort(undefined, 7070)).toBe(7070);
    expect(() => parsePort('99999', 7070)).toThrow();
    expect(parseHashAlgorithm('sm3')).toBe('sm3');
    expect(() => parseHashAlgorithm('md5')).toThrow('--hash md5');
  });

  it('takes the sandbox limits, and refuses sizes and counts out of range', () => {
    expect(parseCount(undefined, '--sandbox-threads', 1, 64)).toBeUndefined();
    expect(parseCount('4', '--sandbox-threads', 1, 64)).toBe(4);
    expect(() => parseCount('0', '--sandbox-threads', 1, 64)).toThrow('--sandbox-threads 0');
    expect(() => parseCount('1.5', '--sandbox-timeout', 1, 3600)).toThrow();
    expect(parseMemorySize('512MB', '--sandbox-memory')).toBe('512MB');
    expect(() => parseMemorySize('2 GB; SET x', '--sandbox-memory')).toThrow('--sandbox-memory');
  });
});
