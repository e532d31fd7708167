import type { FieldProblem } from '../../api/api-types';

export interface PlacedErrors<F extends string> {
  /** Messages to show next to each input. */
  byField: Partial<Record<F, string>>;
  /** Problems that point at nothing on the form; shown in the banner. */
  unplaced: FieldProblem[];
}

/**
 * Puts each problem next to the input whose pointer is the longest prefix of the problem's
 * pointer (`/documents/0/content` goes to the documents input, `/roles/1` to the roles).
 */
export function placeFieldErrors<F extends string>(problems: FieldProblem[], pointers: Record<F, string>): PlacedErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  const unplaced: FieldProblem[] = [];
  const entries = Object.entries(pointers) as [F, string][];
  for (const problem of problems) {
    let best: [F, string] | undefined;
    for (const entry of entries) {
      const [, pointer] = entry;
      const matches = problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`);
      if (matches && (!best || pointer.length > best[1].length)) best = entry;
    }
    if (!best) unplaced.push(problem);
    else byField[best[0]] = byField[best[0]] ? `${byField[best[0]]}；${problem.detail}` : problem.detail;
  }
  return { byField, unplaced };
}
