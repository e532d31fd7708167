import { Type } from 'typebox';
import type { App } from '../../server/build-server.js';
import type { LedgerSelfCheck } from './ledger-self-check.js';

const LedgerStatusBody = Type.Object(
  {
    state: Type.Union([Type.Literal('unverified'), Type.Literal('verified'), Type.Literal('broken')], { description: 'broken: a leaf does not match the log; no checkpoint is signed until it does' }),
    verifiedSize: Type.Integer({ minimum: 0, description: 'Entries [0, verifiedSize) recomputed and found intact' }),
    checkedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the operator last recomputed its log' }),
    brokenIndex: Type.Optional(Type.Integer({ minimum: 0, description: 'The first entry that does not verify' })),
    problem: Type.Optional(Type.String()),
  },
  { description: "The operator's verification of its own ledger (ADR 0013)" },
);

/** Public, like the log itself: anyone relying on the ledger may see whether its operator vouches for it. */
export function registerLedgerStatusRoute(app: App, selfCheck: LedgerSelfCheck): void {
  app.get('/ledger/status', {
    config: { access: 'public' },
    schema: { tags: ['ledger'], summary: "Whether the operator's last recomputation of its own ledger found it intact, and which entry broke if not", response: { 200: LedgerStatusBody } },
  }, async () => selfCheck.status);
}
