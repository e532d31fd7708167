import { catalogContext, catalogContextUrl, tdsContext, tdsContextUrl } from './dcat-context.js';

/**
 * jsonld.js loads `@context` and `@import` URLs through a document loader, and its default one
 * fetches them over the network. Core does no I/O, and a catalog import must never make the
 * operator fetch a URL an uploader chose (server-side request forgery, and a description whose
 * meaning changes with a remote file). So every jsonld.js call in this module is given this
 * loader: it serves the fixed contexts from memory and refuses everything else.
 */

export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Thrown by the loader for any URL it does not serve; jsonld.js wraps it as the cause of its error. */
export class RemoteContextRefusedError extends Error {
  constructor(readonly url: string) {
    super(`remote JSON-LD context refused: ${url} (only the fixed local contexts are served; nothing is fetched)`);
    this.name = 'RemoteContextRefusedError';
  }
}

const builtIn: Readonly<Record<string, unknown>> = {
  [tdsContextUrl]: tdsContext,
  [catalogContextUrl]: catalogContext,
};

/**
 * A loader for our contexts plus `extra` (URL → context document), e.g. the DSP context and its
 * ODRL profile, which the DSP module owns and passes in. Each load hands out a fresh copy:
 * jsonld.js writes into the context objects it processes (so frozen ones fail), and a shared
 * one must not change under later calls. Our own contexts always win over `extra`.
 */
export function createDocumentLoader(extra: Readonly<Record<string, unknown>> = {}): DocumentLoader {
  const documents = new Map<string, unknown>(Object.entries({ ...extra, ...builtIn }));
  return async (url: string) => {
    if (!documents.has(url)) throw new RemoteContextRefusedError(url);
    return { contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url)) };
  };
}

/** The refused URL when `error` (from jsonld.js) was caused by our loader refusing one. */
export function refusedContextUrl(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof RemoteContextRefusedError) return cause.url;
    const c = cause as { details?: { cause?: unknown }; cause?: unknown };
    cause = c.details?.cause ?? c.cause;
  }
  return undefined;
}
