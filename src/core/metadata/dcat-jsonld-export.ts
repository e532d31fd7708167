import type { DataDictionary, DictionaryField } from './data-dictionary.js';
import { isAbsoluteIri, untaggedLanguage, type CatalogEntry, type Distribution, type LocalizedList, type LocalizedText } from './catalog-entry.js';
import { catalogContext, catalogContextUrl, dspContextUrl, tdsContextUrl } from './dcat-context.js';
import { toDspOnlyJsonLd } from './dsp-only-jsonld.js';

/**
 * Writes a catalog entry as compacted DCAT 3 / DCAT-AP 3 JSON-LD. The document is built
 * directly in its compacted shape (no jsonld.js on this path: the catalog and the DSP catalog
 * serve it on every request). The shape is the DSP catalog's: `@type: "Dataset"`,
 * `distribution: [{ "@type": "Distribution", format, accessService }]`, so the connector only
 * swaps the `@context` (profile `dsp`) and adds its offers.
 */

export type JsonLdObject = Record<string, unknown>;

export interface DcatJsonLdOptions {
  /** `dcat` (default): our catalog context. `dsp`: the DSP context alone, our members as full IRIs, as a DSP catalog's Dataset. */
  profile?: 'dcat' | 'dsp';
  /** Put the catalog context in the document instead of its URL, for readers that cannot resolve the URL. */
  inlineContext?: boolean;
  /** The ODRL offers of a DSP Dataset (`hasPolicy`); written only with profile `dsp`. */
  hasPolicy?: unknown[];
}

const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export function toDcatJsonLd(entry: CatalogEntry, options: DcatJsonLdOptions = {}): JsonLdObject {
  const dsp = options.profile === 'dsp';
  const context = dsp ? [dspContextUrl, tdsContextUrl] : options.inlineContext ? catalogContext['@context'] : catalogContextUrl;
  const types = entry.kind === 'dataset' ? ['Dataset'] : entry.kind === 'dataService' ? ['DataService'] : ['Dataset', 'DataProduct'];
  const node: JsonLdObject = { '@context': context, '@id': entry.id, '@type': types.length === 1 ? types[0] : types, identifier: entry.id };
  const ids = [
    ...(entry.handle ? [{ '@type': 'Identifier', notation: entry.handle, schemaAgency: 'Handle' }] : []),
    ...(entry.doi ? [{ '@type': 'Identifier', notation: entry.doi, schemaAgency: 'DOI' }] : []),
  ];
  put(node, 'otherIdentifier', ids.length ? ids : undefined);
  put(node, 'version', entry.version);
  put(node, 'title', text(entry.title));
  put(node, 'description', text(entry.description));
  put(node, 'keyword', keywords(entry.keywords));
  put(node, 'theme', entry.themes?.map((theme) => (isAbsoluteIri(theme) ? theme : { '@type': 'Concept', prefLabel: theme })));
  if (entry.publisher) {
    const { id, name, did, extra } = entry.publisher;
    const agent: JsonLdObject = { '@type': 'Agent', ...(isAbsoluteIri(id) ? { '@id': id } : { identifier: id }), name };
    put(agent, 'did', did === undefined ? undefined : iriOrLiteral(did));
    node.publisher = withExtra(agent, extra);
  }
  if (entry.contactPoint) {
    const { name, email, phone, extra } = entry.contactPoint;
    const kind: JsonLdObject = { '@type': 'Kind' };
    put(kind, 'fn', name);
    put(kind, 'hasEmail', email === undefined ? undefined : `mailto:${encodeURI(email)}`);
    put(kind, 'hasTelephone', phone === undefined ? undefined : `tel:${encodeURI(phone)}`);
    node.contactPoint = withExtra(kind, extra);
  }
  put(node, 'license', entry.license === undefined ? undefined : iriOrLiteral(entry.license));
  put(node, 'spatial', entry.spatial?.map((place) => (/^\d{6}$/.test(place) ? { '@type': 'Location', regionCode: place } : iriOrLiteral(place))));
  if (entry.temporal) {
    const period: JsonLdObject = { '@type': 'PeriodOfTime' };
    put(period, 'startDate', date(entry.temporal.start));
    put(period, 'endDate', date(entry.temporal.end));
    node.temporal = period;
  }
  put(node, 'accrualPeriodicity', entry.accrualPeriodicity === undefined ? undefined : iriOrLiteral(entry.accrualPeriodicity));
  put(node, 'issued', date(entry.issued));
  put(node, 'modified', date(entry.modified));
  put(node, 'distribution', entry.distributions?.map((d) => distribution(d, dsp)));
  if (entry.service) {
    const urls = entry.service.endpointUrls.map(iriOrLiteral);
    put(node, 'endpointURL', urls.length === 1 ? urls[0] : urls.length ? urls : undefined);
    put(node, 'endpointDescription', entry.service.endpointDescription);
    put(node, 'servesDataset', entry.service.servesDatasets?.map(iriOrLiteral));
  }
  if (entry.classification) {
    const label: JsonLdObject = { '@type': 'ClassificationLabel', classificationLevel: entry.classification.level };
    put(label, 'classificationGrade', entry.classification.grade);
    node.classification = label;
  }
  put(node, 'shareAttribute', entry.shareAttribute);
  put(node, 'openAttribute', entry.openAttribute);
  put(node, 'priceModel', entry.priceModel);
  if (entry.dictionary) node.dictionary = dictionary(entry.dictionary);
  if (dsp && options.hasPolicy) node.hasPolicy = options.hasPolicy;
  const written = withExtra(node, entry.extra);
  // Built under [DSP, ours], then spelled for a peer that resolves only the DSP context.
  return dsp ? toDspOnlyJsonLd(written) : written;
}

function distribution(d: Distribution, dsp: boolean): JsonLdObject {
  const node: JsonLdObject = { '@type': 'Distribution' };
  put(node, '@id', d.id);
  put(node, 'title', text(d.title));
  put(node, 'accessURL', d.accessUrl === undefined ? undefined : iriOrLiteral(d.accessUrl));
  put(node, 'downloadURL', d.downloadUrl === undefined ? undefined : iriOrLiteral(d.downloadUrl));
  if (d.mediaType !== undefined) node.mediaType = MEDIA_TYPE.test(d.mediaType) ? IANA_MEDIA_TYPES + d.mediaType : iriOrLiteral(d.mediaType);
  // dct:format is a plain literal under our context; DSP coerces it to a vocabulary IRI and its
  // schema wants a bare string there, so only our profile marks IRIs explicitly.
  if (d.format !== undefined) node.format = !dsp && isAbsoluteIri(d.format) ? { '@id': d.format } : d.format;
  put(node, 'accessMode', d.accessMode);
  if (d.accessService) {
    const { id, endpointUrl, endpointDescription } = d.accessService;
    if (endpointUrl === undefined && endpointDescription === undefined) node.accessService = id;
    else {
      const service: JsonLdObject = { '@id': id, '@type': 'DataService' };
      put(service, 'endpointURL', endpointUrl === undefined ? undefined : iriOrLiteral(endpointUrl));
      put(service, 'endpointDescription', endpointDescription);
      node.accessService = service;
    }
  }
  return withExtra(node, d.extra);
}

function dictionary(dict: DataDictionary): JsonLdObject {
  const node: JsonLdObject = { '@type': 'DataDictionary', field: dict.fields.map(field) };
  put(node, 'primaryKey', dict.primaryKey);
  put(node, 'missingValues', dict.missingValues);
  return withExtra(node, dict.extra);
}

function field(f: DictionaryField): JsonLdObject {
  const node: JsonLdObject = { '@type': 'Field', fieldName: f.name, fieldType: f.type };
  put(node, 'fieldFormat', f.format);
  put(node, 'title', text(f.title as LocalizedText | undefined));
  put(node, 'description', text(f.description as LocalizedText | undefined));
  put(node, 'unit', f.unit);
  put(node, 'required', f.required);
  if (f.pii) node.pii = { '@type': 'PersonalInformation', piiKind: f.pii.kind, sensitive: f.pii.sensitive };
  put(node, 'concept', f.concept === undefined ? undefined : /^tds:[^\s]+$/.test(f.concept) || isAbsoluteIri(f.concept) ? f.concept : { '@value': f.concept });
  put(node, 'desensitization', f.desensitization);
  put(node, 'statistics', f.statistics);
  put(node, 'bounds', f.bounds);
  return withExtra(node, f.extra);
}

const put = (node: JsonLdObject, key: string, value: unknown) => {
  if (value !== undefined) node[key] = value;
};

/** An IRI-typed term's value: the IRI itself, or an explicit literal when it is no absolute IRI (never silently dropped). */
const iriOrLiteral = (value: string): string | { '@value': string } => (isAbsoluteIri(value) ? value : { '@value': value });

const langValue = (lang: string, value: string) => (lang === untaggedLanguage ? { '@value': value } : { '@value': value, '@language': lang });

function text(values: LocalizedText | undefined) {
  const out = Object.entries(values ?? {}).map(([lang, value]) => langValue(lang, value));
  return out.length ? out : undefined;
}

function keywords(values: LocalizedList | undefined) {
  const out = Object.entries(values ?? {}).flatMap(([lang, words]) => words.map((word) => langValue(lang, word)));
  return out.length ? out : undefined;
}

/** A typed date literal: xsd:date, xsd:dateTime, xsd:gYearMonth or xsd:gYear by its form, else plain. */
function date(value: string | undefined) {
  if (value === undefined) return undefined;
  const type = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? 'xsd:date'
    : /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? 'xsd:dateTime'
      : /^\d{4}-\d{2}$/.test(value)
        ? 'xsd:gYearMonth'
        : /^\d{4}$/.test(value)
          ? 'xsd:gYear'
          : undefined;
  return type ? { '@value': value, '@type': type } : value;
}

/**
 * Writes `extra` back: absolute-IRI keys as RDF properties (expanded values), `@type` as more
 * types, every other key into one `tds:extra` JSON literal.
 */
function withExtra(node: JsonLdObject, extra: Record<string, unknown> | undefined): JsonLdObject {
  if (!extra) return node;
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (key === '@type' && Array.isArray(value)) {
      const types = node['@type'] === undefined ? [] : ([] as unknown[]).concat(node['@type']);
      node['@type'] = [...types, ...value];
    } else if (isAbsoluteIri(key)) node[key] = value;
    else json[key] = value;
  }
  if (Object.keys(json).length) node.extra = json;
  return node;
}
