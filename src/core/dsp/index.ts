// Public API of the Dataspace Protocol 2025-1 core. The JSON reader and the per-type readers are internal.
export * from './dsp-messages.js';
export * from './dsp-catalog-messages.js';
export * from './dsp-builders.js';
export { readDspMessage, type DspReadResult } from './dsp-reader.js';
export * from './dsp-paths.js';
export { messageFingerprint, type Edge, type ProcessError, type TransitionResult } from './process-transition.js';
export * from './negotiation-state-machine.js';
export * from './transfer-state-machine.js';
