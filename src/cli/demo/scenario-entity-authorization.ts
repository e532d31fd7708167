import type { Localized } from '../../core/i18n/locale.js';
import type { EntityAuthorization } from '../../core/sandbox/entity-authorization.js';
import { applicantAuthorizations } from './demo-authorizations.js';
import { call } from './demo-http.js';
import { creditScoreAlgorithm } from './demo-sandbox.js';
import { check } from './scenario-check.js';
import type { ScenarioContext } from './scenario-context.js';

/** The authorizations the bank holds from its applicants, for the consumer and purpose of its sandbox agreement. */
export async function bankAuthorizations(ctx: ScenarioContext): Promise<Map<string, EntityAuthorization>> {
  const agreement = await call<{ consumerDid: string; purpose?: string }>('GET', `${ctx.bank.url}/api/v1/agreements/${encodeURIComponent(ctx.sandboxAgreementId)}`, ctx.bank.apiKey);
  return applicantAuthorizations(ctx.applicants, agreement.consumerDid, agreement.purpose ?? '');
}

/** An enterprise that never applied to the bank (a valid code no applicant has). */
function notAnApplicant(ctx: ScenarioContext): string {
  const applicants = new Set(ctx.applicants.map((a) => a.uscc));
  const stranger = ['91410100MA47TDQ0XQ', '91410100MA47TDQ1XQ', '91410100MA47TDQ2XQ'].find((code) => !applicants.has(code));
  check(stranger, { 'zh-CN': '找不到非申请企业用于检查', en: 'no non-applicant found to check with' });
  return stranger;
}

/**
 * The bank asks the credit score about an enterprise that never applied (so never authorized
 * it) beside an applicant: the utility refuses the job before running anything, and names the
 * entry that lacked a valid authorization. The refusal does not depend on whether the utility
 * serves that enterprise.
 */
export async function refuseUnauthorized(
  ctx: ScenarioContext,
  runJob: (ctx: ScenarioContext, body: Record<string, unknown>) => Promise<{ state: string; reason?: { code: string; message: Localized }; result?: unknown }>,
  authorizations: ReadonlyMap<string, EntityAuthorization>,
): Promise<Localized> {
  const stranger = notAnApplicant(ctx);
  // Alongside an applicant the bank may ask about, with that applicant's authorization only.
  const [applicant, authorization] = [...authorizations.entries()][0]!;
  const job = await runJob(ctx, { algorithm: creditScoreAlgorithm.name, version: creditScoreAlgorithm.version, parameters: { applicants: `${applicant},${stranger}` }, authorizations: [authorization] });
  check(job.state === 'refused' && job.reason?.code === 'sandbox.entity-unauthorized' && job.result === undefined, {
    'zh-CN': `为未授权企业评分的作业结束于 ${job.state}（${job.reason?.code ?? ''}），未被拒绝`,
    en: `scoring an enterprise without its authorization ended ${job.state} (${job.reason?.code ?? ''}), not refused`,
  });
  return {
    'zh-CN': `为一家未申请（未授权）的企业评分被拒绝：${job.reason.message['zh-CN']}`,
    en: `Scoring an enterprise that did not apply (no authorization) was refused: ${job.reason.message.en}`,
  };
}
