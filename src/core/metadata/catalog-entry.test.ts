import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, formatResourceUrn, isAbsoluteIri, parseResourceUrn, pickText } from './catalog-entry.js';

describe('catalog entry helpers', () => {
  it('formats and parses space-scoped resource URNs', () => {
    const urn = formatResourceUrn({ space: 'henan', participant: 'p_grid01', resource: 'orders:2024' });
    expect(urn).toBe('urn:tds:henan:p_grid01:orders:2024');
    expect(parseResourceUrn(urn)).toEqual({ space: 'henan', participant: 'p_grid01', resource: 'orders:2024' });
    expect(parseResourceUrn('urn:tds:henan:p_grid01')).toBeUndefined();
    expect(parseResourceUrn('urn:other:a:b:c')).toBeUndefined();
    expect(() => formatResourceUrn({ space: 'he nan', participant: 'p', resource: 'r' })).toThrow(RangeError);
  });

  it('writes language tags in BCP 47 case', () => {
    expect(canonicalLanguageTag('zh-cn')).toBe('zh-CN');
    expect(canonicalLanguageTag('ZH-hANS-cn')).toBe('zh-Hans-CN');
    expect(canonicalLanguageTag('EN')).toBe('en');
  });

  it('picks the text to show by locale, then zh-CN, en, untagged, any', () => {
    expect(pickText({ 'zh-CN': '标题', en: 'Title' }, 'en')).toBe('Title');
    expect(pickText({ en: 'Title' }, 'zh-CN')).toBe('Title');
    expect(pickText({ und: 'x' }, 'en')).toBe('x');
    expect(pickText({ fr: 'Titre' }, 'en')).toBe('Titre');
    expect(pickText(undefined, 'en')).toBeUndefined();
  });

  it('tells absolute IRIs from blank nodes and plain text', () => {
    expect(isAbsoluteIri('urn:tds:a:b:c')).toBe(true);
    expect(isAbsoluteIri('did:web:example.cn')).toBe(true);
    expect(isAbsoluteIri('_:b0')).toBe(false);
    expect(isAbsoluteIri('交通运输')).toBe(false);
    expect(isAbsoluteIri('http://x/a b')).toBe(false);
  });
});
