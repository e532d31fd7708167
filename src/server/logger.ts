import { pino, type Logger } from 'pino';

/** Headers and fields that carry secrets; pino replaces them before a line is written. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.privateKey',
  '*.apiKey',
  '*.adminToken',
  '*.token',
  '*.totp',
  '*.secret',
  // Personal data (个人信息) never reaches a log in clear, even if an error carries a request body.
  '*.idNumber',
  '*.phone',
];

/** JSON logs to stdout (or to `destination`), one logger per node with its name bound. */
export function createLogger(node: string, level = process.env.TDS_LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options = { level, base: { node }, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
