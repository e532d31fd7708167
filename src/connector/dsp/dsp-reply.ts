import { randomUUID } from 'node:crypto';
import { processErrorJson, writeDspMessage, type ProcessError } from '../../core/dsp/index.js';
import type { FieldProblem } from '../../core/errors/index.js';

/** What a DSP endpoint answers: the binding's status and a compacted JSON-LD body. */
export interface DspReply {
  status: number;
  body: Record<string, unknown>;
}

type ErrorType = 'ContractNegotiationError' | 'TransferError';

/** A new process id (DSP pids are opaque; ours are URNs so they never collide with a path segment). */
export const newPid = (): string => `urn:uuid:${randomUUID()}`;

/** The pids a raw message names, for an error about a message that could not be read. */
export function rawPids(json: unknown): { providerPid: string; consumerPid: string } {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  return { providerPid: typeof o.providerPid === 'string' ? o.providerPid : '', consumerPid: typeof o.consumerPid === 'string' ? o.consumerPid : '' };
}

export const processError = (type: ErrorType, pids: { providerPid: string; consumerPid: string }, error: ProcessError): DspReply => ({
  status: Number(error.code),
  body: processErrorJson(type, pids, error),
});

/** A message that does not read as its type: 400, with every problem and its JSON Pointer. */
export const malformed = (type: ErrorType, json: unknown, problems: FieldProblem[]): DspReply => ({
  status: 400,
  body: writeDspMessage({ type, ...rawPids(json), code: '400', reason: problems.map((p) => `${p.pointer || '/'}: ${p.detail}`) }),
});

/** A refusal that is not a state transition (unknown offer, wrong agreement): 400 with our reasons. */
export const badRequest = (type: ErrorType, pids: { providerPid: string; consumerPid: string }, reasons: string[]): DspReply => ({
  status: 400,
  body: writeDspMessage({ type, ...pids, code: '400', reason: reasons }),
});
