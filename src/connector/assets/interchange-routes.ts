import type { Readable } from 'node:stream';
import { DomainError } from '../../core/errors/index.js';
import { CatalogFormatError } from '../../core/metadata/catalog-entry-error.js';
import type { CatalogEntry } from '../../core/metadata/catalog-entry.js';
import { formatCatalogSheet } from '../../core/metadata/catalog-sheet-export.js';
import { parseCatalogSheet } from '../../core/metadata/catalog-sheet.js';
import { fromDcatJsonLd } from '../../core/metadata/dcat-jsonld.js';
import { describeTableSchemaProblem, fromTableSchema, toTableSchema } from '../../core/metadata/frictionless-table-schema.js';
import { fromTurtle } from '../../core/metadata/turtle-import.js';
import { negotiateLocale } from '../../core/i18n/locale.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { sendEntryAs } from '../../server/catalog/entry-representation.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { connectorGrants } from '../identity/connector-principals.js';
import { AssetParams, AssetView } from './asset-schemas.js';
import { assetView } from './asset-routes.js';
import type { AssetService } from './asset-service.js';

const tags = ['assets'];
const manage = [connectorGrants.manage];
const MAX_METADATA_BYTES = 4 * 1024 * 1024;

/** Reads a raw body (left unparsed by the asset routes' parser) as UTF-8 text, bounded. */
async function readText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object' && !(Symbol.asyncIterator in body)) return JSON.stringify(body);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as Readable) {
    size += (chunk as Buffer).length;
    if (size > MAX_METADATA_BYTES) throw new DomainError('request.too-large', 'Metadata documents are limited to 4 MiB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A refused import with the pointer or line of each problem (RFC 9457 `errors`). */
function importError(error: unknown): unknown {
  if (!(error instanceof CatalogFormatError)) return error;
  return new DomainError(
    'catalog.import-invalid',
    error.message,
    error.problems.map((p) => ({ pointer: p.pointer ?? (p.line !== undefined ? `line ${p.line}${p.column ? ` (${p.column})` : ''}` : ''), detail: `${p.rule}: ${p.detail}` })),
  );
}

/**
 * Metadata interchange of an asset (数据互操作): its description as DCAT JSON-LD, Turtle or a
 * CSV catalog sheet row (目录名称, 数据项, 共享属性, …) in and out, and its dictionary as a
 * Frictionless Table Schema. An import replaces the description and is a new version; the
 * dictionary stays unless the document brings one.
 */
export function registerInterchangeRoutes(app: App, deps: { assets: AssetService; store: AssetStore }): void {
  const { assets, store } = deps;

  app.get('/api/v1/assets/:id/metadata', {
    config: { access: manage },
    schema: { tags, summary: 'The description as JSON, DCAT JSON-LD (application/ld+json), Turtle (text/turtle) or a CSV catalog sheet (text/csv)', params: AssetParams },
  }, async (request, reply) => {
    const asset = await assets.require(request.params.id);
    const accept = String(request.headers.accept ?? '');
    if (accept.includes('text/csv')) return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${asset.id}.csv"`).send(formatCatalogSheet([asset.entry]));
    if (accept.includes('text/turtle')) return sendEntryAs(reply, 'turtle', asset.entry);
    if (accept.includes('application/ld+json')) return sendEntryAs(reply, 'jsonld', asset.entry);
    return asset.entry;
  });

  app.put('/api/v1/assets/:id/metadata', {
    config: { access: manage },
    bodyLimit: MAX_METADATA_BYTES,
    schema: { tags, summary: 'Import the description from DCAT JSON-LD, Turtle or a one-row CSV catalog sheet (by Content-Type)', params: AssetParams, response: { 200: AssetView } },
  }, async (request) => {
    const asset = await assets.require(request.params.id);
    const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const text = await readText(request.body);
    let imported: CatalogEntry;
    try {
      if (type === 'text/turtle') imported = await fromTurtle(text);
      else if (type === 'text/csv') {
        const sheet = parseCatalogSheet(text, { space: 'draft', participant: 'local', resourceId: () => asset.id });
        const first = sheet.entries[0];
        if (!first) throw new DomainError('catalog.import-invalid', 'The sheet has no data row.', [{ pointer: 'line 2', detail: 'no data row' }]);
        imported = first;
      } else if (type === 'application/ld+json' || type === 'application/json') imported = await fromDcatJsonLd(text);
      else throw new DomainError('request.unsupported-media-type', 'Send application/ld+json, text/turtle or text/csv.');
    } catch (error) {
      throw importError(error);
    }
    const { id: _id, ...changes } = imported;
    const entry = { ...changes, dictionary: imported.dictionary ?? asset.entry.dictionary };
    return assetView(await assets.update(asset.id, entry, undefined, principalOf(request).actor), store);
  });

  app.get('/api/v1/assets/:id/table-schema', {
    config: { access: manage },
    schema: { tags, summary: 'The data dictionary as a Frictionless Table Schema', params: AssetParams },
  }, async (request) => {
    const asset = await assets.require(request.params.id);
    return toTableSchema(asset.entry.dictionary ?? { fields: [] });
  });

  app.put('/api/v1/assets/:id/table-schema', {
    config: { access: manage },
    schema: { tags, summary: 'Replace the data dictionary from a Frictionless Table Schema', params: AssetParams, response: { 200: AssetView } },
  }, async (request) => {
    let schema: unknown;
    try {
      schema = JSON.parse(await readText(request.body));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('catalog.import-invalid', 'A Table Schema is a JSON document.', [{ pointer: '', detail: (error as Error).message }]);
    }
    const result = fromTableSchema(schema);
    if (!result.ok) {
      const locale = negotiateLocale(request.headers['accept-language']);
      throw new DomainError('catalog.import-invalid', describeTableSchemaProblem(result.problems[0]!, locale), result.problems.map((p) => ({ pointer: p.pointer, detail: describeTableSchemaProblem(p, locale) })));
    }
    return assetView(await assets.update(request.params.id, { dictionary: result.value }, undefined, principalOf(request).actor), store);
  });
}
