import type { Localized } from '../i18n/locale.js';
import type { AlgorithmDefinition } from './algorithm-definition.js';
import { authorizationFault, type AuthorizationFault, type EntityAuthorization } from './entity-authorization.js';
import { refusal, type Refusal } from './gate-refusal.js';

const faultWords: Record<AuthorizationFault, Localized> = {
  missing: { 'zh-CN': '无授权', en: 'no authorization' },
  consumer: { 'zh-CN': '授权对象不是本使用方', en: 'authorizes another consumer' },
  purpose: { 'zh-CN': '授权用途与协议用途不符', en: "authorizes another purpose than the agreement's" },
  'not-yet-valid': { 'zh-CN': '授权尚未生效', en: 'not valid yet' },
  expired: { 'zh-CN': '授权已过期', en: 'expired' },
  signature: { 'zh-CN': '签名验证失败', en: 'the signature does not verify' },
  digest: { 'zh-CN': '授权文件摘要格式不正确', en: "the document's digest is malformed" },
};

/** The entities a per-entity algorithm's job asks about: its entity parameter's comma-separated list. */
export function entitiesAsked(definition: AlgorithmDefinition, values: Readonly<Record<string, unknown>>): string[] {
  if (!definition.entities) return [];
  const value = values[definition.entities.parameter];
  return typeof value === 'string' && value !== '' ? value.split(',').map((v) => v.trim().toUpperCase()) : [];
}

/**
 * The entity gate of a per-entity algorithm (逐主体输出须经主体授权): every entry of its entity
 * parameter needs an authorization that holds for this consumer, purpose and moment. It looks
 * at the request only, never at the data, so its answer is the same whether or not an entity
 * is in the data (no membership oracle). A refusal lists every entry that lacked one.
 */
export function judgeEntities(
  definition: AlgorithmDefinition,
  values: Readonly<Record<string, unknown>>,
  authorizations: readonly EntityAuthorization[],
  expected: { consumer: string; purpose?: string; at: Date },
): { used: EntityAuthorization[] } | { refusal: Refusal } {
  if (!definition.entities) return { used: [] };
  const byEntity = new Map<string, EntityAuthorization[]>();
  for (const a of authorizations) {
    const key = a.entityId.toUpperCase();
    byEntity.set(key, [...(byEntity.get(key) ?? []), a]);
  }
  const used = new Map<string, EntityAuthorization>();
  const lacking: Array<{ index: number; entity: string; fault: AuthorizationFault }> = [];
  entitiesAsked(definition, values).forEach((entity, index) => {
    const candidates = byEntity.get(entity) ?? [];
    const holding = candidates.find((a) => authorizationFault(a, expected) === undefined);
    if (holding) used.set(entity, holding);
    else lacking.push({ index, entity, fault: authorizationFault(candidates[0], expected) ?? 'missing' });
  });
  if (lacking.length === 0) return { used: [...used.values()] };
  const name = definition.entities.parameter;
  const entry = (l: (typeof lacking)[number], lang: keyof Localized) => `${name}[${l.index}] ${l.entity}${lang === 'en' ? ` (${faultWords[l.fault].en})` : `（${faultWords[l.fault]['zh-CN']}）`}`;
  const list = (lang: keyof Localized, separator: string) => lacking.map((l) => entry(l, lang)).join(separator);
  const r = refusal('sandbox.entity-unauthorized', { count: lacking.length });
  return { refusal: { ...r, message: { 'zh-CN': `${r.message['zh-CN']}${list('zh-CN', '；')}`, en: `${r.message.en}${list('en', '; ')}` } } };
}

/** The rows of a per-entity output that name an authorized entity; others never leave (defence in depth). */
export function authorizedRows<Row extends readonly unknown[]>(definition: AlgorithmDefinition, columns: readonly string[], rows: readonly Row[], authorized: ReadonlySet<string>): Row[] {
  if (!definition.entities) return [...rows];
  const at = columns.indexOf(definition.entities.column);
  if (at < 0) return [];
  return rows.filter((row) => typeof row[at] === 'string' && authorized.has((row[at] as string).toUpperCase()));
}
