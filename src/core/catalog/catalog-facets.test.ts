import { describe, expect, it } from 'vitest';
import { aCatalogEntry } from '../metadata/catalog-entry-fixtures.js';
import { entryFacets, searchableTexts } from './catalog-facets.js';

describe('catalog facets', () => {
  it('lists an entry under its themes, provider industry, regions with their ancestors, classification, offers and concepts', () => {
    const facets = entryFacets(aCatalogEntry({ spatial: ['410105'] }), [{ id: 'o', accessMode: 'download', priceModel: 'free', policy: {} }], { id: 'p_grid01', name: '电力', industries: ['D', 'D44'] });
    const by = (facet: string) => facets.filter((f) => f.facet === facet).map((f) => f.value);
    expect(by('industry')).toEqual(['D', 'D44']);
    expect(by('region')).toEqual(['410105', '410100', '410000']);
    expect(by('classification')).toEqual(['general-3']);
    expect(by('accessMode').sort()).toEqual(['download', 'sandbox']);
    expect(by('priceModel')).toEqual(['free']);
    expect(by('concept')).toContain('tds:uscc');
    expect(by('kind')).toEqual(['dataset']);
  });

  it('finds an entry by its titles, description, keywords, field names and provider', () => {
    const texts = searchableTexts(aCatalogEntry(), '国网河南省电力公司');
    expect(texts).toEqual(expect.arrayContaining(['企业用电数据', 'Enterprise electricity consumption', '用电', 'uscc', '统一社会信用代码', '国网河南省电力公司']));
  });
});
