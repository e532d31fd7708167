/**
 * Why an import or export of catalog metadata was refused. Each problem names a stable rule id
 * (`jsonld.context-refused`, `turtle.syntax`, `sheet.share-attribute`, …) and where the input is
 * wrong: a JSON Pointer (RFC 6901) into a JSON-LD document, or a 1-based line (and, for a
 * catalog sheet, the column's header) in a text format. The HTTP layer turns this into a 4xx
 * problem+json with `errors: [{ pointer, detail }]`; the core knows nothing of HTTP.
 */
export interface CatalogProblem {
  rule: string;
  pointer?: string;
  line?: number;
  column?: string;
  detail: string;
}

export class CatalogFormatError extends Error {
  readonly problems: CatalogProblem[];

  constructor(problems: CatalogProblem[]) {
    const first = problems[0];
    const where = first ? (first.pointer !== undefined ? ` at '${first.pointer}'` : first.line !== undefined ? ` on line ${first.line}${first.column ? ` (${first.column})` : ''}` : '') : '';
    super(first ? `${first.rule}: ${first.detail}${where}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}` : 'invalid catalog metadata');
    this.name = 'CatalogFormatError';
    this.problems = problems;
  }

  /** The first problem's rule: what a caller branches on when it needs only one. */
  get rule(): string {
    return this.problems[0]?.rule ?? 'catalog.invalid';
  }
}

export function refuse(problem: CatalogProblem): never {
  throw new CatalogFormatError([problem]);
}

/** RFC 6901 pointer from path segments. */
export const toPointer = (path: ReadonlyArray<string | number>): string =>
  path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
