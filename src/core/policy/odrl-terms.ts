import { namespaces } from '../metadata/dcat-context.js';

/**
 * How term values (actions, operators, left operands, policy types) and keys are spelled.
 * Compacted DSP 2025-1 JSON-LD writes ODRL terms unprefixed (`use`); other producers write
 * `odrl:use` or the full IRI. We keep one compact form: ODRL terms unprefixed, our vocabulary as
 * `tds:name`; the tds context (`tdsContextUrl`, stacked after the DSP context) defines the prefix.
 */
export const odrlNamespace = namespaces.odrl;
export const tdsNamespace = namespaces.tds;

/**
 * Our older or informal spellings of terms ODRL 2.2 already has; they read as the ODRL term and
 * write back as it. ODRL's common vocabulary has `industry`, `deliveryChannel` and `inform`.
 */
const aliases: Readonly<Record<string, string>> = {
  'tds:industry': 'industry',
  'tds:deliveryChannel': 'deliveryChannel',
  'tds:notify': 'inform',
  notify: 'inform',
};

/** `http://www.w3.org/ns/odrl/2/use`, `odrl:use`, `use` → `use`; `https://w3id.org/trustspace/ns#region` → `tds:region`. */
export function compactTerm(term: string): string {
  let compact = term;
  if (term.startsWith(odrlNamespace)) compact = term.slice(odrlNamespace.length);
  else if (term.startsWith('odrl:')) compact = term.slice('odrl:'.length);
  else if (term.startsWith(tdsNamespace)) compact = `tds:${term.slice(tdsNamespace.length)}`;
  return aliases[compact] ?? compact;
}

/**
 * The member of a JSON-LD object that holds the ODRL (or tds) property `name`, whichever way the
 * key is spelled: `permission`, `odrl:permission` or the full IRI. Returns the key actually used,
 * so a problem's pointer names what the client sent, and every key found when several spellings
 * appear (an ambiguity the parser refuses).
 */
export function findKeys(node: Readonly<Record<string, unknown>>, name: string): string[] {
  const spellings = name.startsWith('tds:')
    ? [name, tdsNamespace + name.slice(4)]
    : [name, `odrl:${name}`, odrlNamespace + name];
  return spellings.filter((key) => Object.hasOwn(node, key));
}

/** JSON Pointer (RFC 6901) segment escaping. */
export const pointerSegment = (segment: string | number): string => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

export const joinPointer = (base: string, ...segments: Array<string | number>): string =>
  segments.reduce<string>((pointer, segment) => `${pointer}/${pointerSegment(segment)}`, base);
