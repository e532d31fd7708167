// Shapes of the connector's asset registry API (src/connector/assets/asset-schemas.ts, OpenAPI at
// the connector's /docs) as the console reads and writes them.
import type { CatalogEntry, CatalogOffer, CatalogStatus, ReviewSummary, Visibility } from './catalog-types';

/** GB/T 43697-2024 §6.4: whom the data could harm, and how badly. */
export const impactObjects = ['national-security', 'economic-operation', 'social-order', 'public-interest', 'organisation-rights', 'individual-rights'] as const;
export type ImpactObject = (typeof impactObjects)[number];
export const impactDegrees = ['especially-serious', 'serious', 'general', 'none'] as const;
export type ImpactDegree = (typeof impactDegrees)[number];

export const classificationLevels = ['core', 'important', 'general'] as const;
export type ClassificationLevel = (typeof classificationLevels)[number];
export type GeneralGrade = 1 | 2 | 3 | 4;

export interface Impact {
  object: ImpactObject;
  degree: ImpactDegree;
}

/** The provider's classification working: the label and the assessment it came from. */
export interface ClassificationLabel {
  level: ClassificationLevel;
  grade?: GeneralGrade;
  assessment?: Impact[];
}

/** Where the data is, without its secret (a database password or an API's auth header value). */
export type AssetSource =
  | { kind: 'file'; format: string; path: string; uploaded?: boolean; byteSize?: number; sha256?: string }
  | { kind: 'table'; engine: string; location: string; table: string; schema?: string }
  | { kind: 'http-api'; baseUrl: string; samplePath?: string; authHeaderName?: string };

export interface PiiScanField {
  field: string;
  scanned: number;
  pii?: { kind: string; sensitive: boolean };
  matchRatio: number;
  evidence: { rule: string; matches?: number }[];
}

/** The connector's scan of a sample for personal information: counts only, never values. */
export interface PiiScan {
  threshold: number;
  fields: PiiScanField[];
}

/** The asset's publication in the operator's catalog, as last heard from the operator. */
export interface AssetPublication {
  assetId: string;
  entryId: string;
  status: CatalogStatus;
  version: number;
  offers: CatalogOffer[];
  visibility: Visibility;
  review?: ReviewSummary;
  updatedAt: string;
}

/** A data resource (数据资源) registered on this connector. */
export interface Asset {
  id: string;
  name: string;
  source: AssetSource;
  entry: CatalogEntry;
  classification?: ClassificationLabel;
  piiScan?: PiiScan;
  sample?: { rows: number; totalRows?: number; at: string };
  version: number;
  createdAt: string;
  updatedAt: string;
  publication?: AssetPublication;
}

/** A source to connect; its secret (in `url` or `authHeader.value`) is stored encrypted and never returned. */
export type SourceInput =
  | { kind: 'file'; format: 'csv' | 'jsonl' | 'parquet'; path: string }
  | { kind: 'table'; engine: 'postgres' | 'sqlite'; url: string; table: string; schema?: string }
  | { kind: 'http-api'; baseUrl: string; samplePath?: string; authHeader?: { name: string; value: string } };

/** What the provider writes; every member but the id, which publication assigns. */
export type EntryChanges = Partial<Omit<CatalogEntry, 'id' | 'publisher' | 'distributions' | 'kind'>>;

export interface AssetUpdate {
  /** The version the change is based on: a stale one is refused (asset.version-conflict). */
  version: number;
  entry?: EntryChanges;
  /** Entry members to remove: the API keeps a member that is not sent. */
  clear?: Array<keyof EntryChanges>;
  classification?: ClassificationLabel;
}

export interface OfferInput {
  id: string;
  accessMode: string;
  priceModel: string;
  price?: { amount: number; currency: 'CNY'; unit?: string };
  /** The ODRL offer (compacted JSON-LD), kept as sent; without one the connector publishes a plain `use` offer. */
  policy?: Record<string, unknown>;
}

export interface PublishInput {
  offers: OfferInput[];
  visibility: Visibility;
}

export interface AssetPreview {
  columns: string[];
  rows: Record<string, unknown>[];
}
