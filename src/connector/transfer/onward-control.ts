import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { decideContract } from '../../core/contracts/contract-decision.js';
import type { AgreementRecord } from '../../core/contracts/contract-records.js';
import { policySubjectOf } from '../../core/contracts/policy-subject.js';
import { DomainError } from '../../core/errors/index.js';
import { parsePolicy } from '../../core/policy/index.js';
import { extractWatermark } from '../../core/watermark/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';

/** How much of a file is searched for a watermark: enough rows to rebuild a mark many times over. */
const SAMPLE_BYTES = 4 * 1024 * 1024;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function head(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Onward transfer control (再流转控制) on the consumer's side: data this connector received under
 * an agreement cannot be registered as an asset of ours (to be offered or forwarded) unless that
 * agreement permits `distribute`. A file is recognised by its SHA-256 among what we received, and
 * by the watermark the provider put in it naming one of our agreements, which survives editing
 * that changes the hash.
 */
export class OnwardControl {
  constructor(
    private readonly usage: UsageStore,
    private readonly agreements: AgreementStore,
    private readonly identity: ConnectorIdentityService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  check = async (file: string, sha256?: string): Promise<void> => {
    const hash = sha256 ?? (await sha256Of(file));
    const ids = new Set((await this.usage.receivedBySha256(hash)).map((r) => r.agreementId));
    const mark = extractWatermark(await head(file));
    if (mark) ids.add(mark.agreementId);
    for (const id of ids) {
      const agreement = await this.agreements.find(id);
      if (agreement && agreement.role === 'consumer' && !(await this.mayDistribute(agreement))) {
        throw new DomainError('onward.refused', `This file was received under agreement ${agreement.id} (dataset ${agreement.datasetId}), which does not permit passing it on (distribute).`);
      }
    }
  };

  private async mayDistribute(agreement: AgreementRecord): Promise<boolean> {
    const policy = parsePolicy(agreement.policy);
    if (!policy.ok) return false;
    const { did, participantId } = await this.identity.identity();
    return decideContract({
      policy: policy.policy,
      subject: policySubjectOf({ did, participantId, roles: [] }),
      now: this.now(),
      stage: 'access',
      request: { action: 'distribute', target: agreement.datasetId },
      usesSoFar: 0,
      ...(agreement.finalizedAt ? { agreementSignedAt: new Date(agreement.finalizedAt) } : {}),
    }).permitted;
  }
}
