import { DomainError } from '../../core/errors/index.js';

/**
 * Runs a change to a DSP process again when it lost a race for the same record (a peer's message
 * and the acknowledgement of our own arriving together, on PostgreSQL where they run in parallel):
 * the next run sees the settled state.
 */
export async function settled<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts || !(error instanceof DomainError && error.code === 'contract.conflict')) throw error;
    }
  }
}
