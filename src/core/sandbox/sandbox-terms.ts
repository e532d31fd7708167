import { rightValues, type ConstraintNode, type Policy } from '../policy/odrl-policy.js';

/**
 * What an agreement's policy says about the sandbox, read from its constraints wherever they sit
 * in a permission: the k of `tds:kAnonymity`, the ε budget of `tds:privacyBudget`, the noise (or
 * `exact` answers) of `tds:privacyMechanism`, the review of
 * `tds:resultReview`, the fields of `tds:fields`, the rows of `tds:rowFilter` (`column=value`).
 * The evaluator then checks the same policy with these values, so every other constraint
 * (purpose, time, membership) still decides.
 */
export interface SandboxTerms {
  k?: number;
  budget?: number;
  /** `exact`: the provider keeps exact answers (no ε), under the query-set audit. */
  mechanism?: 'laplace' | 'gaussian' | 'exact';
  review?: 'auto' | 'manual';
  fields?: string[];
  rowFilter?: string[];
}

function atoms(nodes: readonly ConstraintNode[]): Array<Extract<ConstraintNode, { kind: 'atomic' }>> {
  return nodes.flatMap((n) => (n.kind === 'atomic' ? [n] : atoms(n.constraints)));
}

const strip = (name: string) => name.replace(/^https:\/\/w3id\.org\/trustspace\/ns#/, 'tds:');

export function sandboxTermsOf(policy: Policy): SandboxTerms {
  const terms: SandboxTerms = {};
  for (const c of atoms(policy.permissions.flatMap((p) => p.constraints))) {
    const values = rightValues(c).map((v) => v.value);
    const number = Number(values[0]);
    switch (strip(c.leftOperand)) {
      case 'tds:kAnonymity':
        if (Number.isFinite(number)) terms.k = Math.max(terms.k ?? 1, c.operator === 'gt' ? Math.floor(number) + 1 : Math.ceil(number));
        break;
      case 'tds:privacyBudget':
        if (Number.isFinite(number) && number > 0) terms.budget = Math.min(terms.budget ?? Infinity, number);
        break;
      case 'tds:privacyMechanism':
        terms.mechanism = values[0] === 'gaussian' ? 'gaussian' : values[0] === 'exact' ? 'exact' : 'laplace';
        break;
      case 'tds:resultReview':
        terms.review = values.includes('manual') ? 'manual' : 'auto';
        break;
      case 'tds:fields':
        terms.fields = values.map(String);
        break;
      case 'tds:rowFilter':
        terms.rowFilter = values.map(String).filter((v) => v.includes('='));
        break;
    }
  }
  return terms;
}

/** `column=value` filters → values per column (OR within a column, AND across columns). */
export function rowFilterColumns(filters: readonly string[]): Map<string, string[]> {
  const byColumn = new Map<string, string[]>();
  for (const f of filters) {
    const at = f.indexOf('=');
    const column = f.slice(0, at).trim();
    byColumn.set(column, [...(byColumn.get(column) ?? []), f.slice(at + 1).trim()]);
  }
  return byColumn;
}
