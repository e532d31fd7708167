import type { FastifyReply } from 'fastify';
import { DomainError } from '../../core/errors/index.js';
import type { CatalogEntry } from '../../core/metadata/catalog-entry.js';
import { toDcatJsonLd } from '../../core/metadata/dcat-jsonld.js';
import { toTurtle } from '../../core/metadata/turtle-export.js';

export type EntryFormat = 'json' | 'jsonld' | 'turtle';

const byMediaType: Record<string, EntryFormat> = {
  'application/json': 'json',
  'application/ld+json': 'jsonld',
  'text/turtle': 'turtle',
};

/**
 * The format an `Accept` header asks for, by q-value then order: JSON (the API's own shape),
 * DCAT JSON-LD or Turtle. No header, `*\/*` or `application/*` get JSON; an Accept naming none
 * of them is refused (406) rather than answered in a format the client did not ask for.
 */
export function negotiateEntryFormat(accept: string | undefined): EntryFormat {
  if (!accept) return 'json';
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.type && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranked) {
    const format = byMediaType[type];
    if (format) return format;
    if (type === '*/*' || type === 'application/*') return 'json';
    if (type === 'text/*') return 'turtle';
  }
  throw new DomainError('catalog.not-acceptable', `No representation for "${accept}"; ask for application/json, application/ld+json or text/turtle.`);
}

/** Sends `entry` as DCAT JSON-LD or Turtle; JSON is the route's own business. */
export async function sendEntryAs(reply: FastifyReply, format: Exclude<EntryFormat, 'json'>, entry: CatalogEntry): Promise<FastifyReply> {
  reply.header('vary', 'accept');
  if (format === 'jsonld') return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(toDcatJsonLd(entry)));
  return reply.type('text/turtle; charset=utf-8').send(await toTurtle(entry));
}

/** Sends a document already in its final form (a DCAT document passed on from the operator). */
export function sendDocument(reply: FastifyReply, contentType: string, body: string): FastifyReply {
  return reply.header('vary', 'accept').type(contentType).send(body);
}
