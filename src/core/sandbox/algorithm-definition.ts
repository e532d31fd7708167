import type { Localized } from '../i18n/locale.js';
import { refusal, type Refusal } from './gate-refusal.js';

/**
 * A registered algorithm (登记算法): a named, versioned SQL transformation the provider wrote and
 * approved, e.g. a credit score over several tables. Consumers run it with parameters; they never
 * see or change its SQL. Parameters are bound as prepared-statement values (`$name`), never
 * spliced into the text. Its output is released by its own rule: automatically when the provider
 * approved that (a score per applicant), else after review; the de-identification check reports
 * the k-anonymity of the output over `quasiIdentifiers` either way.
 */
export interface AlgorithmParameter {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** For strings: a regular expression the whole value must match. */
  pattern?: string;
  title: Localized;
}

export interface AlgorithmDefinition {
  name: string;
  version: number;
  title: Localized;
  description?: Localized;
  /** One SELECT over the provider's view names, with `$parameter` placeholders. */
  sql: string;
  parameters: AlgorithmParameter[];
  release: 'auto' | 'manual';
  /** Output columns that could identify a subject together; the de-identification check groups by them. */
  quasiIdentifiers: string[];
  /**
   * Set on a per-entity algorithm (逐主体输出): its output is keyed by an entity identifier. The
   * string `parameter` lists the entities (USCCs, comma-separated) the job asks about, each of
   * which needs an authorization (`entity-authorization.ts`); `column` names the entity in each
   * output row. See ADR 0012.
   */
  entities?: { parameter: string; column: string };
}

/** The given values, checked and typed against the definition; a refusal names the first problem. */
export function bindParameters(definition: AlgorithmDefinition, given: Readonly<Record<string, unknown>>): { values: Record<string, string | number | boolean> } | { refusal: Refusal } {
  const values: Record<string, string | number | boolean> = {};
  const bad = (detail: string) => ({ refusal: refusal('sandbox.algorithm', { detail: `${definition.name}@${definition.version}: ${detail}` }) });
  for (const key of Object.keys(given)) if (!definition.parameters.some((p) => p.name === key)) return bad(`unknown parameter ${key}`);
  for (const p of definition.parameters) {
    const v = given[p.name];
    if (v === undefined) return bad(`parameter ${p.name} is required`);
    if (p.type === 'string') {
      if (typeof v !== 'string' || v.length > 1000 || (p.pattern && !new RegExp(`^(?:${p.pattern})$`, 'u').test(v))) return bad(`parameter ${p.name} is not a valid value`);
      values[p.name] = v;
    } else if (p.type === 'boolean') {
      if (typeof v !== 'boolean') return bad(`parameter ${p.name} must be true or false`);
      values[p.name] = v;
    } else {
      const n = typeof v === 'number' ? v : Number.NaN;
      if (!Number.isFinite(n) || (p.type === 'integer' && !Number.isSafeInteger(n))) return bad(`parameter ${p.name} must be a ${p.type}`);
      values[p.name] = n;
    }
  }
  return { values };
}
