import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../metadata/dcat-context-loader.js';
import { dspContextUrl } from '../metadata/dcat-context.js';
import { dspContextDocument, dspOdrlProfileDocument, dspOdrlProfileUrl } from './dsp-context-documents.js';
import { inDspContext, toDspCompacted } from './dsp-json-ld.js';
import { readDspMessage } from './dsp-reader.js';
import type { DspMessageType } from './dsp-messages.js';

const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const example = (path: string) => JSON.parse(readFileSync(new URL(path, DSP), 'utf8')) as Record<string, unknown>;
const loader = createDocumentLoader({ [dspContextUrl]: dspContextDocument, [dspOdrlProfileUrl]: dspOdrlProfileDocument });
const expand = (doc: unknown) => jsonld.expand(doc as never, { documentLoader: loader } as never);

// Not listed: the agreement message. jsonld.js compacts its `agreement` (a protected, scoped term
// of type @id holding a node) differently once other DSP messages were compacted in the process,
// so its expanded form is not reliably read back (README, not done).
describe('DSP messages in other JSON-LD forms', () => {
  it.each([
    'negotiation/example/contract-request-message.json',
    'negotiation/example/contract-negotiation-event-message.json',
    'transfer/example/transfer-request-message.json',
    'transfer/example/transfer-start-message.json',
  ])('reads the expanded form of %s as the compacted one', async (file) => {
    const original = example(file);
    const expanded = await expand(original);
    expect(inDspContext(expanded)).toBe(false);
    const compacted = await toDspCompacted(expanded);
    const type = original['@type'] as DspMessageType;
    const fromExpanded = readDspMessage(compacted, type);
    expect(fromExpanded.ok, JSON.stringify(fromExpanded.ok ? null : fromExpanded.problems)).toBe(true);
    expect(fromExpanded).toEqual(readDspMessage(original, type));
  });

  it('refuses a context it does not hold instead of fetching it', async () => {
    expect(await toDspCompacted({ '@context': 'https://example.org/remote.jsonld', '@type': 'ContractRequestMessage' })).toBeUndefined();
  });

  it('leaves messages already in the DSP context on the fast path', () => {
    expect(inDspContext(example('negotiation/example/contract-request-message.json'))).toBe(true);
  });
});
