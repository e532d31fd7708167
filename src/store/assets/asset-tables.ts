/**
 * The connector's asset registry (数据资源登记): what the provider holds, how to read it, its
 * dictionary and classification, every version of its metadata, and its publication.
 */
export interface AssetTable {
  id: string;
  name: string;
  /** `file`, `table` or `http-api`. */
  source_kind: string;
  /** JSON: the source without its secret (path, table, base URL, header name). */
  source: string;
  /** The secret part (auth header value, database URL), encrypted with the connector's field cipher. */
  secret_cipher: string | null;
  /** JSON: the catalog description (CatalogEntry) of the current version, dictionary included. */
  entry: string;
  /** JSON: the classification label with its impact assessment (kept by the provider). */
  classification: string | null;
  /** JSON: the PII scan of the last sample. */
  pii_scan: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssetVersionTable {
  asset_id: string;
  version: number;
  entry: string;
  actor: string;
  created_at: string;
}

export interface AssetPublicationTable {
  asset_id: string;
  entry_id: string;
  /** The operator's status of the entry, as last heard. */
  status: string;
  version: number;
  offers: string;
  visibility: string;
  review: string | null;
  updated_at: string;
}

export interface AssetTables {
  asset: AssetTable;
  asset_version: AssetVersionTable;
  asset_publication: AssetPublicationTable;
}
