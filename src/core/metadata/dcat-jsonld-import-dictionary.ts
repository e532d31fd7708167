import { validateDesensitizationRule } from '../desensitization/desensitization-rule.js';
import { fieldTypes, piiKinds, type DataDictionary, type DictionaryField, type FieldStatistics, type FieldType, type PiiKind } from './data-dictionary.js';
import { iri, tdsNamespace } from './dcat-context.js';
import { MappingError, NodeReader, booleanOf, iriOrText, jsonOf, listItems, literalOf, text } from './dcat-jsonld-graph.js';

/** Maps a `tds:DataDictionary` node back to the shared {@link DataDictionary}. */

const P = {
  field: iri('tds:field'),
  fieldName: iri('tds:fieldName'),
  fieldType: iri('tds:fieldType'),
  fieldFormat: iri('tds:fieldFormat'),
  title: iri('dct:title'),
  description: iri('dct:description'),
  unit: iri('tds:unit'),
  required: iri('tds:required'),
  pii: iri('tds:pii'),
  piiKind: iri('tds:piiKind'),
  sensitive: iri('tds:sensitive'),
  concept: iri('tds:concept'),
  desensitization: iri('tds:desensitization'),
  statistics: iri('tds:statistics'),
  bounds: iri('tds:bounds'),
  primaryKey: iri('tds:primaryKey'),
  missingValues: iri('tds:missingValues'),
  extra: iri('tds:extra'),
};

// Field titles are typed zh-CN / en only (data-dictionary.ts); other languages stay in the field's extra.
const fieldLanguages = ['zh-CN', 'en'] as const;

export function readDictionary(r: NodeReader): DataDictionary {
  r.takeType(iri('tds:DataDictionary'));
  const fields = listItems(r.take(P.field)).map((v, i) => {
    const c = r.child(v, r.at(P.field, i));
    if (!c) throw new MappingError('jsonld.node', r.at(P.field, i), 'a dictionary field must be a node');
    return readField(c);
  });
  const dictionary: DataDictionary = { fields };
  const strings = (prop: string) => listItems(r.take(prop)).map((v, i) => literalOf(v, r.at(prop, i)).value);
  const primaryKey = strings(P.primaryKey);
  if (primaryKey.length) dictionary.primaryKey = primaryKey;
  const missingValues = strings(P.missingValues);
  if (missingValues.length || r.node[P.missingValues] !== undefined) dictionary.missingValues = missingValues;
  const extra = r.rest(P.extra);
  if (extra) dictionary.extra = extra;
  return dictionary;
}

function readField(c: NodeReader): DictionaryField {
  c.takeType(iri('tds:Field'));
  const one = (prop: string) => c.take(prop)[0];
  const name = one(P.fieldName);
  if (name === undefined) throw new MappingError('jsonld.field-name', c.path, 'a dictionary field needs tds:fieldName');
  const type = one(P.fieldType);
  const typeName = type === undefined ? 'any' : literalOf(type, c.at(P.fieldType, 0)).value;
  if (!(fieldTypes as readonly string[]).includes(typeName)) throw new MappingError('jsonld.field-type', c.at(P.fieldType, 0), `one of ${fieldTypes.join(', ')}`);
  const field: DictionaryField = { name: literalOf(name, c.at(P.fieldName, 0)).value, type: typeName as FieldType };
  const format = one(P.fieldFormat);
  if (format !== undefined) field.format = literalOf(format, c.at(P.fieldFormat, 0)).value;
  const title = text(c, P.title, fieldLanguages);
  if (Object.keys(title).length) field.title = title;
  const description = text(c, P.description, fieldLanguages);
  if (Object.keys(description).length) field.description = description;
  const unit = one(P.unit);
  if (unit !== undefined) field.unit = literalOf(unit, c.at(P.unit, 0)).value;
  const required = one(P.required);
  if (required !== undefined) field.required = booleanOf(required, c.at(P.required, 0), 'jsonld.boolean');
  const pii = one(P.pii);
  if (pii !== undefined) {
    const p = c.child(pii, c.at(P.pii, 0));
    if (!p) throw new MappingError('jsonld.node', c.at(P.pii, 0), 'tds:pii must be a node');
    p.takeType(iri('tds:PersonalInformation'));
    const kind = p.take(P.piiKind)[0];
    const kindName = kind === undefined ? undefined : literalOf(kind, p.at(P.piiKind, 0)).value;
    if (kindName === undefined || !(piiKinds as readonly string[]).includes(kindName)) throw new MappingError('jsonld.pii-kind', p.at(P.piiKind, 0), `one of ${piiKinds.join(', ')}`);
    const sensitive = p.take(P.sensitive)[0];
    field.pii = { kind: kindName as PiiKind, sensitive: sensitive === undefined ? false : booleanOf(sensitive, p.at(P.sensitive, 0), 'jsonld.boolean') };
  }
  const concept = one(P.concept);
  if (concept !== undefined) {
    const value = iriOrText(concept, c.at(P.concept, 0));
    // Concepts of the shared vocabulary are written `tds:uscc` in dictionaries.
    field.concept = value.startsWith(tdsNamespace) ? `tds:${value.slice(tdsNamespace.length)}` : value;
  }
  const rule = one(P.desensitization);
  if (rule !== undefined) {
    const checked = validateDesensitizationRule(jsonOf(rule, c.at(P.desensitization, 0), 'jsonld.json'));
    if (!checked.ok) throw new MappingError('jsonld.desensitization', c.at(P.desensitization, 0), `a desensitization rule: ${checked.problems[0]!.pointer || '/'} ${checked.problems[0]!.message}`);
    field.desensitization = checked.value;
  }
  const statistics = one(P.statistics);
  if (statistics !== undefined) field.statistics = jsonOf(statistics, c.at(P.statistics, 0), 'jsonld.json') as FieldStatistics;
  const bounds = one(P.bounds);
  if (bounds !== undefined) field.bounds = jsonOf(bounds, c.at(P.bounds, 0), 'jsonld.json') as { min: number; max: number };
  const extra = c.rest(P.extra);
  if (extra) field.extra = extra;
  return field;
}
