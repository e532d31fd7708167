import type { CatalogEntry } from '../metadata/catalog-entry.js';
import type { PiiScan } from '../metadata/pii-detection.js';
import type { CatalogEntryStatus } from './catalog-entry-status.js';
import type { CatalogOffer } from './catalog-offer.js';
import type { Visibility } from './catalog-visibility.js';

/** A finding of a review, as stored and shown to the provider. */
export interface StoredFinding {
  rule: string;
  severity: 'error' | 'warning';
  pointer?: string;
  detail: { 'zh-CN': string; en: string };
}

/** The latest review of an entry's current version. */
export interface ReviewSummary {
  version: number;
  automatic: { outcome: 'passed' | 'failed'; findings: StoredFinding[]; at: string };
  manual?: {
    required: true;
    reasons: string[];
    outcome?: 'approved' | 'rejected';
    reviewer?: string;
    reason?: string;
    at?: string;
    /** Who approved important data for delivery other than the sandbox (GB/T 43697-2024), and which channels. */
    approvedBy?: { id: string; name: string };
    approvedChannels?: string[];
  };
}

/** One catalog entry at the operator: its current version and where it stands. */
export interface CatalogRecord {
  id: string;
  providerId: string;
  providerName: string;
  status: CatalogEntryStatus;
  version: number;
  entry: CatalogEntry;
  offers: CatalogOffer[];
  visibility: Visibility;
  piiScan?: PiiScan;
  review?: ReviewSummary;
  connectorUrl?: string;
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}
