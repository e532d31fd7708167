import type { Policy } from '../policy/index.js';

/**
 * The catalog protocol's messages and answers, and the two unversioned documents of DSP's common
 * part (the version metadata, a DID document's service entry). Catalogs and datasets are read
 * here only for what the protocol needs (identifiers, offers, distributions, services); their
 * DCAT metadata is core/metadata's (`fromDcatJsonLd`, `toDcatJsonLd` with the `dsp` profile), and
 * the connector builds its catalog from that.
 */

export interface CatalogRequestMessage {
  type: 'CatalogRequestMessage';
  /** Implementation-specific filter expressions; a service that does not support one answers 400. */
  filter?: unknown[];
}

/** In the HTTPS binding this is `GET /catalog/datasets/:id`, without a body. */
export interface DatasetRequestMessage {
  type: 'DatasetRequestMessage';
  dataset: string;
}

export interface CatalogError {
  type: 'CatalogError';
  code?: string;
  reason?: unknown[];
}

/** A DSP endpoint (a connector) serving datasets. */
export interface DataService {
  id: string;
  endpointURL: string;
}

/** An Offer as a catalog shows it: no `target` (the dataset it hangs on is the target). */
export type CatalogOffer = Policy & { type: 'Offer' };

export interface Distribution {
  format: string;
  /** The service's `@id`, or the service itself. */
  accessService: string | DataService;
  offers: CatalogOffer[];
}

export interface Dataset {
  type: 'Dataset';
  id: string;
  /** `hasPolicy`: at least one. */
  offers: CatalogOffer[];
  /** At least one. */
  distributions: Distribution[];
}

export interface Catalog {
  type: 'Catalog';
  id: string;
  /** Required on the root catalog a catalog request answers. */
  participantId?: string;
  datasets: Dataset[];
  catalogs: Catalog[];
  services: DataService[];
  distributions: Distribution[];
}

/** One entry of the version metadata at `/.well-known/dspace-version`. */
export interface ProtocolVersion {
  version: string;
  /** Appended to the root URL, it gives the DSP base of this version. */
  path: string;
  binding: 'HTTPS';
  identifierType?: string;
  serviceId?: string;
  auth?: { protocol: string; version: string; profile?: string[] };
}

/** The version metadata document. It has no JSON-LD `@type`: `type` names it here. */
export interface VersionResponse {
  type: 'VersionResponse';
  protocolVersions: ProtocolVersion[];
}

/** A DID document's `service` entry announcing a connector or a catalog service. */
export interface DidService {
  type: 'DidService';
  id: string;
  serviceType: 'DataService' | 'CatalogService';
  serviceEndpoint: string;
}

export type CatalogMessage = CatalogRequestMessage | DatasetRequestMessage | Catalog | Dataset | CatalogError;

/** The documents above by their type name (the JSON-LD `@type`, or `type` here for the two without one). */
export interface DspMessageMapCatalog {
  CatalogRequestMessage: CatalogRequestMessage;
  DatasetRequestMessage: DatasetRequestMessage;
  Catalog: Catalog;
  Dataset: Dataset;
  CatalogError: CatalogError;
  VersionResponse: VersionResponse;
  DidService: DidService;
}
