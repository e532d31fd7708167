import { shareAttributes, untaggedLanguage, type CatalogEntry, type CatalogEntryKind, type LocalizedList } from './catalog-entry.js';
import { iri } from './dcat-context.js';
import type { ExpandedNode } from './dcat-jsonld-expand.js';
import { Graph, MappingError, NodeReader, iriOrText, literalOf, numberOf, text } from './dcat-jsonld-graph.js';
import { readDictionary } from './dcat-jsonld-import-dictionary.js';
import { enumValue, firstNode, readContact, readDistribution, readPublisher, set } from './dcat-jsonld-import-nodes.js';
import { P, T } from './dcat-jsonld-iris.js';

/**
 * Maps expanded JSON-LD (from any source: our fast path, jsonld.js, a Turtle graph) to a
 * catalog entry. Lenient about what it does not know — kept in `extra` — and strict about what
 * it does: a known property with a value of the wrong kind is refused with its path.
 */

/** The one entry node of a document: typed Dataset, DataService or DataProduct, pointed to by no other node. */
export function entryFromExpanded(expanded: ExpandedNode[]): { entry: CatalogEntry; rootId: string | undefined } {
  const graph = new Graph(expanded);
  const candidates = graph.roots().filter((n) => [T.Dataset, T.DataService, T.DataProduct].some((t) => ([] as unknown[]).concat(n['@type'] ?? []).includes(t)));
  if (candidates.length === 0) throw new MappingError('jsonld.no-entry', [], 'no dcat:Dataset, dcat:DataService or tds:DataProduct node that no other node points to');
  if (candidates.length > 1) throw new MappingError('jsonld.ambiguous-entry', [], `${candidates.length} entry nodes; import one entry per document`);
  const root = candidates[0] as ExpandedNode;
  const r = new NodeReader(graph, root, []);
  try {
    return { entry: readEntry(r), rootId: r.id };
  } catch (error) {
    if (error instanceof MappingError) error.rootId = r.id;
    throw error;
  }
}

function readEntry(r: NodeReader): CatalogEntry {
  const product = r.takeType(T.DataProduct);
  const dataset = r.takeType(T.Dataset);
  const kind: CatalogEntryKind = product ? 'product' : dataset ? 'dataset' : (r.takeType(T.DataService), 'dataService');
  const identifiers = r.take(P.identifier);
  let id = r.id !== undefined && !r.id.startsWith('_:') ? r.id : undefined;
  identifiers.forEach((v, i) => {
    const value = literalOf(v, r.at(P.identifier, i)).value;
    if (id === undefined) id = value;
    else if (value !== id) r.keep(P.identifier, v);
  });
  if (id === undefined) throw new MappingError('jsonld.id', ['@id'], 'the entry has neither an @id nor a dct:identifier');
  const entry: CatalogEntry = { kind, id, title: {}, description: {} };
  r.take(P.otherIdentifier).forEach((v, i) => {
    // Only a clean Handle or DOI identifier becomes a field; any other adms:Identifier is kept whole.
    const c = r.child(v, r.at(P.otherIdentifier, i));
    c?.takeType(iri('adms:Identifier'));
    const notation = c?.take(P.notation)[0];
    const agency = c?.take(P.schemaAgency)[0];
    const scheme = c && agency !== undefined ? literalOf(agency, c.at(P.schemaAgency, 0)).value.toLowerCase() : undefined;
    if (c && !c.id && notation !== undefined && (scheme === 'handle' || scheme === 'doi') && entry[scheme] === undefined && !c.rest(P.extra)) {
      entry[scheme] = literalOf(notation, c.at(P.notation, 0)).value;
    } else r.keep(P.otherIdentifier, v);
  });
  const single = (prop: string, read: (v: unknown, i: number) => string | undefined) => {
    let out: string | undefined;
    r.take(prop).forEach((v, i) => {
      const value = out === undefined ? read(v, i) : undefined;
      if (value === undefined) r.keep(prop, v);
      else out = value;
    });
    return out;
  };
  const lexical = (prop: string) => single(prop, (v, i) => literalOf(v, r.at(prop, i)).value);
  set(entry, 'version', lexical(P.version));
  entry.title = text(r, P.title);
  entry.description = text(r, P.description);
  set(entry, 'keywords', keywords(r));
  const themes = r.take(P.theme).flatMap((v, i) => {
    // A labelled blank concept is a free-text theme (a catalog sheet's 所属领域); a named one, its IRI.
    const c = r.child(v, r.at(P.theme, i));
    if (c?.id && !c.id.startsWith('_:')) return [c.id];
    const label = c?.take(P.prefLabel)[0];
    c?.takeType(iri('skos:Concept'));
    if (c && label !== undefined && !c.rest(P.extra)) return [literalOf(label, c.at(P.prefLabel, 0)).value];
    r.keep(P.theme, v);
    return [];
  });
  set(entry, 'themes', themes.length ? themes : undefined);
  set(entry, 'publisher', firstNode(r, P.publisher, readPublisher));
  set(entry, 'contactPoint', firstNode(r, P.contactPoint, readContact));
  set(entry, 'license', single(P.license, (v, i) => iriOrText(v, r.at(P.license, i))));
  const spatial = r.take(P.spatial).flatMap((v, i) => {
    const c = r.child(v, r.at(P.spatial, i));
    const code = c && !c.id ? c.take(P.regionCode)[0] : undefined;
    if (c && code !== undefined) {
      c.takeType(iri('dct:Location'));
      if (!c.rest(P.extra)) return [literalOf(code, c.at(P.regionCode, 0)).value];
    }
    if (c && Object.keys(c.node).length > 1 && !c.id) {
      r.keep(P.spatial, v);
      return [];
    }
    return [iriOrText(v, r.at(P.spatial, i))];
  });
  set(entry, 'spatial', spatial.length ? spatial : undefined);
  set(entry, 'temporal', firstNode(r, P.temporal, (c) => {
    c.takeType(iri('dct:PeriodOfTime'));
    const start = c.take(P.startDate)[0];
    const end = c.take(P.endDate)[0];
    if (c.rest(P.extra)) return undefined;
    const period: NonNullable<CatalogEntry['temporal']> = {};
    if (start !== undefined) period.start = literalOf(start, c.at(P.startDate, 0), 'jsonld.date').value;
    if (end !== undefined) period.end = literalOf(end, c.at(P.endDate, 0), 'jsonld.date').value;
    return period;
  }));
  set(entry, 'accrualPeriodicity', single(P.accrualPeriodicity, (v, i) => iriOrText(v, r.at(P.accrualPeriodicity, i))));
  set(entry, 'issued', single(P.issued, (v, i) => literalOf(v, r.at(P.issued, i), 'jsonld.date').value));
  set(entry, 'modified', single(P.modified, (v, i) => literalOf(v, r.at(P.modified, i), 'jsonld.date').value));
  const distributions = r.take(P.distribution).map((v, i) => {
    const c = r.child(v, r.at(P.distribution, i));
    if (!c) throw new MappingError('jsonld.node', r.at(P.distribution, i), 'a distribution must be a node');
    return readDistribution(c);
  });
  set(entry, 'distributions', distributions.length ? distributions : undefined);
  const endpointUrls = r.take(P.endpointURL).map((v, i) => iriOrText(v, r.at(P.endpointURL, i)));
  const endpointDescription = single(P.endpointDescription, (v, i) => iriOrText(v, r.at(P.endpointDescription, i)));
  const servesDatasets = r.take(P.servesDataset).map((v, i) => iriOrText(v, r.at(P.servesDataset, i)));
  if (endpointUrls.length || endpointDescription !== undefined || servesDatasets.length) {
    entry.service = { endpointUrls };
    set(entry.service, 'endpointDescription', endpointDescription);
    set(entry.service, 'servesDatasets', servesDatasets.length ? servesDatasets : undefined);
  }
  set(entry, 'classification', firstNode(r, P.classification, (c) => {
    c.takeType(iri('tds:ClassificationLabel'));
    const level = c.take(P.classificationLevel)[0];
    const grade = c.take(P.classificationGrade)[0];
    const value = level === undefined ? undefined : literalOf(level, c.at(P.classificationLevel, 0)).value;
    if (value !== 'core' && value !== 'important' && value !== 'general') throw new MappingError('jsonld.classification', c.at(P.classificationLevel, 0), 'the level is core, important or general');
    if (grade === undefined) return { level: value };
    const g = numberOf(grade, c.at(P.classificationGrade, 0), 'jsonld.classification');
    if (g !== 1 && g !== 2 && g !== 3 && g !== 4) throw new MappingError('jsonld.classification', c.at(P.classificationGrade, 0), 'the grade is 1, 2, 3 or 4');
    return { level: value, grade: g };
  }));
  set(entry, 'shareAttribute', enumValue(r, P.shareAttribute, shareAttributes, 'jsonld.share-attribute'));
  set(entry, 'openAttribute', enumValue(r, P.openAttribute, shareAttributes, 'jsonld.open-attribute'));
  set(entry, 'priceModel', lexical(P.priceModel));
  set(entry, 'dictionary', firstNode(r, P.dictionary, readDictionary));
  set(entry, 'extra', r.rest(P.extra));
  return entry;
}

function keywords(r: NodeReader): LocalizedList | undefined {
  const out: LocalizedList = {};
  r.take(P.keyword).forEach((v, i) => {
    const { value, language = untaggedLanguage } = literalOf(v, r.at(P.keyword, i));
    (out[language] ??= []).push(value);
  });
  return Object.keys(out).length ? out : undefined;
}
