import path from 'node:path';
import type { Locale } from '../../core/i18n/locale.js';
import { createLogger } from '../../server/logger.js';
import { message } from '../cli-messages.js';
import { parseCount, parseMemorySize, parsePort, parseSigningAlgorithm, parseTrustProxy, required } from '../cli-options.js';
import { closeOnSignal, startConnector } from '../node-runner.js';
import { loadOrCreateToken } from '../secret-files.js';

export interface ConnectorArgs {
  name?: string;
  operator?: string;
  dir?: string;
  host?: string;
  port?: string;
  database?: string;
  'key-alg'?: string;
  'public-url'?: string;
  'trust-proxy'?: string;
  'source-dir'?: string;
  'sandbox-timeout'?: string;
  'sandbox-memory'?: string;
  'sandbox-threads'?: string;
  'sandbox-max-jobs'?: string;
}

export async function connectorCommand(args: ConnectorArgs, locale: Locale): Promise<void> {
  const name = required(args.name, '--name');
  const operatorUrl = required(args.operator, '--operator');
  // Options first: a mistake must not leave a new directory with a key behind.
  const timeoutSeconds = parseCount(args['sandbox-timeout'], '--sandbox-timeout', 1, 3600);
  const memoryLimit = parseMemorySize(args['sandbox-memory'], '--sandbox-memory');
  const threads = parseCount(args['sandbox-threads'], '--sandbox-threads', 1, 64);
  const maxJobsPerConsumer = parseCount(args['sandbox-max-jobs'], '--sandbox-max-jobs', 1, 10_000);
  const dir = path.resolve(args.dir ?? `.tds-connector-${name}`);
  let apiKey = process.env.TDS_API_KEY;
  if (!apiKey) {
    const file = path.join(dir, 'api-key');
    const loaded = loadOrCreateToken(file, 'tds_key');
    apiKey = loaded.token;
    if (loaded.created) console.error(message(locale, 'secretWritten', { what: 'API key', file }));
  }
  const running = await startConnector({
    name,
    operatorUrl,
    dir,
    host: args.host ?? '127.0.0.1',
    port: parsePort(args.port, 7071),
    databaseUrl: args.database ?? process.env.TDS_DATABASE_URL,
    apiKey,
    keyAlgorithm: parseSigningAlgorithm(args['key-alg'], '--key-alg'),
    ...(args['public-url'] ? { publicUrl: args['public-url'] } : {}),
    ...(args['source-dir'] ? { sourceDir: args['source-dir'] } : {}),
    sandbox: { ...(timeoutSeconds ? { timeoutSeconds } : {}), ...(memoryLimit ? { memoryLimit } : {}), ...(threads ? { threads } : {}), ...(maxJobsPerConsumer ? { maxJobsPerConsumer } : {}) },
    trustProxy: parseTrustProxy(args['trust-proxy']),
    identityCacheMs: process.env.TDS_IDENTITY_CACHE_MS ? Number(process.env.TDS_IDENTITY_CACHE_MS) : undefined,
    logger: createLogger(`connector:${name}`),
  });
  console.error(message(locale, 'connectorListening', { name, url: running.url }));
  closeOnSignal([running], () => console.error(message(locale, 'stopping')));
}
