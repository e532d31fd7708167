import { describe, expect, it } from 'vitest';
import { format, negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it('defaults to zh-CN when nothing is asked for', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
  });
  it('honours quality values', () => {
    expect(negotiateLocale('zh-CN;q=0.5, en-US;q=0.9')).toBe('en');
    expect(negotiateLocale('en;q=0.1, zh-TW')).toBe('zh-CN');
  });
  it('falls back to zh-CN for unsupported languages', () => {
    expect(negotiateLocale('fr-FR, de')).toBe('zh-CN');
  });
});

describe('format', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('第 {index} 条 {x}', { index: 3 })).toBe('第 3 条 {x}');
  });
});
