import fs from 'node:fs';
import type { Locale } from '../../core/i18n/locale.js';
import { message } from '../cli-messages.js';
import { parseHashAlgorithm, required } from '../cli-options.js';
import { auditLedger, type AuditFinding } from '../ledger/ledger-audit.js';
import { LedgerClient } from '../ledger/ledger-client.js';

export interface LedgerVerifyArgs {
  url?: string;
  key?: string;
  'from-checkpoint'?: string;
  'save-checkpoint'?: string;
  hash?: string;
}

function describe(locale: Locale, finding: AuditFinding): string {
  switch (finding.kind) {
    case 'entry-tampered':
      return message(locale, 'verifyTampered', { index: finding.index });
    case 'entry-malformed':
      return `#${finding.index}: ${finding.reason}`;
    case 'log-inconsistent':
      return finding.reason;
  }
}

/** `tds ledger verify`: returns the exit status (0 verified, 1 findings, 2 could not verify). */
export async function ledgerVerifyCommand(args: LedgerVerifyArgs, locale: Locale): Promise<number> {
  const client = new LedgerClient(required(args.url, '--url'));
  const algorithm = args.hash === undefined ? undefined : parseHashAlgorithm(args.hash);
  let previousCheckpoint: string | undefined;
  if (args['from-checkpoint']) previousCheckpoint = fs.readFileSync(args['from-checkpoint'], 'utf8');
  try {
    let verifierKey = args.key;
    if (!verifierKey) {
      verifierKey = await client.verifierKey();
      console.error(message(locale, 'verifyKeyFetched'));
    }
    const report = await auditLedger({ client, verifierKey, previousCheckpoint, algorithm });
    console.log(message(locale, 'verifyCheckpoint', { origin: report.checkpoint.origin, size: report.checkpoint.size }));
    if (report.findings.length > 0) {
      for (const finding of report.findings) console.log(message(locale, 'verifyFailed', { reason: describe(locale, finding) }));
      return 1;
    }
    console.log(message(locale, 'verifyEntries', { count: report.checkpoint.size }));
    if (report.consistentWith !== undefined) console.log(message(locale, 'verifyConsistent', { size: report.consistentWith }));
    if (args['save-checkpoint']) {
      fs.writeFileSync(args['save-checkpoint'], report.note);
      console.log(message(locale, 'verifySaved', { file: args['save-checkpoint'] }));
    }
    console.log(message(locale, 'verifyOk'));
    return 0;
  } catch (error) {
    const name = (error as Error).name;
    // A bad signature or a malformed checkpoint is a verification failure, not a usage error.
    if (name === 'NoteVerificationError' || name === 'CheckpointFormatError') {
      console.log(message(locale, 'verifyFailed', { reason: (error as Error).message }));
      return 1;
    }
    console.error(message(locale, 'verifyError', { reason: (error as Error).message }));
    return 2;
  }
}
