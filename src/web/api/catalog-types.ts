// Shapes of the operator's catalog API (src/operator/catalog/catalog-route-schemas.ts, OpenAPI at
// /docs) as the console reads them. Values a newer node may add are typed as plain strings.

export const catalogStatuses = ['pending_review', 'published', 'rejected', 'unpublished', 'withdrawn'] as const;
export type CatalogStatus = (typeof catalogStatuses)[number];

/** What search narrows and counts by, in the order the facet panel shows them. */
export const facetNames = ['kind', 'theme', 'industry', 'region', 'classification', 'provider', 'priceModel', 'accessMode', 'concept'] as const;
export type FacetName = (typeof facetNames)[number];

/** Language-tagged text: `{ "zh-CN": "…", "en": "…" }`. */
export type LocalizedText = Record<string, string | undefined>;

export interface FacetCount {
  value: string;
  count: number;
  label?: string;
}

export interface SearchHit {
  id: string;
  kind: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  keywords?: Record<string, string[]>;
  themes?: string[];
  provider: { id: string; name: string };
  classification?: { level: string; grade?: number };
  accessModes: string[];
  priceModels: string[];
  publishedAt: string | null;
  score: number;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  facets: Partial<Record<string, FacetCount[]>>;
}

export interface DictionaryField {
  name: string;
  type: string;
  format?: string;
  title?: LocalizedText;
  description?: LocalizedText;
  unit?: string;
  required?: boolean;
  pii?: { kind: string; sensitive: boolean };
  concept?: string;
  statistics?: { rows: number; nulls: number; distinct?: number; min?: number | string; max?: number | string; mean?: number };
}

export interface Distribution {
  id?: string;
  title?: LocalizedText;
  accessUrl?: string;
  downloadUrl?: string;
  mediaType?: string;
  format?: string;
  accessMode?: string;
}

export interface CatalogEntry {
  kind: string;
  id: string;
  handle?: string;
  doi?: string;
  version?: string;
  title: LocalizedText;
  description: LocalizedText;
  keywords?: Record<string, string[]>;
  themes?: string[];
  publisher?: { id: string; name: string; did?: string };
  contactPoint?: { name?: string; email?: string; phone?: string };
  license?: string;
  spatial?: string[];
  temporal?: { start?: string; end?: string };
  accrualPeriodicity?: string;
  issued?: string;
  modified?: string;
  distributions?: Distribution[];
  classification?: { level: string; grade?: number };
  shareAttribute?: string;
  openAttribute?: string;
  dictionary?: { fields: DictionaryField[]; primaryKey?: string[] };
  priceModel?: string;
}

export interface CatalogOffer {
  id: string;
  title?: LocalizedText;
  accessMode: string;
  priceModel: string;
  price?: { amount: number; currency: string; unit?: string };
  policy: Record<string, unknown>;
}

export interface ReviewFinding {
  rule: string;
  severity: 'error' | 'warning';
  pointer?: string;
  detail: { 'zh-CN': string; en: string };
}

export interface ReviewSummary {
  version: number;
  automatic: { outcome: 'passed' | 'failed'; findings: ReviewFinding[]; at: string };
  manual?: { required: true; reasons: string[]; outcome?: 'approved' | 'rejected'; reviewer?: string; reason?: string; at?: string };
}

export type Visibility =
  | { scope: 'public' }
  | { scope: 'members' }
  | { scope: 'restricted'; roles?: string[]; industries?: string[]; regions?: string[] }
  | { scope: 'named'; participants: string[] };

/** An entry; `visibility` and `review` only for its provider and the operator's staff. */
export interface CatalogRecord {
  id: string;
  status: CatalogStatus;
  version: number;
  latestVersion: number;
  provider: { id: string; name: string };
  entry: CatalogEntry;
  offers: CatalogOffer[];
  visibility?: Visibility;
  review?: ReviewSummary;
  publishedAt?: string;
  updatedAt: string;
}

export interface CatalogRecordList {
  items: CatalogRecord[];
  total: number;
}

export interface CatalogHistory {
  versions: { version: number; metadataHash: string; evidenceHash: string; createdAt: string }[];
  reviews: { version: number; stage: string; outcome: string; findings: ReviewFinding[]; reviewer: string; reason: string | null; evidenceHash: string; at: string }[];
  events: { version: number; action: string; from: string | null; to: string; actor: string; reason: string | null; evidenceHash: string; at: string }[];
}

export interface CatalogNotice {
  id: number;
  entryId: string;
  fromVersion: number;
  toVersion: number;
  kind: string;
  at: string;
  read: boolean;
}

export interface Concept {
  id: string;
  label: { 'zh-CN': string; en: string };
}

/** An ODRL offer of a DSP Dataset, read field by field (members beyond these are kept as sent). */
export interface DspOffer {
  '@id'?: string;
  '@type'?: string;
  permission?: Array<{ action?: string; constraint?: unknown[] }>;
  prohibition?: Array<{ action?: string }>;
  obligation?: Array<{ action?: string }>;
  [member: string]: unknown;
}

/** A Dataspace Protocol Dataset from the provider's own connector: its live offers and distributions. */
export interface DspDataset {
  '@id'?: string;
  hasPolicy?: DspOffer[];
  distribution?: Array<{ format?: string; accessService?: { '@id'?: string; endpointURL?: string } | string }>;
  [member: string]: unknown;
}
