import { expect } from 'vitest';
import { call, secretOf, type SpaceNode } from './space-processes.js';

/**
 * Uploads a CSV to a provider's connector, describes and classifies it so the automatic review
 * passes, and publishes it with `offers` to every member. Returns the asset id and catalog URN.
 */
export async function publishedCsv(
  provider: SpaceNode,
  name: string,
  csv: string,
  offers: Array<Record<string, unknown>>,
  /** Dictionary members to set per field name (a concept, a desensitization rule). */
  fieldEdits: Record<string, Record<string, unknown>> = {},
): Promise<{ assetId: string; entryId: string }> {
  const key = secretOf(provider, 'api-key');
  const uploaded = await fetch(`${provider.url}/api/v1/assets/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const asset = (await uploaded.json()) as { id: string; version: number; entry: { dictionary: { fields: Array<{ name: string }> } } };
  expect(uploaded.status, JSON.stringify(asset)).toBe(201);
  const edited = await call('PATCH', `${provider.url}/api/v1/assets/${asset.id}`, key, {
    version: asset.version,
    entry: {
      title: { 'zh-CN': name, en: name },
      description: { 'zh-CN': `${name}，按月更新。`, en: `${name}, monthly.` },
      keywords: { 'zh-CN': ['用电'], en: ['electricity'] },
      license: 'https://w3id.org/trustspace/licence/restricted-1.0',
      contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' },
      dictionary: { ...asset.entry.dictionary, fields: asset.entry.dictionary.fields.map((f) => ({ ...f, title: { 'zh-CN': f.name, en: f.name }, description: { 'zh-CN': `${f.name}（月度）` }, ...fieldEdits[f.name] })) },
    },
    classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
  });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  const published = await call('POST', `${provider.url}/api/v1/assets/${asset.id}/publication`, key, { offers, visibility: { scope: 'members' } });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  expect(published.body.status, JSON.stringify(published.body.review)).toBe('published');
  return { assetId: asset.id, entryId: published.body.entryId as string };
}
