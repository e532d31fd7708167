import { describe, expect, it } from 'vitest';
import { aCatalogEntry } from './catalog-entry-fixtures.js';
import { entryRuleTitles, entryRules, validateCatalogEntry } from './catalog-entry-validation.js';

describe('catalog entry validation', () => {
  it('passes the complete demo entry', () => {
    expect(validateCatalogEntry(aCatalogEntry())).toEqual([]);
  });

  it('reports each missing DCAT-AP required field at its pointer', () => {
    const { publisher: _p, contactPoint: _c, license: _l, ...rest } = aCatalogEntry();
    const problems = validateCatalogEntry({ ...rest, title: { 'zh-CN': '  ' }, description: {} });
    expect(problems.map((p) => [p.rule, p.pointer])).toEqual([
      ['entry.title', '/title'],
      ['entry.description', '/description'],
      ['entry.publisher', '/publisher'],
      ['entry.contact-point', '/contactPoint'],
      ['entry.license', '/license'],
    ]);
  });

  it('checks the form of the other fields', () => {
    const entry = aCatalogEntry({
      id: 'https://elsewhere.example/ds/1',
      doi: '11.1/x',
      title: { zh_CN: '标题' },
      publisher: { id: 'p_1', name: '提供方', did: 'web:example.cn' },
      contactPoint: { name: '张三', email: 'not-an-email', phone: 'call me' },
      license: 'CC-BY',
      spatial: ['419900', 'http://sws.geonames.org/1816670/'],
      temporal: { start: '2024-12-31', end: '2024-01-01' },
      issued: '15/01/2025',
      distributions: [{ format: 'CSV' }, { accessUrl: 'ftp://x', mediaType: 'csv', accessService: { id: 'svc' } }],
      classification: { level: 'important', grade: 2 },
      dictionary: { fields: [{ name: 'a', type: 'string' }, { name: 'a', type: 'number' }] },
    });
    expect(validateCatalogEntry(entry).map((p) => [p.rule, p.pointer])).toEqual([
      ['entry.id', '/id'],
      ['entry.doi', '/doi'],
      ['entry.language-tag', '/title/zh_CN'],
      ['entry.publisher-did', '/publisher/did'],
      ['entry.contact-email', '/contactPoint/email'],
      ['entry.contact-phone', '/contactPoint/phone'],
      ['entry.license', '/license'],
      ['entry.spatial', '/spatial/0'],
      ['entry.temporal', '/temporal'],
      ['entry.date', '/issued'],
      ['entry.distribution-access', '/distributions/0'],
      ['entry.distribution-url', '/distributions/1/accessUrl'],
      ['entry.distribution-access', '/distributions/1/accessService/id'],
      ['entry.media-type', '/distributions/1/mediaType'],
      ['entry.classification', '/classification'],
      ['entry.dictionary-field', '/dictionary/fields/1/name'],
    ]);
    expect(validateCatalogEntry(entry, { requireResourceUrn: false }).map((p) => p.rule)).not.toContain('entry.id');
  });

  it('needs an endpoint for a data service', () => {
    expect(validateCatalogEntry(aCatalogEntry({ kind: 'dataService' })).map((p) => p.rule)).toEqual(['entry.service-endpoint']);
    expect(validateCatalogEntry(aCatalogEntry({ kind: 'dataService', service: { endpointUrls: ['https://grid.example.cn/api'] } }))).toEqual([]);
  });

  it('names every rule in both languages', () => {
    for (const rule of entryRules) expect(Object.keys(entryRuleTitles[rule])).toEqual(['zh-CN', 'en']);
  });
});
