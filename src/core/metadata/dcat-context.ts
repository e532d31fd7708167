/**
 * The JSON-LD contexts of our DCAT 3 / DCAT-AP 3 descriptions, and the only document loader
 * jsonld.js is ever given. DCAT has no hosted JSON-LD context, so the term mappings are ours.
 *
 * Two contexts, built from one term table so they cannot drift:
 * - the extension context (`tdsContext`, served by the operator at `tdsContextUrl`): the
 *   prefixes, the DCAT / DCMI / vCard / FOAF properties we use and the `tds:` vocabulary
 *   (classification, dictionary, PII, units, concepts, access mode). It defines none of the terms
 *   the Dataspace Protocol context protects (`Dataset`, `distribution`, `accessService`, …), so
 *   the connector's DSP catalog can stack it after the DSP context: `[dsp, tds]`.
 * - the catalog context (`catalogContext`, at `catalogContextUrl`): the extension context plus
 *   those structural terms, spelled as DSP spells them, so a Dataset body has the same shape
 *   under either context. Our own documents use this one.
 */

export const namespaces = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  tds: 'https://w3id.org/trustspace/ns#',
} as const;
export type Prefix = keyof typeof namespaces;

export const tdsNamespace = namespaces.tds;
export const tdsContextUrl = 'https://w3id.org/trustspace/ns/context.jsonld';
export const catalogContextUrl = 'https://w3id.org/trustspace/ns/catalog-context.jsonld';
export const dspContextUrl = 'https://w3id.org/dspace/2025/1/context.jsonld';

/** A compact IRI (`dct:title`) to the full IRI. */
export const iri = (curie: `${Prefix}:${string}`): string => {
  const colon = curie.indexOf(':');
  return namespaces[curie.slice(0, colon) as Prefix] + curie.slice(colon + 1);
};

export interface TermDefinition {
  /** The compact IRI the term stands for. */
  id: `${Prefix}:${string}`;
  /** `@id`: a string value is an IRI; `@json`: the value is a JSON literal (rdf:JSON). */
  type?: '@id' | '@json';
  container?: '@set' | '@list';
}

const t = (id: TermDefinition['id'], type?: TermDefinition['type'], container?: TermDefinition['container']): TermDefinition => ({
  id,
  ...(type ? { type } : {}),
  ...(container ? { container } : {}),
});

/** Classes, by the term our documents write in `@type`. */
export const classTerms = {
  Agent: 'foaf:Agent',
  Kind: 'vcard:Kind',
  Location: 'dct:Location',
  PeriodOfTime: 'dct:PeriodOfTime',
  Identifier: 'adms:Identifier',
  Concept: 'skos:Concept',
  DataProduct: 'tds:DataProduct',
  ClassificationLabel: 'tds:ClassificationLabel',
  DataDictionary: 'tds:DataDictionary',
  Field: 'tds:Field',
  PersonalInformation: 'tds:PersonalInformation',
} as const satisfies Record<string, TermDefinition['id']>;

/** The DSP-protected structural class terms (catalog context only). */
export const structuralClassTerms = {
  Dataset: 'dcat:Dataset',
  DataService: 'dcat:DataService',
  Distribution: 'dcat:Distribution',
} as const satisfies Record<string, TermDefinition['id']>;

/** Properties of the extension context. */
export const propertyTerms = {
  identifier: t('dct:identifier'),
  otherIdentifier: t('adms:identifier', undefined, '@set'),
  notation: t('skos:notation'),
  schemaAgency: t('adms:schemaAgency'),
  version: t('dcat:version'),
  title: t('dct:title', undefined, '@set'),
  description: t('dct:description', undefined, '@set'),
  keyword: t('dcat:keyword', undefined, '@set'),
  theme: t('dcat:theme', '@id', '@set'),
  prefLabel: t('skos:prefLabel'),
  publisher: t('dct:publisher'),
  name: t('foaf:name'),
  did: t('tds:did', '@id'),
  contactPoint: t('dcat:contactPoint'),
  fn: t('vcard:fn'),
  hasEmail: t('vcard:hasEmail', '@id'),
  hasTelephone: t('vcard:hasTelephone', '@id'),
  license: t('dct:license', '@id'),
  spatial: t('dct:spatial', '@id', '@set'),
  regionCode: t('tds:regionCode'),
  temporal: t('dct:temporal'),
  startDate: t('dcat:startDate'),
  endDate: t('dcat:endDate'),
  accrualPeriodicity: t('dct:accrualPeriodicity', '@id'),
  issued: t('dct:issued'),
  modified: t('dct:modified'),
  accessURL: t('dcat:accessURL', '@id'),
  downloadURL: t('dcat:downloadURL', '@id'),
  mediaType: t('dcat:mediaType', '@id'),
  accessMode: t('tds:accessMode'),
  endpointDescription: t('dcat:endpointDescription'),
  servesDataset: t('dcat:servesDataset', '@id', '@set'),
  classification: t('tds:classification'),
  classificationLevel: t('tds:classificationLevel'),
  classificationGrade: t('tds:classificationGrade'),
  shareAttribute: t('tds:shareAttribute'),
  openAttribute: t('tds:openAttribute'),
  priceModel: t('tds:priceModel'),
  dictionary: t('tds:dictionary'),
  field: t('tds:field', undefined, '@list'),
  fieldName: t('tds:fieldName'),
  fieldType: t('tds:fieldType'),
  fieldFormat: t('tds:fieldFormat'),
  unit: t('tds:unit'),
  required: t('tds:required'),
  pii: t('tds:pii'),
  piiKind: t('tds:piiKind'),
  sensitive: t('tds:sensitive'),
  concept: t('tds:concept', '@id'),
  desensitization: t('tds:desensitization', '@json'),
  statistics: t('tds:statistics', '@json'),
  bounds: t('tds:bounds', '@json'),
  primaryKey: t('tds:primaryKey', undefined, '@list'),
  missingValues: t('tds:missingValues', undefined, '@list'),
  extra: t('tds:extra', '@json'),
} as const satisfies Record<string, TermDefinition>;

/** The DSP-protected structural properties (catalog context only), defined as DCAT means them. */
export const structuralPropertyTerms = {
  distribution: t('dcat:distribution', undefined, '@set'),
  accessService: t('dcat:accessService', '@id'),
  endpointURL: t('dcat:endpointURL', '@id'),
  format: t('dct:format'),
} as const satisfies Record<string, TermDefinition>;

export type PropertyTerm = keyof typeof propertyTerms | keyof typeof structuralPropertyTerms;

/** Every property term of the catalog context, for the fast-path reader. */
export const catalogPropertyTerms: Readonly<Record<string, TermDefinition>> = { ...propertyTerms, ...structuralPropertyTerms };
export const catalogClassTerms: Readonly<Record<string, string>> = { ...classTerms, ...structuralClassTerms };

const termJson = (def: TermDefinition): string | Record<string, string> =>
  def.type || def.container ? { '@id': def.id, ...(def.type ? { '@type': def.type } : {}), ...(def.container ? { '@container': def.container } : {}) } : def.id;

const contextOf = (classes: Record<string, string>, properties: Record<string, TermDefinition>) => ({
  '@context': {
    '@version': 1.1,
    ...namespaces,
    ...classes,
    ...Object.fromEntries(Object.entries(properties).map(([term, def]) => [term, termJson(def)])),
  },
});

/** The extension context document, as the operator will serve it at {@link tdsContextUrl}. */
export const tdsContext = contextOf(classTerms, propertyTerms);
/** The catalog context document, served at {@link catalogContextUrl}. */
export const catalogContext = contextOf(catalogClassTerms, catalogPropertyTerms);
