import { describe, expect, it } from 'vitest';
import type { Asset } from '../../api/asset-types';
import { matchRoute, paths } from '../../router/routes';
import { assetFormFrom, assetUpdate, isDirty } from './asset-form-state';
import { assessedLevel } from './classification-grading';
import { classificationProblem } from './classification-form-state';
import { offerInputs, newOffer } from './offer-form-state';
import { uploadMediaType, nameFromFile } from './upload-media-type';
import { visibilityFormFrom, visibilityOf } from './visibility-form-state';

function anAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: 'asset-1a2b3c4d',
    name: '企业用电数据',
    source: { kind: 'file', format: 'csv', path: 'asset-1a2b3c4d-x.csv', uploaded: true },
    entry: {
      kind: 'dataset',
      id: 'urn:tds:draft:local:asset-1a2b3c4d',
      title: { 'zh-CN': '企业用电数据', ja: '企業電力' },
      description: {},
      dictionary: {
        fields: [
          { name: '用电量', type: 'number', statistics: { rows: 10, nulls: 0 } },
          { name: '联系电话', type: 'string', title: { 'zh-CN': '电话号码' }, pii: { kind: 'phone', sensitive: false }, concept: 'tds:phone' },
        ],
        primaryKey: ['用电量'],
      },
    },
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('the asset form', () => {
  it('is clean as loaded and sends what the provider typed, with the version it started from', () => {
    const asset = anAsset();
    const form = assetFormFrom(asset);
    expect(isDirty(asset, form)).toBe(false);
    form.metadata = { ...form.metadata, titleEn: ' Electricity ', keywordsZh: '用电、能源，企业', keywordsEn: 'electricity, energy', spatial: '410000 410100', license: 'https://creativecommons.org/licenses/by/4.0/', contactName: '数据服务部', contactEmail: 'data@grid.example.cn', periodicity: 'monthly', shareAttribute: 'unconditional' };
    form.fields = form.fields.map((f) => (f.name === '用电量' ? { ...f, titleZh: '用电量', unit: 'kW.h' } : { ...f, titleZh: '', piiKind: '', sensitive: false, concept: '' }));
    form.classification = { level: 'general', grade: '2', assessment: [{ object: 'organisation-rights', degree: 'general' }] };
    expect(isDirty(asset, form)).toBe(true);

    const update = assetUpdate(asset, form);
    expect(update).toMatchObject({
      version: 3,
      classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
      entry: {
        title: { 'zh-CN': '企业用电数据', en: 'Electricity', ja: '企業電力' },
        keywords: { 'zh-CN': ['用电', '能源', '企业'], en: ['electricity', 'energy'] },
        spatial: ['410000', '410100'],
        contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' },
        accrualPeriodicity: 'http://purl.org/cld/freq/monthly',
        shareAttribute: 'unconditional',
      },
    });
    // Empty text is left out rather than sent blank; emptied dictionary members are removed.
    expect(update.entry).not.toHaveProperty('openAttribute');
    expect(update.entry).not.toHaveProperty('temporal');
    expect(update.entry?.dictionary).toEqual({
      fields: [
        { name: '用电量', type: 'number', statistics: { rows: 10, nulls: 0 }, title: { 'zh-CN': '用电量' }, unit: 'kW.h' },
        { name: '联系电话', type: 'string' },
      ],
      primaryKey: ['用电量'],
    });
  });

  it('catches general data without its grade before it is sent, and nothing else', () => {
    const form = assetFormFrom(anAsset());
    expect(classificationProblem({ ...form.classification, level: 'general', grade: '' })).toBe('grade-required');
    expect(classificationProblem({ ...form.classification, level: 'general', grade: '3' })).toBeUndefined();
    expect(classificationProblem({ ...form.classification, level: 'important', grade: '' })).toBeUndefined();
    expect(classificationProblem(form.classification)).toBeUndefined();
  });

  it('leaves the classification alone until a level is chosen', () => {
    expect(assetUpdate(anAsset(), assetFormFrom(anAsset()))).not.toHaveProperty('classification');
    const core = assetFormFrom(anAsset({ entry: { ...anAsset().entry, classification: { level: 'core' } } }));
    expect(core.classification).toEqual({ level: 'core', grade: '', assessment: [] });
  });

  it('suggests the level the impact assessment yields, the highest impact winning', () => {
    expect(assessedLevel([])).toBeUndefined();
    expect(assessedLevel([{ object: 'organisation-rights', degree: 'general' }])).toEqual({ level: 'general', grade: 2 });
    expect(assessedLevel([{ object: 'individual-rights', degree: 'serious' }, { object: 'economic-operation', degree: 'serious' }])).toEqual({ level: 'important' });
    expect(assessedLevel([{ object: 'national-security', degree: 'serious' }])).toEqual({ level: 'core' });
  });

  it('prices only priced offers and keeps visibility codes as lists', () => {
    const first = newOffer([], 'sandbox');
    expect(first).toEqual({ id: 'sandbox-1', accessMode: 'sandbox', priceModel: 'free', amount: '', unit: '' });
    expect(offerInputs([{ ...first, amount: '5' }, { id: 'api', accessMode: 'api', priceModel: 'payPerUse', amount: '0.5', unit: '次' }])).toEqual([
      { id: 'sandbox-1', accessMode: 'sandbox', priceModel: 'free' },
      { id: 'api', accessMode: 'api', priceModel: 'payPerUse', price: { amount: 0.5, currency: 'CNY', unit: '次' } },
    ]);
    expect(visibilityOf({ ...visibilityFormFrom(undefined), scope: 'restricted', roles: ['consumer'], industries: 'D, J66', regions: '' })).toEqual({ scope: 'restricted', roles: ['consumer'], industries: ['D', 'J66'] });
    const named = { scope: 'named' as const, participants: ['p_1', 'p_2'] };
    expect(visibilityOf(visibilityFormFrom(named))).toEqual(named);
  });

  it('sends uploads with the media type of their extension, and routes assets by id', () => {
    expect(uploadMediaType('用电.CSV')).toBe('text/csv');
    expect(uploadMediaType('rows.ndjson')).toBe('application/x-ndjson');
    expect(uploadMediaType('t.parquet')).toBe('application/vnd.apache.parquet');
    expect(uploadMediaType('book.xlsx')).toBeUndefined();
    expect(nameFromFile('企业用电数据.csv')).toBe('企业用电数据');
    expect(matchRoute('/resources')).toEqual({ name: 'assets' });
    expect(matchRoute('/resources/new')).toEqual({ name: 'assetNew' });
    expect(paths.asset('asset-1a2b3c4d')).toBe('/resources/asset-1a2b3c4d');
    expect(matchRoute(paths.asset('asset-1a2b3c4d'))).toEqual({ name: 'asset', id: 'asset-1a2b3c4d' });
    // /assets/ holds the built console's files: no page may live there.
    expect(Object.values(paths).filter((p) => typeof p === 'string' && p.startsWith('/assets'))).toEqual([]);
  });
});
