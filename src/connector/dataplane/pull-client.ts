import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReceivedRecord, TransferRecord } from '../../core/contracts/contract-records.js';
import type { DataAddress } from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import type { ContractContext } from '../dsp/contract-context.js';
import type { TransferService } from '../transfer/transfer-service.js';
import { encodePurposeHeader, purposeHeader } from './purpose-header.js';

const TIMEOUT_MS = 60_000;

const property = (address: DataAddress, name: string) => address.endpointProperties?.find((p) => p.name === name)?.value;

/**
 * The consumer side of a pull transfer: downloads from the provider's data plane with the EDR
 * the provider sent (refreshing it when it expired), into this connector's received store,
 * resuming a partial download with a Range request, and checking the SHA-256 the provider states.
 * What arrived is registered under its agreement (onward transfer control, 再流转控制) with its
 * ledger entry, in one transaction.
 */
export class PullClient {
  constructor(
    private readonly ctx: ContractContext,
    private readonly transfers: TransferService,
    private readonly agreements: AgreementStore,
    private readonly usage: UsageStore,
    private readonly directory: string,
  ) {}

  async pull(transferId: string, actor: string, options: { purpose?: string } = {}): Promise<ReceivedRecord> {
    const transfer = await this.transfers.get(transferId);
    if (transfer.role !== 'consumer') throw new DomainError('transfer.not-allowed', 'Only the consumer pulls.');
    if (transfer.state !== 'STARTED') throw new DomainError('transfer.not-allowed', `The transfer is ${transfer.state ?? 'not started'}.`);
    const agreement = await this.agreements.find(transfer.agreementId);
    if (!agreement) throw new DomainError('agreement.not-found', `No agreement ${transfer.agreementId}.`);
    let address = this.transfers.dataAddressOf(transfer);
    if (!address?.endpoint || !property(address, 'authorization')) throw new DomainError('transfer.not-allowed', 'The provider sent no data address to pull from.');
    const expires = property(address, 'expiresAt');
    if (expires && Date.parse(expires) <= this.ctx.now().getTime() + 5000) address = await this.refresh(transfer, address);

    await mkdir(this.directory, { recursive: true });
    const id = randomUUID();
    const part = path.join(this.directory, `${createHash('sha256').update(transfer.id).digest('hex').slice(0, 32)}.part`);
    const have = (await stat(part).catch(() => undefined))?.size ?? 0;
    const response = await this.fetch(transfer.id, address, have, options.purpose);
    const resumed = response.status === 206 && have > 0;
    if (!resumed && have > 0) await unlink(part).catch(() => {});
    const hash = createHash('sha256');
    if (resumed) await pipeline(createReadStream(part), new Transform({ transform: (c: Buffer, _e, done) => (hash.update(c), done()) }));
    let bytes = resumed ? have : 0;
    const counter = new Transform({
      transform(chunk: Buffer, _e, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as never), counter, createWriteStream(part, { flags: resumed ? 'a' : 'w' }));
    } catch (error) {
      throw this.peerFailed(transfer.id, `The download broke off after ${bytes} bytes (it resumes from there): ${(error as Error).message}`, error);
    }
    const sha256 = hash.digest('hex');
    await this.ctx.identity.identity();
    const stated = /sha-256=:([^:]+):/.exec(response.headers.get('repr-digest') ?? '')?.[1];
    if (stated && Buffer.from(stated, 'base64').toString('hex') !== sha256) {
      await unlink(part).catch(() => {});
      throw this.peerFailed(transfer.id, 'The data received does not match the SHA-256 the provider stated; discarded.');
    }
    const file = path.join(this.directory, `${id}${extensionOf(response.headers.get('content-type'))}`);
    await rename(part, file);
    const received: ReceivedRecord = {
      id,
      agreementId: agreement.id,
      transferId: transfer.id,
      datasetId: agreement.datasetId,
      providerDid: agreement.providerDid,
      path: file,
      sha256,
      bytes,
      mediaType: response.headers.get('content-type') ?? 'application/octet-stream',
      receivedAt: this.ctx.now().toISOString(),
    };
    await this.ctx.database.transaction(async (tx) => {
      await this.usage.recordReceived(tx, received);
      await this.ctx.evidence.record(tx, {
        type: 'data.received',
        subject: agreement.id,
        actor: (await this.ctx.identity.identity()).did,
        payload: { received: id, transfer: transfer.id, provider: agreement.providerDid, dataset: agreement.datasetId, sha256, bytes, by: actor },
      });
    });
    return received;
  }

  /** A 502 for the consumer, logged with its cause first: the console only shows the code. */
  private peerFailed(transferId: string, detail: string, cause?: unknown): DomainError {
    this.ctx.logger?.warn({ err: cause, transferId }, `pull transfer failed: ${detail}`);
    return new DomainError('dsp.peer-failed', detail);
  }

  private async fetch(transferId: string, address: DataAddress, from: number, purpose: string | undefined): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(address.endpoint!, {
        headers: {
          authorization: `Bearer ${property(address, 'authorization')}`,
          ...(from > 0 ? { range: `bytes=${from}-` } : {}),
          ...(purpose ? { [purposeHeader]: encodePurposeHeader(purpose) } : {}),
        },
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      throw this.peerFailed(transferId, `The provider's data plane did not answer: ${(error as Error).message}${cause?.message ? ` (${cause.message})` : ''}`, error);
    }
    if (response.ok && response.body) return response;
    const problem = (await response.json().catch(() => undefined)) as { code?: string; detail?: string } | undefined;
    if (response.status === 403) throw new DomainError('dataplane.access-refused', problem?.detail ?? 'The provider refused the access.');
    throw this.peerFailed(transferId, `The provider's data plane answered ${response.status}: ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim());
  }

  /** A new EDR from the provider (identity token), stored sealed in place of the old one. */
  private async refresh(transfer: TransferRecord, address: DataAddress): Promise<DataAddress> {
    const url = new URL('/dataplane/token', address.endpoint!).toString();
    const answer = await this.ctx.client.post(url, transfer.peerDid, { transferId: transfer.peerPid });
    const body = answer.body as { token?: string; expiresAt?: string; endpoint?: string } | undefined;
    if (answer.status !== 200 || !body?.token) throw new DomainError('dsp.peer-failed', `The provider did not renew the data access token (${answer.status}).`);
    const renewed: DataAddress = {
      ...address,
      endpoint: body.endpoint ?? address.endpoint,
      endpointProperties: [
        { name: 'authorization', value: body.token },
        { name: 'authType', value: 'bearer' },
        { name: 'expiresAt', value: body.expiresAt ?? '' },
      ],
    };
    await this.transfers.storeDataAddress(transfer.id, renewed);
    return renewed;
  }
}

function extensionOf(contentType: string | null): string {
  if (!contentType) return '';
  if (contentType.startsWith('text/csv')) return '.csv';
  if (contentType.includes('ndjson')) return '.jsonl';
  if (contentType.includes('parquet')) return '.parquet';
  return '';
}
