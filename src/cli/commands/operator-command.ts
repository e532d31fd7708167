import path from 'node:path';
import type { Locale } from '../../core/i18n/locale.js';
import { createLogger } from '../../server/logger.js';
import { message } from '../cli-messages.js';
import { parseHashAlgorithm, parseManualReview, parsePort, parseSigningAlgorithm, parseTrustProxy } from '../cli-options.js';
import { closeOnSignal, startOperator } from '../node-runner.js';
import { loadOrCreateToken } from '../secret-files.js';

export interface OperatorArgs {
  dir?: string;
  host?: string;
  port?: string;
  database?: string;
  origin?: string;
  hash?: string;
  'public-url'?: string;
  'issuer-alg'?: string;
  'catalog-review'?: string;
  'trust-proxy'?: string;
}

export async function operatorCommand(args: OperatorArgs, locale: Locale): Promise<void> {
  const dir = path.resolve(args.dir ?? '.tds-operator');
  const port = parsePort(args.port, 7070);
  const hashAlgorithm = parseHashAlgorithm(args.hash);
  let adminToken = process.env.TDS_ADMIN_TOKEN;
  if (!adminToken) {
    const file = path.join(dir, 'admin-token');
    const loaded = loadOrCreateToken(file, 'tds_admin');
    adminToken = loaded.token;
    if (loaded.created) console.error(message(locale, 'secretWritten', { what: 'admin token', file }));
  }
  const running = await startOperator({
    dir,
    host: args.host ?? '127.0.0.1',
    port,
    databaseUrl: args.database ?? process.env.TDS_DATABASE_URL,
    origin: args.origin ?? 'tds.local/space',
    hashAlgorithm,
    adminToken,
    publicUrl: args['public-url'],
    issuerAlgorithm: parseSigningAlgorithm(args['issuer-alg'], '--issuer-alg'),
    catalogManualReview: parseManualReview(args['catalog-review']),
    trustProxy: parseTrustProxy(args['trust-proxy']),
    logger: createLogger('operator'),
  });
  console.error(message(locale, 'operatorListening', { url: running.url }));
  closeOnSignal([running], () => console.error(message(locale, 'stopping')));
}
