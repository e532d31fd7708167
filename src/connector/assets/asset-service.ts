import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AssetRecord, AssetSourceDescription } from '../../core/assets/asset-record.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { DomainError } from '../../core/errors/index.js';
import type { CatalogEntry } from '../../core/metadata/catalog-entry.js';
import { inferDictionary } from '../../core/metadata/dictionary-inference.js';
import type { Database } from '../../store/database.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { draftEntry, mergeDictionary } from './asset-draft.js';
import { SourceReadError, type AssetSource, type FileFormat } from './readers/asset-reader.js';
import { resolveWithin } from './readers/data-directory.js';
import { openAssetReader } from './readers/open-asset-reader.js';

/** What a provider registers: a file in the source directory, a database table, or an HTTP API. */
export type SourceInput =
  | { kind: 'file'; format: FileFormat; path: string }
  | { kind: 'table'; engine: 'postgres' | 'sqlite'; url: string; table: string; schema?: string }
  | { kind: 'http-api'; baseUrl: string; samplePath?: string; authHeader?: { name: string; value: string } };

export interface AssetDirectories {
  /** Where uploads are stored (the connector's own). */
  uploads: string;
  /** Where file sources may be registered from; none means uploads only. */
  sources?: string;
}

/** Rows read to infer a dictionary and scan for personal information. */
const SAMPLE_ROWS = 1000;
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * The connector's asset registry (数据资源登记): registers sources with a real reader, infers
 * their data dictionary and scans a sample for personal information, keeps every metadata
 * version, and keeps the source's secret encrypted (never returned, never logged).
 */
export class AssetService {
  constructor(
    private readonly database: Database,
    private readonly store: AssetStore,
    private readonly cipher: FieldCipher,
    private readonly directories: AssetDirectories,
    private readonly now: () => Date = () => new Date(),
    /** Refuses a file this participant received under an agreement that does not permit passing it on. */
    private readonly onward?: (file: string, sha256?: string) => Promise<void>,
  ) {}

  async register(name: string, input: SourceInput, given: Partial<CatalogEntry>, actor: string): Promise<AssetRecord> {
    const id = assetIdFor(name);
    const { source, secret, description } = this.prepare(input);
    return this.create(id, name, source, secret, description, given, actor);
  }

  /** Stores an uploaded file (streamed, hashed, size-limited), then registers it. */
  async upload(name: string, format: FileFormat, body: Readable, given: Partial<CatalogEntry>, actor: string): Promise<AssetRecord> {
    const id = assetIdFor(name);
    fs.mkdirSync(this.directories.uploads, { recursive: true });
    const file = path.join(this.directories.uploads, `${id}-${randomUUID().slice(0, 8)}.${format}`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > MAX_UPLOAD_BYTES) throw new DomainError('request.too-large', 'Uploads are limited to 4 GiB.');
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(file, { flags: 'wx' }),
      );
      if (size === 0) throw new DomainError('asset.invalid', 'The uploaded file is empty.', [{ pointer: '/body', detail: 'empty' }]);
      const relative = path.basename(file);
      const description: AssetSourceDescription = { kind: 'file', format, path: relative, uploaded: true, byteSize: size, sha256: hash.digest('hex') };
      return await this.create(id, name, { kind: 'file', format, path: file }, null, description, given, actor);
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
  }

  private async create(id: string, name: string, source: AssetSource, secret: string | null, description: AssetSourceDescription, given: Partial<CatalogEntry>, actor: string): Promise<AssetRecord> {
    if (source.kind === 'file' && this.onward) await this.onward(source.path, description.kind === 'file' ? description.sha256 : undefined);
    const sampled = await this.sample(source);
    const at = this.now().toISOString();
    const record: AssetRecord = {
      id,
      name,
      source: description,
      entry: draftEntry(id, name, description, sampled.dictionary, given),
      piiScan: sampled.piiScan,
      sample: { rows: sampled.rows, ...(sampled.totalRows === undefined ? {} : { totalRows: sampled.totalRows }), at },
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const secretCipher = secret === null ? null : this.cipher.encrypt(secret, `asset:${id}:secret`);
    await this.database.transaction((tx) => this.store.insert(tx, record, secretCipher, actor));
    return record;
  }

  /** A new metadata version written by the provider (title, dictionary, classification, …). */
  async update(id: string, changes: Partial<Omit<CatalogEntry, 'id'>>, classification: AssetRecord['classification'] | undefined, actor: string, expectedVersion?: number, clear: ReadonlyArray<keyof CatalogEntry> = []): Promise<AssetRecord> {
    const current = await this.require(id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw new DomainError('asset.version-conflict', `Asset ${id} is at version ${current.version}, not ${expectedVersion}.`);
    const merged: CatalogEntry = { ...current.entry, ...changes, id: current.entry.id };
    const entry = Object.fromEntries(Object.entries(merged).filter(([key]) => !clear.includes(key as keyof CatalogEntry))) as unknown as CatalogEntry;
    const next: AssetRecord = {
      ...current,
      entry: classification ? { ...entry, classification: labelOf(classification) } : entry,
      ...(classification ? { classification } : {}),
      version: current.version + 1,
      updatedAt: this.now().toISOString(),
    };
    await this.database.transaction((tx) => this.store.update(tx, next, actor));
    return next;
  }

  /** Reads the source again: types and statistics from the data, what the provider wrote kept. */
  async reinfer(id: string, actor: string): Promise<AssetRecord> {
    const current = await this.require(id);
    const sampled = await this.sample(await this.sourceOf(current));
    const at = this.now().toISOString();
    const next: AssetRecord = {
      ...current,
      entry: { ...current.entry, dictionary: mergeDictionary(current.entry.dictionary, sampled.dictionary) },
      piiScan: sampled.piiScan,
      sample: { rows: sampled.rows, ...(sampled.totalRows === undefined ? {} : { totalRows: sampled.totalRows }), at },
      version: current.version + 1,
      updatedAt: at,
    };
    await this.database.transaction((tx) => this.store.update(tx, next, actor));
    return next;
  }

  /** The first rows, for the provider's own review of what it registered. */
  async preview(id: string, rows: number): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
    const sample = await readSample(await this.sourceOf(await this.require(id)), rows);
    return { columns: sample.columns.map((c) => c.name), rows: sample.rows };
  }

  async require(id: string): Promise<AssetRecord> {
    const record = await this.store.findById(id);
    if (!record) throw new DomainError('asset.not-found', `No asset ${id}.`);
    return record;
  }

  /** The readable source of a stored asset, with its secret decrypted in memory only. */
  async sourceOf(record: AssetRecord): Promise<AssetSource> {
    const s = record.source;
    if (s.kind === 'file') {
      const root = s.uploaded ? this.directories.uploads : this.directories.sources;
      if (!root) throw new DomainError('asset.source-unreadable', 'This connector has no source directory configured.');
      return { kind: 'file', format: s.format, path: resolveSafely(root, s.path) };
    }
    const cipher = await this.store.secretOf(record.id);
    const secret = cipher ? this.cipher.decrypt(cipher, `asset:${record.id}:secret`) : null;
    if (s.kind === 'table') return { kind: 'table', engine: s.engine, url: secret ?? s.location, table: s.table, ...(s.schema ? { schema: s.schema } : {}) };
    return { kind: 'http-api', baseUrl: s.baseUrl, ...(s.samplePath ? { samplePath: s.samplePath } : {}), ...(s.authHeaderName && secret !== null ? { authHeader: { name: s.authHeaderName, value: secret } } : {}) };
  }

  private prepare(input: SourceInput): { source: AssetSource; secret: string | null; description: AssetSourceDescription } {
    switch (input.kind) {
      case 'file': {
        if (!this.directories.sources) throw new DomainError('asset.invalid', 'This connector registers files by upload only (no source directory configured).', [{ pointer: '/source/path', detail: 'no source directory' }]);
        const file = resolveSafely(this.directories.sources, input.path);
        return { source: { kind: 'file', format: input.format, path: file }, secret: null, description: { kind: 'file', format: input.format, path: input.path, uploaded: false } };
      }
      case 'table':
        return {
          source: input,
          secret: input.url,
          description: { kind: 'table', engine: input.engine, location: withoutPassword(input.url), table: input.table, ...(input.schema ? { schema: input.schema } : {}) },
        };
      case 'http-api':
        return {
          source: input,
          secret: input.authHeader?.value ?? null,
          description: { kind: 'http-api', baseUrl: input.baseUrl, ...(input.samplePath ? { samplePath: input.samplePath } : {}), ...(input.authHeader ? { authHeaderName: input.authHeader.name } : {}) },
        };
    }
  }

  private async sample(source: AssetSource) {
    const sample = await readSample(source, SAMPLE_ROWS);
    const inferred = inferDictionary(sample.rows, { columns: sample.columns.map((c) => c.name), pii: { today: this.now() } });
    return { dictionary: inferred.dictionary, piiScan: inferred.pii, rows: sample.rows.length, totalRows: sample.totalRows };
  }
}

async function readSample(source: AssetSource, rows: number) {
  try {
    return await openAssetReader(source).sample(rows);
  } catch (error) {
    throw sourceError(error);
  }
}

function resolveSafely(root: string, relative: string): string {
  try {
    return resolveWithin(root, relative);
  } catch (error) {
    throw sourceError(error);
  }
}

/** A source that cannot be read is the caller's mistake (a path, a table, an API), never a 500. */
export function sourceError(error: unknown): unknown {
  if (!(error instanceof SourceReadError)) return error;
  return new DomainError('asset.source-unreadable', error.message, [{ pointer: '/source', detail: `${error.rule}${error.line ? ` (line ${error.line})` : ''}` }]);
}

/** An asset id from its name: ASCII letters and digits kept, the rest hashed in, so Chinese names get stable ids too. */
export function assetIdFor(name: string): string {
  const ascii = name.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const suffix = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return ascii ? `${ascii}-${suffix}` : `asset-${suffix}`;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString();
  } catch {
    // A SQLite path, not a URL: it holds no password.
    return url.startsWith('postgres') ? 'postgres://…' : url;
  }
}

function labelOf(classification: NonNullable<AssetRecord['classification']>): CatalogEntry['classification'] {
  return classification.level === 'general' ? { level: 'general', grade: classification.grade } : { level: classification.level };
}
