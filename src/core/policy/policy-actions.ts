import type { Localized } from '../i18n/locale.js';

/**
 * ODRL 2.2 common vocabulary actions and their `includedIn` hierarchy (vocab ODRL22.ttl): almost
 * every action is included in `use`; `display` in `play`, `extract` in `reproduce`; `give` and
 * `sell` in `transfer`, which is not part of `use`. A permission to `use` covers `read`,
 * `aggregate`, `distribute`…; a prohibition of `distribute` applies to `distribute` only.
 * Actions not listed (a profile's own) are included only in themselves.
 */
const includedIn: Readonly<Record<string, string>> = {
  acceptTracking: 'use', aggregate: 'use', annotate: 'use', anonymize: 'use', archive: 'use', attribute: 'use',
  compensate: 'use', concurrentUse: 'use', delete: 'use', derive: 'use', digitize: 'use', display: 'play',
  distribute: 'use', ensureExclusivity: 'use', execute: 'use', extract: 'reproduce', give: 'transfer', grantUse: 'use',
  include: 'use', index: 'use', inform: 'use', install: 'use', modify: 'use', move: 'use', nextPolicy: 'use',
  obtainConsent: 'use', play: 'use', present: 'use', print: 'use', read: 'use', reproduce: 'use', reviewPolicy: 'use',
  sell: 'transfer', stream: 'use', synchronize: 'use', textToSpeech: 'use', transform: 'use', translate: 'use',
  uninstall: 'use', watermark: 'use',
};

/** The action and every action it is included in, nearest first: `display` → display, play, use. */
export function actionAncestry(action: string): string[] {
  const chain = [action];
  for (let parent = includedIn[action]; parent && !chain.includes(parent); parent = includedIn[parent]) chain.push(parent);
  return chain;
}

/** Whether a rule on `ruleAction` governs `requested`: the same action or one included in it. */
export const actionCovers = (ruleAction: string, requested: string): boolean => actionAncestry(requested).includes(ruleAction);

const titles: Readonly<Record<string, Localized>> = {
  use: { 'zh-CN': '使用', en: 'use' },
  read: { 'zh-CN': '读取', en: 'read' },
  distribute: { 'zh-CN': '分发', en: 'distribute' },
  derive: { 'zh-CN': '衍生加工', en: 'derive' },
  aggregate: { 'zh-CN': '聚合计算', en: 'aggregate' },
  anonymize: { 'zh-CN': '匿名化', en: 'anonymize' },
  reproduce: { 'zh-CN': '复制', en: 'reproduce' },
  transfer: { 'zh-CN': '转让', en: 'transfer' },
  delete: { 'zh-CN': '删除', en: 'delete' },
  inform: { 'zh-CN': '通知', en: 'notify' },
  compensate: { 'zh-CN': '支付', en: 'pay' },
  attribute: { 'zh-CN': '署名', en: 'attribute' },
  watermark: { 'zh-CN': '加水印', en: 'watermark' },
  obtainConsent: { 'zh-CN': '取得同意', en: 'obtain consent' },
  archive: { 'zh-CN': '归档', en: 'archive' },
  modify: { 'zh-CN': '修改', en: 'modify' },
  index: { 'zh-CN': '索引', en: 'index' },
  execute: { 'zh-CN': '执行', en: 'execute' },
};

/** A person's name for an action; an unknown action is shown as written. */
export const actionTitle = (action: string): Localized => titles[action] ?? { 'zh-CN': action, en: action };
