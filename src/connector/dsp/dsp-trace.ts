import { appendFileSync } from 'node:fs';

/**
 * Interop debugging (TDS_DSP_TRACE=FILE): every DSP message this connector sends or receives, and
 * every answer, appended to FILE as JSON Lines. The cross-process tests read it to validate each
 * message exchanged against the official schemas. Off unless set; never includes tokens (they
 * travel in headers, which are not traced).
 */
const file = process.env.TDS_DSP_TRACE;

export function traceDsp(direction: 'sent' | 'received' | 'answer-sent' | 'answer-received', path: string, status: number | undefined, body: unknown): void {
  if (!file || body === undefined) return;
  appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), direction, path, status, body })}\n`);
}
