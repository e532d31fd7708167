import { accessModes, type AccessMode, type ContactPoint, type Distribution, type Publisher } from './catalog-entry.js';
import { iri } from './dcat-context.js';
import { MappingError, NodeReader, iriOrText, literalOf, text } from './dcat-jsonld-graph.js';
import { P, T } from './dcat-jsonld-iris.js';

/** Readers for the nodes an entry points to (publisher, contact point, distributions) and shared helpers. */

export function readPublisher(c: NodeReader): Publisher {
  c.takeType(iri('foaf:Agent'));
  const idValue = c.take(P.identifier)[0];
  const id = c.id && !c.id.startsWith('_:') ? c.id : idValue !== undefined ? literalOf(idValue, c.at(P.identifier, 0)).value : '';
  if (c.id && !c.id.startsWith('_:') && idValue !== undefined) c.keep(P.identifier, idValue);
  const names = c.take(P.name);
  const plain = names.findIndex((v) => (v as Record<string, unknown>)['@language'] === undefined);
  const chosen = plain >= 0 ? plain : 0;
  names.forEach((v, i) => i !== chosen && c.keep(P.name, v));
  const publisher: Publisher = { id, name: names[chosen] === undefined ? '' : literalOf(names[chosen], c.at(P.name, chosen)).value };
  const did = c.take(P.did)[0];
  set(publisher, 'did', did === undefined ? undefined : iriOrText(did, c.at(P.did, 0)));
  set(publisher, 'extra', c.rest(P.extra));
  return publisher;
}

const decode = (value: string) => {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
};

export function readContact(c: NodeReader): ContactPoint {
  c.takeType(iri('vcard:Kind'));
  const contact: ContactPoint = {};
  const fn = c.take(P.fn)[0];
  set(contact, 'name', fn === undefined ? undefined : literalOf(fn, c.at(P.fn, 0)).value);
  const email = c.take(P.hasEmail)[0];
  if (email !== undefined) contact.email = decode(iriOrText(email, c.at(P.hasEmail, 0)).replace(/^mailto:/i, ''));
  const phone = c.take(P.hasTelephone)[0];
  if (phone !== undefined) {
    const node = c.child(phone, c.at(P.hasTelephone, 0));
    const value = node && node.take(P.hasValue).length ? iriOrText(node.take(P.hasValue)[0], node.at(P.hasValue, 0)) : iriOrText(phone, c.at(P.hasTelephone, 0));
    contact.phone = decode(value.replace(/^tel:/i, ''));
  }
  set(contact, 'extra', c.rest(P.extra));
  return contact;
}

const IANA = /^https?:\/\/www\.iana\.org\/assignments\/media-types\//;

export function readDistribution(c: NodeReader): Distribution {
  c.takeType(T.Distribution);
  const d: Distribution = {};
  set(d, 'id', c.id && !c.id.startsWith('_:') ? c.id : undefined);
  const title = text(c, P.title);
  set(d, 'title', Object.keys(title).length ? title : undefined);
  const one = (prop: string) => {
    const v = c.take(prop)[0];
    return v === undefined ? undefined : iriOrText(v, c.at(prop, 0));
  };
  set(d, 'accessUrl', one(P.accessURL));
  set(d, 'downloadUrl', one(P.downloadURL));
  set(d, 'mediaType', one(P.mediaType)?.replace(IANA, ''));
  set(d, 'format', one(P.format));
  set(d, 'accessMode', enumValue(c, P.accessMode, accessModes, 'jsonld.access-mode') as AccessMode | undefined);
  const service = c.take(P.accessService)[0];
  if (service !== undefined) {
    const s = c.child(service, c.at(P.accessService, 0));
    if (s?.id) {
      s.takeType(T.DataService);
      d.accessService = { id: s.id };
      const url = s.take(P.endpointURL)[0];
      const description = s.take(P.endpointDescription)[0];
      set(d.accessService, 'endpointUrl', url === undefined ? undefined : iriOrText(url, s.at(P.endpointURL, 0)));
      set(d.accessService, 'endpointDescription', description === undefined ? undefined : iriOrText(description, s.at(P.endpointDescription, 0)));
    } else d.accessService = { id: iriOrText(service, c.at(P.accessService, 0)) };
  }
  set(d, 'extra', c.rest(P.extra));
  return d;
}

export function firstNode<T>(r: NodeReader, prop: string, read: (c: NodeReader) => T | undefined): T | undefined {
  let out: T | undefined;
  r.take(prop).forEach((v, i) => {
    const c = out === undefined ? r.child(v, r.at(prop, i)) : undefined;
    const value = c ? read(c) : undefined;
    if (value === undefined) r.keep(prop, v);
    else out = value;
  });
  return out;
}

export function enumValue<E extends string>(r: NodeReader, prop: string, allowed: readonly E[], rule: string): E | undefined {
  const v = r.take(prop)[0];
  if (v === undefined) return undefined;
  const value = literalOf(v, r.at(prop, 0), rule).value;
  if (!(allowed as readonly string[]).includes(value)) throw new MappingError(rule, r.at(prop, 0), `one of ${allowed.join(', ')}`);
  return value as E;
}

export function set<O extends object, K extends keyof O>(target: O, key: K, value: O[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
