import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AgreementRecord, DeliveredContent, TransferRecord } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import { createCsvWatermarker, createJsonlWatermarker, type StreamingWatermarker } from '../../core/watermark/index.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import type { TransferStore } from '../../store/contracts/transfer-store.js';
import type { AssetService } from '../assets/asset-service.js';
import type { AssetSource } from '../assets/readers/asset-reader.js';
import { openAssetReader } from '../assets/readers/open-asset-reader.js';
import { csvRecord } from './csv-record.js';
import { secureUniform } from '../../core/crypto/secure-uniform.js';
import { desensitizationKeys } from '../../core/desensitization/index.js';
import { desensitizedCsv, desensitizedJsonl, desensitizedRows, preparationFailure } from './desensitizing-streams.js';
import { RecordDesensitizer } from './record-desensitizer.js';

/** A prepared delivery: the file to serve and what it is. */
export interface Delivery extends DeliveredContent {
  path: string;
  fileName: string;
}

const mediaTypes: Record<string, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson', parquet: 'application/vnd.apache.parquet' };

/** Bytes → marked bytes, as a Node Transform around core's pure watermarker. */
function watermarkTransform(marker: StreamingWatermarker): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(marker.push(chunk)));
    },
    flush(done) {
      done(null, Buffer.from(marker.end()));
    },
  });
}

function hashing(): { transform: Transform; digest: () => { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { transform, digest: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/**
 * What a transfer delivers, prepared once per transfer so that ranged and resumed downloads see
 * the same bytes: tabular files (CSV, JSON Lines) and tables are written out with a watermark
 * naming the agreement and the consumer (数字水印, `tds trace`), other files are served as they
 * are. When the data dictionary gives fields desensitization rules (脱敏), each record passes
 * through them before the watermark, with the sandbox's keys (`desensitizationKeys`); a Parquet file
 * with rules is refused. The SHA-256 and size go to the transfer and, with each completed
 * download, to the ledger.
 */
export class DeliveryContent {
  private readonly preparing = new Map<string, Promise<Delivery>>();

  constructor(
    private readonly assets: AssetService,
    private readonly assetStore: AssetStore,
    private readonly transfers: TransferStore,
    private readonly directory: string,
    /** The connector's desensitization secret, shared with the sandbox. */
    private readonly master: Uint8Array,
  ) {}

  async prepare(transfer: TransferRecord, agreement: AgreementRecord): Promise<Delivery> {
    let pending = this.preparing.get(transfer.id);
    if (!pending) {
      pending = this.build(transfer, agreement).finally(() => this.preparing.delete(transfer.id));
      this.preparing.set(transfer.id, pending);
    }
    return pending;
  }

  private fileFor(transferId: string, ext: string): string {
    return path.join(this.directory, `${createHash('sha256').update(transferId).digest('hex').slice(0, 32)}.${ext}`);
  }

  private async build(transfer: TransferRecord, agreement: AgreementRecord): Promise<Delivery> {
    const asset = agreement.assetId ? await this.assetStore.findById(agreement.assetId) : undefined;
    if (!asset) throw new DomainError('dataplane.access-refused', 'The dataset of this agreement is no longer held here.');
    const source = await this.assets.sourceOf(asset);
    const name = asset.name.replace(/[^\w.\-\u4e00-\u9fff]+/g, '_');
    const payload = { agreementId: agreement.id, consumer: agreement.consumerDid };
    if (source.kind === 'http-api') throw new DomainError('dataplane.access-refused', 'This dataset is an API: use an HttpProxy-PULL transfer.');
    const known = transfer.content;
    const desensitizer = RecordDesensitizer.forFields(asset.entry.dictionary?.fields, desensitizationKeys(this.master, asset.id, agreement.id), secureUniform);
    if (source.kind === 'file' && source.format === 'parquet') {
      // Parquet is not rewritten yet, and serving it as it is would skip the rules.
      if (desensitizer) throw new DomainError('dataplane.access-refused', "This dataset's dictionary has desensitization rules (脱敏), and desensitized Parquet delivery is not supported yet.");
      const bytes = (await stat(source.path)).size;
      const content = known && known.bytes === bytes ? known : { ...(await hashFile(source.path)), mediaType: mediaTypes.parquet!, watermarked: false };
      if (content !== known) await this.transfers.setContent(transfer.id, content);
      return { ...content, path: source.path, fileName: `${name}.parquet` };
    }
    const ext = source.kind === 'file' ? source.format : 'csv';
    const target = this.fileFor(transfer.id, ext);
    if (known?.watermarked) {
      const existing = await stat(target).catch(() => undefined);
      if (existing?.size === known.bytes) return { ...known, path: target, fileName: `${name}.${ext}` };
    }
    await mkdir(this.directory, { recursive: true });
    const marker = ext === 'jsonl' ? createJsonlWatermarker(payload) : createCsvWatermarker(payload);
    const hash = hashing();
    const partial = `${target}.part`;
    try {
      await pipeline([...deliveredText(source, desensitizer), watermarkTransform(marker), hash.transform, createWriteStream(partial)]);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw new DomainError('asset.source-unreadable', `The dataset could not be prepared: ${preparationFailure(error)}`);
    }
    const content: DeliveredContent = { ...hash.digest(), mediaType: mediaTypes[ext]!, watermarked: true };
    await this.transfers.setContent(transfer.id, content);
    return { ...content, path: target, fileName: `${name}.${ext}` };
  }
}

async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The source as the bytes to watermark: a file as it is, or through the desensitizer; a table as CSV. */
function deliveredText(source: Exclude<AssetSource, { kind: 'http-api' }>, desensitizer: RecordDesensitizer | undefined): Array<Readable | Transform> {
  if (source.kind === 'table') {
    const rows = openAssetReader(source).rows();
    return [tableAsCsv(desensitizer ? desensitizedRows(rows, desensitizer) : rows)];
  }
  if (desensitizer && source.format === 'csv') return desensitizedCsv(source.path, desensitizer);
  const file = createReadStream(source.path, { highWaterMark: 1 << 20 });
  return desensitizer ? [file, desensitizedJsonl(desensitizer)] : [file];
}

/** Rows of a table as RFC 4180 CSV with a header, streamed. */
function tableAsCsv(rows: AsyncIterable<Record<string, unknown>>): Readable {
  async function* lines() {
    let header: string[] | undefined;
    for await (const row of rows) {
      if (!header) {
        header = Object.keys(row);
        yield csvRecord(header);
      }
      yield csvRecord(header.map((k) => row[k]));
    }
  }
  return Readable.from(lines());
}
