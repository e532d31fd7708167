import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-databases.js';
import type { AssetRecord } from '../../core/assets/asset-record.js';
import type { AgreementRecord, TransferRecord } from '../../core/contracts/contract-records.js';
import { createFieldCipher, generateFieldKey } from '../../core/crypto/field-cipher.js';
import { deriveKey, hmacSha256Hex } from '../../core/crypto/keyed-hash.js';
import type { DesensitizationRule } from '../../core/desensitization/index.js';
import { DomainError } from '../../core/errors/index.js';
import { extractWatermark } from '../../core/watermark/index.js';
import { AssetStore } from '../../store/assets/asset-store.js';
import { AgreementStore } from '../../store/contracts/agreement-store.js';
import { anAgreementRecord, aTransferRecord } from '../../store/contracts/contract-fixtures.js';
import { TransferStore } from '../../store/contracts/transfer-store.js';
import { openDatabase, type Database } from '../../store/database.js';
import { AssetService, type SourceInput } from '../assets/asset-service.js';
import { anSqliteFile, aParquetFile, aTempDir, removeTempDirs } from '../assets/readers/reader-fixtures.js';
import { DeliveryContent } from './delivery-content.js';

const master = new Uint8Array(32).fill(9);
const rules: Record<string, DesensitizationRule> = {
  手机号: { method: 'mask', format: 'phone' },
  客户号: { method: 'tokenize' },
  证件号: { method: 'hash', algorithm: 'hmac-sha256' },
};
const csv = [
  '客户号,姓名,手机号,证件号,备注',
  'C001,张三,13812345678,410105199001011234,"他说:""你好, 世界"""',
  'C002,李四,13987654321,410105198502023456,"多行备注\n第二行"',
  'C003,王五,13700001111,410105197703034567,普通客户',
].join('\n');

/** The delivered text without the watermark's invisible fragments (U+2060 and variation selectors). */
const unmarked = (text: string) => text.replace(/\u2060[\uFE00-\uFE0F]*/g, '');

describe('DeliveryContent with desensitization rules, on SQLite', () => {
  let testDb: TestDatabase;
  let database: Database;
  let sources: string;
  let assets: AssetService;
  let assetStore: AssetStore;
  let transfers: TransferStore;
  let content: DeliveryContent;

  beforeEach(async () => {
    testDb = await createTestDatabase('sqlite');
    database = await openDatabase(testDb.url);
    const dir = await aTempDir();
    sources = await aTempDir();
    assetStore = new AssetStore(database);
    transfers = new TransferStore(database);
    const cipher = createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', generateFieldKey()]]), currentKeyId: 'k1' });
    assets = new AssetService(database, assetStore, cipher, { uploads: path.join(dir, 'uploads'), sources });
    content = new DeliveryContent(assets, assetStore, transfers, path.join(dir, 'deliveries'), master);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
    await removeTempDirs();
  });

  /** Registers a source and gives the dictionary's fields named in `rules` their rule. */
  async function anAssetWithRules(name: string, input: SourceInput, withRules = rules): Promise<AssetRecord> {
    const registered = await assets.register(name, input, {}, 'test');
    const dictionary = registered.entry.dictionary!;
    const fields = dictionary.fields.map((f) => (withRules[f.name] ? { ...f, desensitization: withRules[f.name] } : f));
    return assets.update(registered.id, { dictionary: { ...dictionary, fields } }, undefined, 'test');
  }

  /** An active agreement on the asset with one started pull transfer, both stored. */
  async function aTransferOf(asset: AssetRecord, consumerDid: string): Promise<{ agreement: AgreementRecord; transfer: TransferRecord }> {
    const agreement = anAgreementRecord({ assetId: asset.id, consumerDid });
    const transfer = aTransferRecord({ agreementId: agreement.id, peerDid: consumerDid, state: 'STARTED' });
    await database.transaction(async (tx) => {
      await new AgreementStore(database).insert(tx, agreement);
      await transfers.insert(tx, transfer);
    });
    return { agreement, transfer };
  }

  async function delivered(asset: AssetRecord, consumerDid: string) {
    const { agreement, transfer } = await aTransferOf(asset, consumerDid);
    const delivery = await content.prepare(transfer, agreement);
    const bytes = await readFile(delivery.path);
    return { agreement, transfer, delivery, bytes, text: bytes.toString('utf8') };
  }

  it('delivers a CSV with the phone masked, the ID hashed as in the sandbox and the customer tokenized per agreement', async () => {
    await writeFile(path.join(sources, 'customers.csv'), csv);
    const asset = await anAssetWithRules('客户名单', { kind: 'file', format: 'csv', path: 'customers.csv' });
    const bank = await delivered(asset, 'did:web:bank.example.cn');
    const insurer = await delivered(asset, 'did:web:insurer.example.cn');

    const [header, ...rows] = parse(unmarked(bank.text)) as string[][];
    expect(header).toEqual(['客户号', '姓名', '手机号', '证件号', '备注']);
    expect(rows.map((r) => r[2])).toEqual(['138****5678', '139****4321', '137****1111']);
    expect(rows.map((r) => [r[1], r[4]])).toEqual([['张三', '他说:"你好, 世界"'], ['李四', '多行备注\n第二行'], ['王五', '普通客户']]);
    // The sandbox's label for the asset's hashing key: the same digest in a sandbox view.
    const hashKey = deriveKey(master, `sandbox-hash:${asset.id}`);
    expect(rows.map((r) => r[3])).toEqual(['410105199001011234', '410105198502023456', '410105197703034567'].map((id) => hmacSha256Hex(hashKey, id)));
    for (const r of rows) expect(r[0]).toMatch(/^T[A-Z2-7]{20}$/);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3);
    expect(bank.text).not.toMatch(/13812345678|410105199001011234|C001/);

    const [, ...other] = parse(unmarked(insurer.text)) as string[][];
    expect(other.map((r) => r[3])).toEqual(rows.map((r) => r[3]));
    other.forEach((r, i) => expect(r[0]).not.toBe(rows[i]![0]));

    // Still watermarked for its consumer, and the bookkeeping is of the bytes on disk.
    expect(extractWatermark(bank.text)).toMatchObject({ agreementId: bank.agreement.id, consumer: 'did:web:bank.example.cn' });
    expect(bank.delivery).toMatchObject({ bytes: bank.bytes.length, sha256: createHash('sha256').update(bank.bytes).digest('hex'), mediaType: 'text/csv; charset=utf-8', watermarked: true });
    expect((await transfers.find(bank.transfer.id))?.content).toEqual({ sha256: bank.delivery.sha256, bytes: bank.delivery.bytes, mediaType: bank.delivery.mediaType, watermarked: true });
    // Prepared once per transfer: a resumed download gets the same bytes.
    const again = await content.prepare((await transfers.find(bank.transfer.id))!, bank.agreement);
    expect(again.sha256).toBe(bank.delivery.sha256);
  });

  it('delivers JSON Lines and tables through the same rules', async () => {
    const lines = ['{"客户号":"C001","手机号":"13812345678","备注":"甲"}', '{"客户号":"C002","手机号":null,"备注":"乙"}'];
    await writeFile(path.join(sources, 'customers.jsonl'), `${lines.join('\n')}\n`);
    const jsonl = await delivered(await anAssetWithRules('客户名单JSON', { kind: 'file', format: 'jsonl', path: 'customers.jsonl' }), 'did:web:bank.example.cn');
    const objects = unmarked(jsonl.text).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => [o.手机号, o.备注])).toEqual([['138****5678', '甲'], [null, '乙']]);
    expect(objects[0]!.客户号).toMatch(/^T[A-Z2-7]{20}$/);
    expect(jsonl.delivery).toMatchObject({ bytes: jsonl.bytes.length, sha256: createHash('sha256').update(jsonl.bytes).digest('hex'), mediaType: 'application/x-ndjson' });

    const db = await anSqliteFile("CREATE TABLE customers (客户号 TEXT, 手机号 TEXT, 积分 INTEGER); INSERT INTO customers VALUES ('C001', '13812345678', 5), ('C002', NULL, 7);");
    const table = await delivered(await anAssetWithRules('客户表', { kind: 'table', engine: 'sqlite', url: `sqlite:${db}`, table: 'customers' }), 'did:web:bank.example.cn');
    const [header, ...rows] = parse(unmarked(table.text)) as string[][];
    expect(header).toEqual(['客户号', '手机号', '积分']);
    expect(rows.map((r) => r.slice(1))).toEqual([['138****5678', '5'], ['', '7']]);
    expect(rows[0]![0]).toMatch(/^T[A-Z2-7]{20}$/);
  });

  it('refuses a Parquet file with rules, and serves one without rules as it is', async () => {
    const file = await aParquetFile("SELECT 'C001' AS 客户号, '13812345678' AS 手机号");
    await writeFile(path.join(sources, 'customers.parquet'), await readFile(file));
    const ruled = await anAssetWithRules('客户Parquet', { kind: 'file', format: 'parquet', path: 'customers.parquet' });
    const { agreement, transfer } = await aTransferOf(ruled, 'did:web:bank.example.cn');
    const refusal = await content.prepare(transfer, agreement).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'dataplane.access-refused', message: expect.stringContaining('Parquet') });

    const plain = await delivered(await anAssetWithRules('客户Parquet明文', { kind: 'file', format: 'parquet', path: 'customers.parquet' }, {}), 'did:web:bank.example.cn');
    expect(plain.bytes).toEqual(await readFile(file));
    expect(plain.delivery.watermarked).toBe(false);
  });
});
