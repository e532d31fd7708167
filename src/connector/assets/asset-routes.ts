import { Readable } from 'node:stream';
import type { AssetRecord } from '../../core/assets/asset-record.js';
import { describeClassificationFailure, validateClassification } from '../../core/metadata/classification.js';
import { DomainError } from '../../core/errors/index.js';
import { negotiateLocale } from '../../core/i18n/locale.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { connectorGrants } from '../identity/connector-principals.js';
import type { FileFormat } from './readers/asset-reader.js';
import { AssetList, AssetParams, AssetView, Preview, PreviewQuery, RegisterBody, UpdateBody, UploadQuery } from './asset-schemas.js';
import type { AssetService } from './asset-service.js';

const tags = ['assets'];
const manage = [connectorGrants.manage];

const uploadTypes: Record<string, FileFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.apache.parquet': 'parquet',
};

/** The asset with its publication, never with its source's secret. */
export async function assetView(asset: AssetRecord, store: AssetStore) {
  const publication = await store.publication(asset.id);
  return { ...asset, ...(publication ? { publication } : {}) };
}

/** The asset registry (数据资源登记): register, upload, review the inferred dictionary, classify. */
export function registerAssetRoutes(app: App, deps: { assets: AssetService; store: AssetStore }): void {
  const { assets, store } = deps;

  // Uploads stream to disk and metadata documents are read by their routes: bodies of these
  // types are handed over unread, whatever their size.
  app.addContentTypeParser([...Object.keys(uploadTypes), 'application/octet-stream', 'text/turtle', 'application/ld+json'], (_request, payload, done) => done(null, payload));

  app.get('/api/v1/assets', {
    config: { access: manage },
    schema: { tags, summary: 'The assets registered on this connector', response: { 200: AssetList } },
  }, async () => ({ items: await Promise.all((await store.list()).map((a) => assetView(a, store))) }));

  app.post('/api/v1/assets', {
    config: { access: manage },
    schema: { tags, summary: 'Register a file, a database table or an HTTP API; its dictionary is inferred from a sample', body: RegisterBody, response: { 201: AssetView } },
  }, async (request, reply) => {
    const { name, source, entry = {} } = request.body;
    const asset = await assets.register(name, source, entry, principalOf(request).actor);
    return reply.code(201).send(await assetView(asset, store));
  });

  app.post('/api/v1/assets/uploads', {
    config: { access: manage },
    schema: {
      tags,
      summary: 'Upload a CSV, JSON Lines or Parquet file as a new asset (body: the file; Content-Type text/csv, application/x-ndjson or application/vnd.apache.parquet)',
      querystring: UploadQuery,
      response: { 201: AssetView },
    },
  }, async (request, reply) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = request.query.format ?? uploadTypes[type];
    // A body Fastify parsed itself (JSON, text) is not a file upload.
    if (!format || !(request.body instanceof Readable)) throw new DomainError('request.unsupported-media-type', 'Say the format: a Content-Type of text/csv, application/x-ndjson or application/vnd.apache.parquet, or ?format=.');
    const asset = await assets.upload(request.query.name, format, request.body, {}, principalOf(request).actor);
    return reply.code(201).send(await assetView(asset, store));
  });

  app.get('/api/v1/assets/:id', {
    config: { access: manage },
    schema: { tags, summary: 'One asset with its dictionary, classification, PII scan and publication', params: AssetParams, response: { 200: AssetView } },
  }, async (request) => assetView(await assets.require(request.params.id), store));

  app.patch('/api/v1/assets/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Edit metadata, dictionary or classification (分类分级): each edit is a new version', params: AssetParams, body: UpdateBody, response: { 200: AssetView } },
  }, async (request) => {
    const { entry = {}, classification, version, clear = [] } = request.body;
    let label;
    if (classification) {
      const checked = validateClassification(classification);
      if (!checked.ok) {
        const detail = describeClassificationFailure(checked.failure, negotiateLocale(request.headers['accept-language']));
        throw new DomainError('asset.invalid', detail, [{ pointer: `/classification${checked.failure.pointer}`, detail }]);
      }
      label = checked.value;
    }
    const asset = await assets.update(request.params.id, entry, label, principalOf(request).actor, version, clear);
    return assetView(asset, store);
  });

  app.post('/api/v1/assets/:id/inference', {
    config: { access: manage },
    schema: { tags, summary: 'Sample the source again and re-infer the dictionary, keeping what the provider wrote', params: AssetParams, response: { 200: AssetView } },
  }, async (request) => assetView(await assets.reinfer(request.params.id, principalOf(request).actor), store));

  app.get('/api/v1/assets/:id/preview', {
    config: { access: manage },
    schema: { tags, summary: "The source's first rows (the provider's own data, for its own review)", params: AssetParams, querystring: PreviewQuery, response: { 200: Preview } },
  }, async (request) => assets.preview(request.params.id, request.query.rows ?? 20));

  app.get('/api/v1/assets/:id/versions', {
    config: { access: manage },
    schema: { tags, summary: 'Every metadata version of the asset', params: AssetParams },
  }, async (request) => {
    await assets.require(request.params.id);
    return { items: await store.versions(request.params.id) };
  });
}
