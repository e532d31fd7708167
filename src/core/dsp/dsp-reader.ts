import type { FieldProblem } from '../errors/index.js';
import { dspContextUrl } from '../metadata/dcat-context.js';
import { catalogReaders } from './dsp-catalog-readers.js';
import { DspJsonReader, isRecord, type Node } from './dsp-json-reader.js';
import type { DspMessageMap, DspMessageType } from './dsp-messages.js';
import { processReaders } from './dsp-process-readers.js';

export type DspReadResult<T extends DspMessageType> = { ok: true; message: DspMessageMap[T] } | { ok: false; problems: FieldProblem[] };

const readers = { ...catalogReaders, ...processReaders } as { [T in DspMessageType]: (r: DspJsonReader, node: Node) => DspMessageMap[T] | undefined };

/** The two documents DSP defines without a JSON-LD `@type`. */
const withoutAtType: readonly DspMessageType[] = ['VersionResponse', 'DidService'];
const didContextUrl = 'https://www.w3.org/ns/did/v1';

/**
 * Reads a DSP 2025-1 document compacted under the DSP context: checks `@context` (it names the
 * DSP context), `@type` (one of `expected`) and every member the protocol requires, and returns
 * the typed value, or every problem found, each with the JSON Pointer of the member at fault (or
 * of where a missing one belongs; `''` is the whole message). Offers and agreements go through
 * core/policy's `parsePolicy`, so anything it could not enforce is refused with its pointer.
 * Nothing is fetched. `VersionResponse` and `DidService` have no `@type`: ask for them by name.
 */
export function readDspMessage<T extends DspMessageType>(json: unknown, expected: T | readonly T[]): DspReadResult<T> {
  const types: readonly DspMessageType[] = typeof expected === 'string' ? [expected] : expected;
  const r = new DspJsonReader();
  if (!isRecord(json)) return { ok: false, problems: [{ pointer: '', detail: 'A DSP message must be a JSON object' }] };
  const type = typeOf(r, json, types);
  if (!type) return { ok: false, problems: r.problems };
  if (type === 'DidService') didContext(r, json);
  else if (type !== 'VersionResponse') r.context(json, true);
  const message = readers[type](r, json);
  return message && r.problems.length === 0 ? { ok: true, message: message as DspMessageMap[T] } : { ok: false, problems: r.problems };
}

function typeOf(r: DspJsonReader, json: Node, types: readonly DspMessageType[]): DspMessageType | undefined {
  const atType = json['@type'];
  const found = types.find((t) => t === atType);
  if (found) return found;
  if (!Object.hasOwn(json, '@type')) {
    if (types.includes('DidService') && typeof json.type === 'string') return 'DidService';
    if (types.includes('VersionResponse')) return 'VersionResponse';
  }
  const wanted = types.filter((t) => !withoutAtType.includes(t)).join(' or ') || 'none';
  if (!Object.hasOwn(json, '@type')) return r.problem('/@type', `@type is required (expected ${wanted})`);
  return r.problem('/@type', `@type must be ${wanted} (got ${JSON.stringify(atType)})`);
}

/** A DID service entry's optional `@context` names both the DSP and the DID contexts. */
function didContext(r: DspJsonReader, json: Node): void {
  if (!Object.hasOwn(json, '@context')) return;
  const context = json['@context'];
  if (!Array.isArray(context) || !context.includes(dspContextUrl) || !context.includes(didContextUrl)) {
    r.problem('/@context', `@context must be an array including ${dspContextUrl} and ${didContextUrl}`);
  }
}
