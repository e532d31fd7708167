import { allowedChannels, type DeliveryChannel } from '../policy/delivery-channels.js';
import { parsePolicy } from '../policy/index.js';

/**
 * The delivery channels an agreement allows, from its signed policy (an unreadable policy allows
 * none). The provider's transfer endpoint, its data plane, the consumer's management API and the
 * console all ask this one question (ADR 0010).
 */
export function agreementChannels(agreement: { policy: Record<string, unknown> }): DeliveryChannel[] {
  const parsed = parsePolicy(agreement.policy);
  return parsed.ok ? allowedChannels(parsed.policy) : [];
}

/** Why the agreement refuses a channel, zh-CN then English; undefined when it allows it. */
export function channelRefusal(agreement: { policy: Record<string, unknown> }, channel: string): string[] | undefined {
  const allowed = agreementChannels(agreement);
  if ((allowed as readonly string[]).includes(channel)) return undefined;
  const names = allowed.length ? allowed.join(', ') : '无 / none';
  return [`合约不允许以 ${channel} 方式交付数据，仅允许：${names}`, `The agreement does not allow delivery by ${channel}; it allows: ${names}`];
}
