import { format, type Localized } from '../i18n/locale.js';
import type { QueryModel } from './query-model.js';
import { exprText } from './query-printer.js';
import type { ReleaseRules } from './sandbox-grant.js';

const texts = {
  views: { 'zh-CN': '只读取授权视图：{views}', en: 'Reads granted views only: {views}' },
  grouped: { 'zh-CN': '按 {keys} 分组聚合输出', en: 'Output aggregated by {keys}' },
  total: { 'zh-CN': '输出为整体聚合', en: 'Output is one aggregate over all rows' },
  rows: { 'zh-CN': '输出为明细行（协议允许），发布前做去标识化检查', en: 'Output is rows (the agreement allows it), checked for de-identification before release' },
  k: { 'zh-CN': '每个输出分组至少覆盖 {k} 个不同主体，不足的分组被抑制', en: 'Every output group covers at least {k} distinct subjects; smaller groups are suppressed' },
  differencing: { 'zh-CN': '{n} 个筛选条件已做差分攻击检测', en: '{n} conditions checked against differencing' },
  dp: { 'zh-CN': '差分隐私：本次消耗 ε={epsilon}，计数与求和加噪声', en: 'Differential privacy: this job spends ε={epsilon}; counts and sums carry noise' },
  manual: { 'zh-CN': '结果经提供方人工审核后发布', en: "Results are released after the provider's review" },
  auto: { 'zh-CN': '各项检查通过后结果自动发布', en: 'Results are released automatically when every check passes' },
} satisfies Record<string, Localized>;

const say = (key: keyof typeof texts, values: Record<string, string | number> = {}): Localized => ({
  'zh-CN': format(texts[key]['zh-CN'], values),
  en: format(texts[key].en, values),
});

/** What the gate checked for an accepted query, one line each, for the workbench. */
export function acceptedChecks(facts: { model: QueryModel; rules: ReleaseRules; aggregated: boolean; atoms: number; epsilon?: number }): Localized[] {
  const { model, rules } = facts;
  const lines = [say('views', { views: [...new Set(model.from.map((f) => f.view))].join(', ') })];
  if (!facts.aggregated) lines.push(say('rows'));
  else lines.push(model.groupBy.length ? say('grouped', { keys: model.groupBy.map(exprText).join(', ') }) : say('total'));
  if (facts.aggregated && rules.k > 1) lines.push(say('k', { k: rules.k }));
  if (facts.atoms && facts.aggregated && rules.k > 1) lines.push(say('differencing', { n: facts.atoms }));
  if (facts.epsilon !== undefined) lines.push(say('dp', { epsilon: facts.epsilon }));
  lines.push(say(rules.review));
  return lines;
}
