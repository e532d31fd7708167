// Reading the JSON-LD spellings of an ODRL offer in the browser (the console imports no policy
// code): terms as the DSP form writes them (`purpose`), `odrl:`-prefixed or as full IRIs, our
// terms as `tds:…` or full IRIs, values bare, as typed literals, `{ "@id" }` or `@list`.

export type PolicyJson = Record<string, unknown>;
export type JsonObject = Record<string, unknown>;

const odrlNamespace = 'http://www.w3.org/ns/odrl/2/';
const tdsNamespace = 'https://w3id.org/trustspace/ns#';
/** ODRL has these terms; ours are read as them (core/policy README, Terms). */
const tdsAliases: Readonly<Record<string, string>> = { 'tds:industry': 'industry', 'tds:deliveryChannel': 'deliveryChannel' };

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A term in the compact form the editor compares: `purpose`, `tds:region`. */
export function compactTerm(value: unknown): string | undefined {
  const raw = isObject(value) && typeof value['@id'] === 'string' ? value['@id'] : value;
  if (typeof raw !== 'string') return undefined;
  let term = raw;
  if (term.startsWith(odrlNamespace)) term = term.slice(odrlNamespace.length);
  else if (term.startsWith('odrl:')) term = term.slice(5);
  else if (term.startsWith(tdsNamespace)) term = `tds:${term.slice(tdsNamespace.length)}`;
  return tdsAliases[term] ?? term;
}

/** A member that may be one item or an array, as an array. */
export const itemsOf = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Writes items back in the form they were read: one item stays one item, unless there are several. */
export const sameForm = (original: unknown, items: unknown[]): unknown => (!Array.isArray(original) && original !== undefined && items.length === 1 ? items[0] : items);

/** A right operand's values as text: `"a"`, `["a","b"]`, `{ "@value": "10" }`, `{ "@id": "x" }`, `{ "@list": [...] }`. */
export function valuesOf(right: unknown): string[] {
  const list = isObject(right) && Array.isArray(right['@list']) ? right['@list'] : itemsOf(right);
  return list.flatMap((v) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [String(v)];
    if (isObject(v) && v['@value'] !== undefined) return [String(v['@value'])];
    if (isObject(v) && typeof v['@id'] === 'string') return [v['@id']];
    return [];
  });
}

/** DSP's schema takes no bare JSON number as a right operand: numbers are typed literals. */
export const integerLiteral = (n: number) => ({ '@value': String(n), '@type': 'xsd:integer' });
export const decimalLiteral = (n: number) => ({ '@value': String(n), '@type': Number.isInteger(n) ? 'xsd:integer' : 'xsd:decimal' });
