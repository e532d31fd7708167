import type { Logger } from 'pino';
import type { Ed25519KeyPair } from '../core/crypto/ed25519-key.js';
import type { HashAlgorithmName } from '../core/crypto/hash-algorithm.js';
import { productVersion } from '../core/version.js';
import type { Database } from '../store/database.js';
import { LedgerStore } from '../store/ledger/ledger-store.js';
import { EvidenceRecorder } from '../store/evidence/evidence-recorder.js';
import { buildServer, type App } from '../server/build-server.js';
import { CheckpointSigner } from './ledger/checkpoint-signer.js';
import { LedgerReader } from './ledger/ledger-reader.js';
import { LedgerSequencer } from './ledger/ledger-sequencer.js';
import { registerLedgerRoutes } from './ledger/ledger-routes.js';

export interface OperatorOptions {
  database: Database;
  /** The checkpoint origin, e.g. `tds.example.org/space-1`; also the signing key's name. */
  origin: string;
  ledgerKey: Ed25519KeyPair;
  /** Only used when the space's ledger is created; an existing ledger keeps its algorithm. */
  hashAlgorithm: HashAlgorithmName;
  adminTokenDigests: string[];
  logger?: Logger | false;
  sequencerPollMs?: number;
}

export interface OperatorNode {
  app: App;
  sequencer: LedgerSequencer;
  evidence: EvidenceRecorder;
  verifierKey: string;
}

/** Assembles the operator: ledger first, since every other module records evidence into it. */
export async function createOperatorNode(options: OperatorOptions): Promise<OperatorNode> {
  const ledgerStore = new LedgerStore(options.database);
  const signer = new CheckpointSigner(options.origin, options.ledgerKey);
  const sequencer = new LedgerSequencer(ledgerStore, signer, { pollMs: options.sequencerPollMs });
  await sequencer.start(options.hashAlgorithm);
  const evidence = new EvidenceRecorder(ledgerStore, sequencer.algorithm, () => sequencer.wake());

  const app = await buildServer({
    node: 'operator',
    title: 'Trustspace operator API',
    version: productVersion,
    description: 'The operator node of a Trustspace trusted data space (可信数据空间): evidence ledger and space services.',
    logger: options.logger,
    readiness: [
      { name: 'database', check: () => options.database.ping() },
      { name: 'ledger', check: async () => sequencer.failure === undefined },
    ],
  });
  registerLedgerRoutes(app, {
    reader: new LedgerReader(ledgerStore),
    sequencer,
    verifierKey: signer.verifierKey,
    appendTokenDigests: () => options.adminTokenDigests,
  });
  app.addHook('onClose', () => sequencer.stop());
  return { app, sequencer, evidence, verifierKey: signer.verifierKey };
}
