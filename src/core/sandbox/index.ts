export * from './gate-refusal.js';
export * from './sandbox-grant.js';
export * from './query-gate.js';
export * from './result-release.js';
export * from './plan-execution.js';
export * from './differential-privacy.js';
export { exprText } from './query-printer.js';
export { quoteIdentifier, quoteString } from './sql-literals.js';
export * from './query-set-audit.js';
