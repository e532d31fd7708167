import type { AssetPublication, AssetRecord } from '../../core/assets/asset-record.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import { isUniqueViolation } from '../unique-violation.js';
import type { AssetTable } from './asset-tables.js';

/**
 * The connector's asset registry. The secret of a source (auth header value, database URL) is
 * stored only as the cipher text the caller hands in; reads of records never include it.
 */
export class AssetStore {
  constructor(private readonly database: Database) {}

  async insert(tx: Tx, record: AssetRecord, secretCipher: string | null, actor: string): Promise<void> {
    try {
      await tx.insertInto('asset').values(toRow(record, secretCipher)).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('asset.name-taken', `An asset named "${record.name}" exists already.`, [{ pointer: '/name', detail: 'taken' }]);
      throw error;
    }
    await this.addVersion(tx, record, actor);
  }

  /** Writes `next` (a new version) if the stored one is still `next.version - 1`. */
  async update(tx: Tx, next: AssetRecord, actor: string): Promise<void> {
    const { id, secret_cipher: _secret, ...values } = toRow(next, null);
    try {
      const result = await tx.updateTable('asset').set(values).where('id', '=', id).where('version', '=', next.version - 1).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('asset.version-conflict', `Asset ${id} changed meanwhile; read it again.`);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('asset.name-taken', `An asset named "${next.name}" exists already.`, [{ pointer: '/name', detail: 'taken' }]);
      throw error;
    }
    await this.addVersion(tx, next, actor);
  }

  private async addVersion(tx: Tx, record: AssetRecord, actor: string): Promise<void> {
    await tx.insertInto('asset_version').values({ asset_id: record.id, version: record.version, entry: JSON.stringify(record.entry), actor, created_at: record.updatedAt }).execute();
  }

  async findById(id: string, tx?: Tx): Promise<AssetRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('asset').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The encrypted secret of the asset's source, for opening a reader. */
  async secretOf(id: string): Promise<string | null> {
    const row = await this.database.db.selectFrom('asset').select('secret_cipher').where('id', '=', id).executeTakeFirst();
    return row?.secret_cipher ?? null;
  }

  async list(): Promise<AssetRecord[]> {
    const rows = await this.database.db.selectFrom('asset').selectAll().orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map(fromRow);
  }

  async versions(id: string): Promise<Array<{ version: number; actor: string; createdAt: string }>> {
    const rows = await this.database.db.selectFrom('asset_version').select(['version', 'actor', 'created_at']).where('asset_id', '=', id).orderBy('version').execute();
    return rows.map((r) => ({ version: r.version, actor: r.actor, createdAt: r.created_at }));
  }

  async savePublication(publication: AssetPublication): Promise<void> {
    const values = {
      entry_id: publication.entryId,
      status: publication.status,
      version: publication.version,
      offers: JSON.stringify(publication.offers),
      visibility: JSON.stringify(publication.visibility),
      review: publication.review ? JSON.stringify(publication.review) : null,
      updated_at: publication.updatedAt,
    };
    await this.database.db
      .insertInto('asset_publication')
      .values({ asset_id: publication.assetId, ...values })
      .onConflict((oc) => oc.column('asset_id').doUpdateSet(values))
      .execute();
  }

  async publication(assetId: string): Promise<AssetPublication | undefined> {
    const row = await this.database.db.selectFrom('asset_publication').selectAll().where('asset_id', '=', assetId).executeTakeFirst();
    if (!row) return undefined;
    return {
      assetId: row.asset_id,
      entryId: row.entry_id,
      status: row.status as AssetPublication['status'],
      version: row.version,
      offers: JSON.parse(row.offers),
      visibility: JSON.parse(row.visibility),
      ...(row.review ? { review: JSON.parse(row.review) } : {}),
      updatedAt: row.updated_at,
    };
  }

  /** The published asset behind a catalog entry (a DSP dataset id), if any. */
  async publishedByEntry(entryId: string): Promise<{ asset: AssetRecord; publication: AssetPublication } | undefined> {
    const row = await this.database.db.selectFrom('asset_publication').select('asset_id').where('entry_id', '=', entryId).where('status', '=', 'published').executeTakeFirst();
    if (!row) return undefined;
    const [asset, publication] = await Promise.all([this.findById(row.asset_id), this.publication(row.asset_id)]);
    return asset && publication ? { asset, publication } : undefined;
  }

  /** Published assets, for the connector's own DSP catalog. */
  async published(): Promise<Array<{ asset: AssetRecord; publication: AssetPublication }>> {
    const rows = await this.database.db.selectFrom('asset_publication').select('asset_id').where('status', '=', 'published').execute();
    const out: Array<{ asset: AssetRecord; publication: AssetPublication }> = [];
    for (const { asset_id } of rows) {
      const [asset, publication] = await Promise.all([this.findById(asset_id), this.publication(asset_id)]);
      if (asset && publication) out.push({ asset, publication });
    }
    return out;
  }
}

function toRow(r: AssetRecord, secretCipher: string | null): AssetTable {
  return {
    id: r.id,
    name: r.name,
    source_kind: r.source.kind,
    source: JSON.stringify({ ...r.source, ...(r.sample ? { sample: r.sample } : {}) }),
    secret_cipher: secretCipher,
    entry: JSON.stringify(r.entry),
    classification: r.classification ? JSON.stringify(r.classification) : null,
    pii_scan: r.piiScan ? JSON.stringify(r.piiScan) : null,
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

function fromRow(row: AssetTable): AssetRecord {
  const { sample, ...source } = JSON.parse(row.source) as AssetRecord['source'] & { sample?: AssetRecord['sample'] };
  return {
    id: row.id,
    name: row.name,
    source: source as AssetRecord['source'],
    entry: JSON.parse(row.entry),
    ...(row.classification ? { classification: JSON.parse(row.classification) } : {}),
    ...(row.pii_scan ? { piiScan: JSON.parse(row.pii_scan) } : {}),
    ...(sample ? { sample } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
