import type { AlgorithmParameter, SandboxAlgorithm } from '../../api/sandbox-types';

/** An algorithm in a select: `name@version`. */
export const algorithmKey = (a: Pick<SandboxAlgorithm, 'name' | 'version'>) => `${a.name}@${a.version}`;

export type ParameterProblem = 'required' | 'pattern' | 'number' | 'integer';

/** The parameter's pattern, whole-value; a pattern this browser cannot read is left to the provider to check. */
function compile(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${pattern})$`, flags);
    } catch {
      // try without the unicode flag, then give up
    }
  }
  return undefined;
}

/** `A, B`, `A，B`, `A、B` or `A; B` → `A,B`. */
export const asList = (text: string) => text.split(/\s*[,，、;；]\s*/).filter((item) => item !== '').join(',');

/** One parameter's value as typed, turned into what the API takes, or why it cannot be. */
export function parameterValue(parameter: AlgorithmParameter, text: string | boolean): { value: string | number | boolean } | { problem: ParameterProblem } {
  if (parameter.type === 'boolean') return { value: text === true };
  const raw = String(text).trim();
  if (raw === '') return { problem: 'required' };
  if (parameter.type === 'integer' || parameter.type === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) return { problem: 'number' };
    if (parameter.type === 'integer' && !Number.isInteger(n)) return { problem: 'integer' };
    return { value: n };
  }
  if (parameter.pattern) {
    const pattern = compile(parameter.pattern);
    if (pattern && !pattern.test(raw)) {
      // People type lists as `A, B` or `A，B`; a pattern for a list says `A,B`. Send the list
      // the way the pattern takes it rather than refuse what was meant.
      const list = asList(raw);
      if (list !== raw && pattern.test(list)) return { value: list };
      return { problem: 'pattern' };
    }
  }
  return { value: raw };
}

/** All parameters' values, or each problem by parameter name. */
export function parameterValues(algorithm: SandboxAlgorithm, values: Record<string, string | boolean>): { parameters: Record<string, string | number | boolean> } | { problems: Record<string, ParameterProblem> } {
  const parameters: Record<string, string | number | boolean> = {};
  const problems: Record<string, ParameterProblem> = {};
  for (const p of algorithm.parameters) {
    const checked = parameterValue(p, values[p.name] ?? (p.type === 'boolean' ? false : ''));
    if ('problem' in checked) problems[p.name] = checked.problem;
    else parameters[p.name] = checked.value;
  }
  return Object.keys(problems).length ? { problems } : { parameters };
}

/** The authorization records pasted for a per-entity algorithm: a JSON array (empty text: none). */
export function authorizationList(text: string): { authorizations: unknown[] } | { problem: 'authorizations' } {
  if (text.trim() === '') return { authorizations: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? { authorizations: parsed } : { problem: 'authorizations' };
  } catch {
    return { problem: 'authorizations' };
  }
}
