import type { AssetSourceDescription } from '../../core/assets/asset-record.js';
import type { CatalogEntry, Distribution } from '../../core/metadata/catalog-entry.js';
import type { DataDictionary, DictionaryField } from '../../core/metadata/data-dictionary.js';
import { findConcept, suggestConcepts } from '../../core/metadata/vocabulary.js';

const mediaTypes = { csv: 'text/csv', jsonl: 'application/x-ndjson', parquet: 'application/vnd.apache.parquet' } as const;

/** Placeholder id of an unpublished asset's entry; publication gives it its space URN. */
export const draftId = (assetId: string): string => `urn:tds:draft:local:${assetId}`;

/** How the data can be reached, by source kind: files are downloaded or queried in the sandbox, tables queried, APIs called. */
export function distributionsFor(source: AssetSourceDescription): Distribution[] {
  switch (source.kind) {
    case 'file':
      return [
        { title: { 'zh-CN': '文件下载', en: 'File download' }, mediaType: mediaTypes[source.format], format: source.format.toUpperCase(), accessMode: 'download' },
        { title: { 'zh-CN': '沙箱计算', en: 'Sandbox computation' }, mediaType: mediaTypes[source.format], format: source.format.toUpperCase(), accessMode: 'sandbox' },
      ];
    case 'table':
      return [{ title: { 'zh-CN': '沙箱计算', en: 'Sandbox computation' }, accessMode: 'sandbox' }];
    case 'http-api':
      return [{ title: { 'zh-CN': '接口调用', en: 'API access' }, mediaType: 'application/json', format: 'JSON', accessMode: 'api' }];
  }
}

/**
 * A field the inference found, with the vocabulary concept its name or title matches exactly
 * (score ≥ 0.9) and, when it has no title yet, the concept's titles: a good start the provider
 * reviews, not a decision made for it.
 */
function withConcept(field: DictionaryField): DictionaryField {
  if (field.concept) return field;
  const best = suggestConcepts(field)[0];
  const concept = best && best.score >= 0.9 ? findConcept(best.concept) : undefined;
  if (!concept) return field;
  return { ...field, concept: concept.id, ...(field.title ? {} : { title: { ...concept.label } }) };
}

/**
 * The inferred dictionary merged into the provider's: types and statistics come from the data,
 * while what a person wrote (titles, descriptions, units, PII declarations, concepts, required)
 * is kept for every field that still exists. New fields arrive with suggestions.
 */
export function mergeDictionary(previous: DataDictionary | undefined, inferred: DataDictionary): DataDictionary {
  const before = new Map((previous?.fields ?? []).map((f) => [f.name, f]));
  const fields = inferred.fields.map((field) => {
    const old = before.get(field.name);
    if (!old) return withConcept(field);
    const { name: _n, type: _t, statistics: _s, format: _f, ...edited } = old;
    return { ...field, ...edited };
  });
  return { ...inferred, fields, ...(previous?.primaryKey ? { primaryKey: previous.primaryKey } : {}) };
}

/** A first description of a new asset: what the provider gave, the rest from the source. */
export function draftEntry(assetId: string, name: string, source: AssetSourceDescription, dictionary: DataDictionary, given: Partial<CatalogEntry>): CatalogEntry {
  return {
    kind: source.kind === 'http-api' ? 'dataService' : 'dataset',
    title: { 'zh-CN': name },
    description: {},
    distributions: distributionsFor(source),
    ...given,
    dictionary: mergeDictionary(given.dictionary, dictionary),
    id: draftId(assetId),
  };
}
