import type { CatalogEntry } from './catalog-entry.js';

/**
 * Test data: DCAT-AP descriptions as other catalogues write them (their own context, prefixed
 * terms, @graph with nodes linked by @id, vocabularies we do not map), with the entry each
 * should import as. Used by tests only.
 */

export function externalDcatAp(): Record<string, unknown> {
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      ex: 'http://example.org/ns#',
    },
    '@graph': [
      {
        '@id': 'https://data.example.eu/dataset/air-quality',
        '@type': 'dcat:Dataset',
        'dct:title': [
          { '@value': 'Air quality measurements', '@language': 'en' },
          { '@value': '空气质量监测', '@language': 'zh-cn' },
        ],
        'dct:description': { '@value': 'Hourly PM2.5 & NO₂ readings — "validated" data.\nSecond line.', '@language': 'en' },
        'dcat:keyword': ['air', 'pollution'],
        'dct:publisher': { '@id': 'https://data.example.eu/org/epa' },
        'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': 'EPA data desk', 'vcard:hasEmail': { '@id': 'mailto:data@epa.example.eu' } },
        'dct:license': { '@id': 'http://creativecommons.org/licenses/by/4.0/' },
        'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/HOURLY' },
        'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': '2020-01-01', '@type': 'xsd:date' } },
        'dct:issued': { '@value': '2021-03-04', '@type': 'xsd:date' },
        'dcat:distribution': { '@id': 'https://data.example.eu/dataset/air-quality/csv' },
        'ex:qualityScore': 0.93,
        'dct:conformsTo': { '@id': 'http://example.org/spec/aq' },
      },
      { '@id': 'https://data.example.eu/org/epa', '@type': 'foaf:Organization', 'foaf:name': 'Environment Protection Agency' },
      {
        '@id': 'https://data.example.eu/dataset/air-quality/csv',
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': 'https://data.example.eu/aq.csv' },
        'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/text/csv' },
        'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      },
    ],
  };
}

export function externalDcatApEntry(): CatalogEntry {
  return {
    kind: 'dataset',
    id: 'https://data.example.eu/dataset/air-quality',
    title: { en: 'Air quality measurements', 'zh-CN': '空气质量监测' },
    description: { en: 'Hourly PM2.5 & NO₂ readings — "validated" data.\nSecond line.' },
    keywords: { und: ['air', 'pollution'] },
    publisher: { id: 'https://data.example.eu/org/epa', name: 'Environment Protection Agency', extra: { '@type': ['http://xmlns.com/foaf/0.1/Organization'] } },
    contactPoint: { name: 'EPA data desk', email: 'data@epa.example.eu', extra: { '@type': ['http://www.w3.org/2006/vcard/ns#Organization'] } },
    license: 'http://creativecommons.org/licenses/by/4.0/',
    accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/HOURLY',
    temporal: { start: '2020-01-01' },
    issued: '2021-03-04',
    distributions: [
      {
        id: 'https://data.example.eu/dataset/air-quality/csv',
        accessUrl: 'https://data.example.eu/aq.csv',
        mediaType: 'text/csv',
        format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
      },
    ],
    extra: {
      'http://example.org/ns#qualityScore': [{ '@value': 0.93 }],
      'http://purl.org/dc/terms/conformsTo': [{ '@id': 'http://example.org/spec/aq' }],
    },
  };
}

/** The same dataset as a Turtle file another catalogue would publish. */
export const externalTurtle = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/ns#> .

<https://data.example.eu/dataset/air-quality>
    a dcat:Dataset ;
    dct:title "Air quality measurements"@en, "空气质量监测"@zh-CN ;
    dct:description """Hourly PM2.5 & NO₂ readings — "validated" data.
Second line."""@en ;
    dcat:keyword "air", "pollution" ;
    dct:publisher <https://data.example.eu/org/epa> ;
    dcat:contactPoint [ a vcard:Organization ; vcard:fn "EPA data desk" ; vcard:hasEmail <mailto:data@epa.example.eu> ] ;
    dct:license <http://creativecommons.org/licenses/by/4.0/> ;
    dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/HOURLY> ;
    dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2020-01-01"^^xsd:date ] ;
    dct:issued "2021-03-04"^^xsd:date ;
    dcat:distribution <https://data.example.eu/dataset/air-quality/csv> ;
    ex:qualityScore 0.93e0 ;
    dct:conformsTo <http://example.org/spec/aq> .

<https://data.example.eu/org/epa> a foaf:Organization ; foaf:name "Environment Protection Agency" .

<https://data.example.eu/dataset/air-quality/csv>
    a dcat:Distribution ;
    dcat:accessURL <https://data.example.eu/aq.csv> ;
    dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;
    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> .
`;
