import type { CatalogOffer } from '../catalog/catalog-offer.js';
import type { CatalogEntryStatus } from '../catalog/catalog-entry-status.js';
import type { ReviewSummary } from '../catalog/catalog-record.js';
import type { Visibility } from '../catalog/catalog-visibility.js';
import type { CatalogEntry } from '../metadata/catalog-entry.js';
import type { ClassificationLabel } from '../metadata/classification.js';
import type { PiiScan } from '../metadata/pii-detection.js';

/**
 * Where an asset's data is, as the registry stores and shows it: never with its secret (an API's
 * auth header value, a database password), which is kept encrypted beside it.
 */
export type AssetSourceDescription =
  | { kind: 'file'; format: 'csv' | 'jsonl' | 'parquet'; path: string; uploaded: boolean; byteSize?: number; sha256?: string }
  | { kind: 'table'; engine: 'postgres' | 'sqlite'; location: string; table: string; schema?: string }
  | { kind: 'http-api'; baseUrl: string; samplePath?: string; authHeaderName?: string };

/** An asset (数据资源) registered on a provider's connector. */
export interface AssetRecord {
  /** Unique on the connector; the last segment of the resource URN once published. */
  id: string;
  name: string;
  source: AssetSourceDescription;
  /** The catalog description: metadata and data dictionary (its `id` is the URN once published). */
  entry: CatalogEntry;
  /** The provider's classification working (分类分级) with its impact assessment; the entry carries the label only. */
  classification?: ClassificationLabel;
  /** The scan of the last sample for personal information (counts only). */
  piiScan?: PiiScan;
  /** Rows in the last sample, and in the whole source when known. */
  sample?: { rows: number; totalRows?: number; at: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The asset's publication to the operator catalog, as last heard from the operator. */
export interface AssetPublication {
  assetId: string;
  entryId: string;
  status: CatalogEntryStatus;
  /** The catalog version (the operator's numbering). */
  version: number;
  offers: CatalogOffer[];
  visibility: Visibility;
  review?: ReviewSummary;
  updatedAt: string;
}
