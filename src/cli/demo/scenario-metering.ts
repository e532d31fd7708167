import type { Localized } from '../../core/i18n/locale.js';
import { call } from './demo-http.js';
import { check } from './scenario-check.js';
import type { ScenarioContext } from './scenario-context.js';

interface ProvidedJob {
  id: string;
  state: string;
  kind: string;
  createdAt: string;
  finishedAt?: string;
}

/**
 * The provider's own record of the bank's use (计量): every job the scenario ran is on the
 * utility's books under the agreement, with its outcome and time in the sandbox.
 */
export async function meterSandboxUse(ctx: ScenarioContext): Promise<Localized> {
  const jobs: ProvidedJob[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await call<{ items: ProvidedJob[]; total: number }>('GET', `${ctx.utility.url}/api/v1/sandbox/provided-jobs?agreementId=${encodeURIComponent(ctx.sandboxAgreementId)}&limit=200&offset=${offset}`, ctx.utility.apiKey);
    jobs.push(...page.items);
    if (page.items.length === 0 || jobs.length >= page.total) break;
  }
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const ours = ctx.jobs.map((id) => byId.get(id));
  const missing = ctx.jobs.filter((id) => !byId.has(id)).join(', ');
  check(ours.every(Boolean), { 'zh-CN': `省电力公司没有作业 ${missing} 的记录`, en: `the utility has no record of ${missing}` });
  const counted = (state: string) => jobs.filter((j) => j.state === state).length;
  const seconds = jobs.reduce((sum, j) => sum + (j.finishedAt ? Date.parse(j.finishedAt) - Date.parse(j.createdAt) : 0), 0) / 1000;
  return {
    'zh-CN': `省电力公司记录该合约下 ${jobs.length} 个作业（发布 ${counted('succeeded')}、拒绝 ${counted('refused')}），本次场景的 ${ctx.jobs.length} 个均在账，受理至完成共 ${seconds.toFixed(1)} 秒`,
    en: `The utility's books hold ${jobs.length} jobs under the agreement (${counted('succeeded')} released, ${counted('refused')} refused), all ${ctx.jobs.length} of this run among them, ${seconds.toFixed(1)} s from submission to settlement in all`,
  };
}
