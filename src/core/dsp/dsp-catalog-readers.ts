import type { Catalog, CatalogOffer, DataService, Dataset, Distribution, DspMessageMapCatalog, ProtocolVersion } from './dsp-catalog-messages.js';
import { pointerTo, type DspJsonReader, type Item, type Node } from './dsp-json-reader.js';
import { readCatalogOffer } from './dsp-policy-reader.js';

/**
 * Readers of the catalog protocol's documents and of DSP's two unversioned documents (version
 * metadata, DID service entry). Catalogs and datasets are read for what the protocol needs: ids,
 * offers, distributions and services; their DCAT metadata is core/metadata's to read.
 */

type Reader<T extends keyof DspMessageMapCatalog> = (r: DspJsonReader, node: Node) => DspMessageMapCatalog[T] | undefined;

const ok = (r: DspJsonReader, before: number): boolean => r.problems.length === before;

const each = <T>(items: Item[] | undefined, read: (value: unknown, pointer: string) => T | undefined): T[] =>
  (items ?? []).flatMap((item) => read(item.value, item.pointer) ?? []);

function dataService(r: DspJsonReader, value: unknown, pointer: string): DataService | undefined {
  const node = r.object(value, pointer, 'A data service');
  if (!node) return undefined;
  r.type(node, pointer, 'DataService');
  const id = r.string(node, '@id', pointer, true);
  const endpointURL = r.string(node, 'endpointURL', pointer, true);
  return id && endpointURL ? { id, endpointURL } : undefined;
}

function distribution(r: DspJsonReader, value: unknown, pointer: string): Distribution | undefined {
  const node = r.object(value, pointer, 'A distribution');
  if (!node) return undefined;
  const before = r.problems.length;
  r.type(node, pointer, 'Distribution', false);
  const format = r.string(node, 'format', pointer, true);
  const service = node.accessService;
  const at = pointerTo(pointer, 'accessService');
  const accessService =
    service === undefined ? r.problem(at, 'accessService is required') : typeof service === 'string' ? service || r.problem(at, 'accessService must not be empty') : dataService(r, service, at);
  const offers = each(r.array(node, 'hasPolicy', pointer, { minItems: 1 }), (v, p) => readCatalogOffer(r, v, p));
  return ok(r, before) && format && accessService ? { format, accessService, offers } : undefined;
}

function dataset(r: DspJsonReader, value: unknown, pointer: string): Dataset | undefined {
  const node = r.object(value, pointer, 'A dataset');
  if (!node) return undefined;
  const before = r.problems.length;
  r.type(node, pointer, 'Dataset', false);
  const id = r.string(node, '@id', pointer, true);
  const offers: CatalogOffer[] = each(r.array(node, 'hasPolicy', pointer, { required: true, minItems: 1 }), (v, p) => readCatalogOffer(r, v, p));
  const distributions = each(r.array(node, 'distribution', pointer, { required: true, minItems: 1 }), (v, p) => distribution(r, v, p));
  return ok(r, before) && id ? { type: 'Dataset', id, offers, distributions } : undefined;
}

function catalog(r: DspJsonReader, value: unknown, pointer: string): Catalog | undefined {
  const node = r.object(value, pointer, 'A catalog');
  if (!node) return undefined;
  const before = r.problems.length;
  r.type(node, pointer, 'Catalog');
  const id = r.string(node, '@id', pointer, true);
  const participantId = r.string(node, 'participantId', pointer, false);
  if (Object.hasOwn(node, 'hasPolicy')) r.problem(pointerTo(pointer, 'hasPolicy'), 'A catalog has no offers of its own: its datasets do');
  const datasets = each(r.array(node, 'dataset', pointer, { minItems: 1 }), (v, p) => dataset(r, v, p));
  const catalogs = each(r.array(node, 'catalog', pointer, { minItems: 1 }), (v, p) => catalog(r, v, p));
  const services = each(r.array(node, 'service', pointer, { minItems: 1 }), (v, p) => dataService(r, v, p));
  const distributions = each(r.array(node, 'distribution', pointer, { minItems: 1 }), (v, p) => distribution(r, v, p));
  if (!ok(r, before) || !id) return undefined;
  return { type: 'Catalog', id, ...(participantId !== undefined ? { participantId } : {}), datasets, catalogs, services, distributions };
}

/** The root catalog answering a catalog request names its participant. */
const rootCatalog: Reader<'Catalog'> = (r, node) => {
  const before = r.problems.length;
  if (!Object.hasOwn(node, 'participantId')) r.problem('/participantId', 'participantId is required on the catalog a request answers');
  const read = catalog(r, node, '');
  return ok(r, before) ? read : undefined;
};

function protocolVersion(r: DspJsonReader, value: unknown, pointer: string): ProtocolVersion | undefined {
  const node = r.object(value, pointer, 'A protocol version');
  if (!node) return undefined;
  const before = r.problems.length;
  const version = r.string(node, 'version', pointer, true);
  const path = r.string(node, 'path', pointer, true);
  const binding = r.oneOf(node, 'binding', pointer, ['HTTPS'] as const);
  const identifierType = r.string(node, 'identifierType', pointer, false);
  const serviceId = r.string(node, 'serviceId', pointer, false);
  let auth: ProtocolVersion['auth'];
  if (Object.hasOwn(node, 'auth')) {
    const at = pointerTo(pointer, 'auth');
    const a = r.object(node.auth, at, 'auth');
    const protocol = a && r.string(a, 'protocol', at, true);
    const v = a && r.string(a, 'version', at, true);
    const profile = a && r.array(a, 'profile', at)?.map((item) => (typeof item.value === 'string' ? item.value : (r.problem(item.pointer, 'A profile is a string') ?? '')));
    if (protocol && v) auth = { protocol, version: v, ...(profile ? { profile } : {}) };
  }
  if (!ok(r, before) || !version || path === undefined || !binding) return undefined;
  return { version, path, binding, ...(identifierType ? { identifierType } : {}), ...(serviceId ? { serviceId } : {}), ...(auth ? { auth } : {}) };
}

export const catalogReaders: { [T in keyof DspMessageMapCatalog]: Reader<T> } = {
  CatalogRequestMessage: (r, node) => {
    const items = r.array(node, 'filter', '');
    return r.problems.length ? undefined : { type: 'CatalogRequestMessage', ...(items ? { filter: items.map((i) => i.value) } : {}) };
  },
  DatasetRequestMessage: (r, node) => {
    const dataset = r.string(node, 'dataset', '', true);
    return dataset ? { type: 'DatasetRequestMessage', dataset } : undefined;
  },
  CatalogError: (r, node) => {
    const code = r.string(node, 'code', '', false, { allowEmpty: true });
    const reason = r.array(node, 'reason', '')?.map((i) => i.value);
    return r.problems.length ? undefined : { type: 'CatalogError', ...(code !== undefined ? { code } : {}), ...(reason ? { reason } : {}) };
  },
  Catalog: rootCatalog,
  Dataset: (r, node) => dataset(r, node, ''),
  VersionResponse: (r, node) => {
    const versions = each(r.array(node, 'protocolVersions', '', { required: true, minItems: 1 }), (v, p) => protocolVersion(r, v, p));
    return r.problems.length ? undefined : { type: 'VersionResponse', protocolVersions: versions };
  },
  DidService: (r, node) => {
    const id = r.string(node, 'id', '', true);
    const serviceType = r.oneOf(node, 'type', '', ['DataService', 'CatalogService'] as const);
    const serviceEndpoint = r.url(node, 'serviceEndpoint', '', true);
    return id && serviceType && serviceEndpoint && !r.problems.length ? { type: 'DidService', id, serviceType, serviceEndpoint } : undefined;
  },
};
