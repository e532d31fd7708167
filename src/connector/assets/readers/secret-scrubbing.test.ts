import { describe, expect, it } from 'vitest';
import { scrubbed, urlSecrets } from './secret-scrubbing.js';

describe('secret scrubbing', () => {
  it('finds the password of a URL as written and decoded, and a password query parameter', () => {
    expect(urlSecrets('postgres://app:p%40ss%2Fword@db:5432/x')).toEqual(expect.arrayContaining(['p%40ss%2Fword', 'p@ss/word']));
    expect(urlSecrets('postgres://db/x?user=app&password=hunter2')).toContain('hunter2');
  });

  it('finds the password of a URL that does not parse', () => {
    expect(urlSecrets('postgres://app:hunter2@db:port/x')).toContain('hunter2');
  });

  it('replaces every occurrence, longest secret first', () => {
    expect(scrubbed('a hunter2 b hunter22', ['hunter2', 'hunter22'])).toBe('a *** b ***');
    expect(scrubbed('nothing here', [''])).toBe('nothing here');
  });
});
