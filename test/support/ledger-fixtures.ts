import { generateEd25519KeyPair } from '../../src/core/crypto/ed25519-key.js';
import type { EvidenceInput } from '../../src/core/ledger/evidence-entry.js';

let counter = 0;

/** An evidence input with sensible defaults; override what the test is about. */
export function anEvidenceInput(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  counter += 1;
  return {
    type: 'test.recorded',
    subject: `urn:tds:test:subject-${counter}`,
    actor: 'did:web:operator.test',
    at: new Date(Date.UTC(2026, 10, 22, 12, 0, 0, counter % 1000)).toISOString(),
    payload: { n: counter },
    ...overrides,
  };
}

export const aLedgerKey = () => generateEd25519KeyPair();
