import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';

// The official Dataspace Protocol 2025-1 JSON Schemas (vendored in test/conformance, never edited).
const DSP = new URL('../conformance/dsp-2025-1/', import.meta.url);

// Erratum in the official files: three transfer schemas refer to
// `transfer-schema.json#definitions/…`, a fragment that is not a JSON Pointer; read as `#/definitions/…`.
const schema = (path: string) => JSON.parse(readFileSync(new URL(path, DSP), 'utf8').replaceAll('.json#definitions/', '.json#/definitions/')) as Record<string, unknown>;

const folderOf = (type: string) =>
  type.startsWith('Contract') ? 'negotiation' : type.startsWith('Transfer') ? 'transfer' : type.startsWith('Catalog') || type.startsWith('Dataset') ? 'catalog' : 'common';
const fileOf = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** Validates a DSP document by its `@type` against the official schema; returns the errors (none: valid). */
export function dspSchemaValidator(): (doc: Record<string, unknown>) => unknown[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  for (const folder of ['common', 'catalog', 'negotiation', 'transfer']) {
    for (const file of readdirSync(new URL(`${folder}/`, DSP))) if (file.endsWith('-schema.json')) ajv.addSchema(schema(`${folder}/${file}`));
  }
  return (doc) => {
    const type = String(doc['@type']);
    const validator = ajv.getSchema(`https://w3id.org/dspace/2025/1/${folderOf(type)}/${fileOf(type)}-schema.json`);
    if (!validator) return [`no official schema for ${type}`];
    return validator(doc) ? [] : (validator.errors ?? []);
  };
}
