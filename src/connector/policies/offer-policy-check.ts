import { DomainError } from '../../core/errors/index.js';
import { parsePolicy, type Policy } from '../../core/policy/index.js';

/**
 * An offer's ODRL policy read as the offer book will read it when a consumer negotiates: typed
 * `Offer`, with a stand-in `@id` when it has none (publication names the offer). A policy that
 * cannot be enforced is refused with `policy.invalid`, each problem pointing into the request
 * under `base` (`/offers/0/policy/permission/0/constraint/1/operator`). The JSON itself is kept
 * exactly as sent: this only reads it.
 */
export function readOfferPolicy(policy: Record<string, unknown>, base: string): Policy {
  const parsed = parsePolicy({ '@id': 'urn:tds:offer:draft', ...policy, '@type': 'Offer' });
  if (parsed.ok) return parsed.policy;
  const problems = parsed.problems.map((p) => ({ ...p, pointer: `${base}${p.pointer}` }));
  throw new DomainError('policy.invalid', problems.map((p) => `${p.pointer}: ${p.detail}`).join('; '), problems);
}
