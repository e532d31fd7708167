import type { SandboxJob } from '../../core/sandbox/sandbox-job.js';

let n = 0;

/** A queued SQL job on the provider, with overrides. */
export function aSandboxJob(overrides: Partial<SandboxJob> = {}): SandboxJob {
  n += 1;
  const at = new Date(Date.UTC(2026, 10, 23, 8, 0, n)).toISOString();
  return {
    id: `job-${n}`,
    role: 'provider',
    agreementId: 'agreement-1',
    peerDid: 'did:web:bank.example',
    party: { did: 'did:web:bank.example', participantId: 'p-bank', roles: ['consumer'], legalEntity: { industry: 'J66' } },
    request: { kind: 'sql', sql: 'SELECT count(*) FROM 企业用电数据' },
    state: 'queued',
    charged: false,
    attempts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
