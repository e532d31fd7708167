import type { DataDictionary } from './data-dictionary.js';

/**
 * A resource catalog entry (资源目录条目): the one description of a data resource, data service
 * or data product that the connector publishes, the operator indexes and reviews, and every
 * interchange format (DCAT JSON-LD, Turtle, CSV catalog sheets, the DSP catalog) is mapped from.
 * Plain data, no behaviour: the mappings live beside it (dcat-jsonld*.ts, turtle-*.ts,
 * catalog-sheet*.ts) and the review rules in catalog-entry-validation.ts.
 */

export const catalogEntryKinds = ['dataset', 'dataService', 'product'] as const;
export type CatalogEntryKind = (typeof catalogEntryKinds)[number];

/** How a consumer gets at a distribution: a file download, an API call, or queries in the provider's sandbox. */
export const accessModes = ['download', 'api', 'sandbox'] as const;
export type AccessMode = (typeof accessModes)[number];

/** 共享属性 of the government catalog rules: 无条件共享 / 有条件共享 / 不予共享. */
export const shareAttributes = ['unconditional', 'conditional', 'none'] as const;
export type ShareAttribute = (typeof shareAttributes)[number];
/** 开放属性: 无条件开放 / 有条件开放 / 不予开放. */
export type OpenAttribute = ShareAttribute;

/**
 * Text in several languages, keyed by BCP 47 tag in canonical case (`zh-CN`, `en`). The console
 * shows zh-CN and en; other tags an imported description carries are kept. `und` holds a
 * literal that had no language tag, so an untagged title survives a round trip untagged.
 */
export type LocalizedText = Record<string, string>;
/** Keywords per language, in the same keys as {@link LocalizedText}. */
export type LocalizedList = Record<string, string[]>;
export const untaggedLanguage = 'und';

/**
 * The classification label as the catalog carries it (GB/T 43697-2024). Deliberately structural
 * and minimal: classification.ts owns the full label (with the impact assessment, which is the
 * provider's working and not published); any label of that module is assignable to this.
 */
export interface CatalogClassification {
  level: 'core' | 'important' | 'general';
  grade?: 1 | 2 | 3 | 4;
}

export interface Publisher {
  /** The participant id (`p_…`), or an IRI for an entry imported from elsewhere. */
  id: string;
  name: string;
  did?: string;
  /** RDF properties of the publisher node this model does not know, by expanded IRI. */
  extra?: Record<string, unknown>;
}

export interface ContactPoint {
  name?: string;
  email?: string;
  phone?: string;
  extra?: Record<string, unknown>;
}

/** A data service a distribution is reached through (DSP: the provider connector's endpoint). */
export interface AccessService {
  id: string;
  endpointUrl?: string;
  endpointDescription?: string;
}

export interface Distribution {
  /** An IRI, when the distribution is named; most are anonymous. */
  id?: string;
  title?: LocalizedText;
  accessUrl?: string;
  downloadUrl?: string;
  /** An IANA media type (`text/csv`), or an IRI from another media-type vocabulary. */
  mediaType?: string;
  /** A file format (`CSV`, an EU file-type IRI) or, in a DSP catalog, the transfer format (`HttpData-PULL`). */
  format?: string;
  accessMode?: AccessMode;
  accessService?: AccessService;
  extra?: Record<string, unknown>;
}

/** What an entry of kind `dataService` offers: DCAT's endpoint properties. */
export interface DataServiceDescription {
  endpointUrls: string[];
  endpointDescription?: string;
  /** Ids of the datasets the service serves. */
  servesDatasets?: string[];
}

/**
 * One catalog entry. Dates are ISO 8601 strings (`2024-05-01` or a full date-time), kept as
 * written so that a round trip changes nothing.
 */
export interface CatalogEntry {
  kind: CatalogEntryKind;
  /** `urn:tds:<space>:<participant>:<resource>` for our entries; any absolute IRI for imported ones. */
  id: string;
  /** A Handle (`86.100/abc`) or DOI (`10.1234/abc`) registered for the resource, beside the URN. */
  handle?: string;
  doi?: string;
  version?: string;
  title: LocalizedText;
  description: LocalizedText;
  keywords?: LocalizedList;
  /** Theme IRIs (a skos:Concept) or, from a catalog sheet's 所属领域, plain labels. */
  themes?: string[];
  publisher?: Publisher;
  contactPoint?: ContactPoint;
  /** The licence document's IRI. */
  license?: string;
  /** GB/T 2260 region codes (`410100`), or place IRIs from another gazetteer. */
  spatial?: string[];
  temporal?: { start?: string; end?: string };
  /** A Dublin Core frequency IRI ({@link frequencies}). */
  accrualPeriodicity?: string;
  issued?: string;
  modified?: string;
  distributions?: Distribution[];
  service?: DataServiceDescription;
  classification?: CatalogClassification;
  shareAttribute?: ShareAttribute;
  openAttribute?: OpenAttribute;
  dictionary?: DataDictionary;
  /** The price model's name (`payAfterUse`, `freeTrial`, `revenueShare`, …). */
  priceModel?: string;
  /**
   * Members no mapping knows, kept for lossless round trips. Keys that are absolute IRIs hold
   * RDF properties in expanded JSON-LD form (an array of value objects); any other key (an
   * unknown catalog-sheet column) holds plain JSON.
   */
  extra?: Record<string, unknown>;
}

/** Dublin Core Collection Description frequency terms (dct:accrualPeriodicity values). */
const freq = 'http://purl.org/cld/freq/';
export const frequencies = {
  continuous: `${freq}continuous`,
  daily: `${freq}daily`,
  weekly: `${freq}weekly`,
  biweekly: `${freq}biweekly`,
  monthly: `${freq}monthly`,
  quarterly: `${freq}quarterly`,
  semiannual: `${freq}semiannual`,
  annual: `${freq}annual`,
  irregular: `${freq}irregular`,
} as const;

export interface ResourceUrnParts {
  space: string;
  participant: string;
  resource: string;
}

// Space and participant are single URN segments; the resource part may itself hold colons
// (`orders:2024`), so it is the rest of the NSS.
const SEGMENT = '[A-Za-z0-9._~%-]+';
const RESOURCE_URN = new RegExp(`^urn:tds:(${SEGMENT}):(${SEGMENT}):([A-Za-z0-9._~%:-]+)$`);

export function formatResourceUrn(parts: ResourceUrnParts): string {
  const urn = `urn:tds:${parts.space}:${parts.participant}:${parts.resource}`;
  if (!RESOURCE_URN.test(urn)) throw new RangeError(`not a valid resource URN: ${urn}`);
  return urn;
}

/** The parts of a space-scoped resource URN, or `undefined` when `id` is not one. */
export function parseResourceUrn(id: string): ResourceUrnParts | undefined {
  const m = RESOURCE_URN.exec(id);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { space: m[1], participant: m[2], resource: m[3] };
}

/** The text to show in `locale`: that language, then zh-CN, en, untagged, then any. */
export function pickText(text: LocalizedText | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  for (const tag of [locale, 'zh-CN', 'en', untaggedLanguage]) {
    const value = text[tag];
    if (value !== undefined) return value;
  }
  return Object.values(text)[0];
}

/** `zh-cn` → `zh-CN`, `ZH-hANS-cn` → `zh-Hans-CN` (BCP 47 §2.1.1 case conventions). */
export function canonicalLanguageTag(tag: string): string {
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** An absolute IRI (has a scheme); blank-node labels (`_:b0`) are not. */
export const isAbsoluteIri = (value: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(value) && !value.startsWith('_:');
