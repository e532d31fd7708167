import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../database.js';

export interface Count {
  value: string;
  count: number;
}

/** The resource catalog's richness (资源丰富度) as it stands: published entries only. */
export interface CatalogFigures {
  published: number;
  /** Published within [fromAt, toAt): `published_at` is the latest version's publication. */
  publishedInPeriod: number;
  byKind: Count[];
  byFormat: Count[];
  byProvider: Array<Count & { name: string }>;
  /** GB/T 4754 section of the providing participant. */
  byIndustry: Count[];
  /** Entries with at least one offer of the access mode. */
  byAccessMode: Count[];
  offers: { total: number; byAccessMode: Count[]; byPriceModel: Count[] };
}

const n = (v: unknown) => Number(v ?? 0);
const sorted = (rows: Count[]) => rows.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

/**
 * Figures over the operator's catalog tables. Formats and offers live in the entries' JSON,
 * read with each database's own JSON functions (SQLite json_each, PostgreSQL jsonb) so that no
 * entry is parsed in JavaScript.
 */
export class CatalogFiguresStore {
  constructor(private readonly database: Database) {}

  async figures(period: { fromAt: string; toAt: string }): Promise<CatalogFigures> {
    const db = this.database.db;
    const published = db.selectFrom('catalog_entry').where('status', '=', 'published');
    const totals = await published
      .select([
        (eb) => eb.fn.countAll().as('published'),
        (eb) => eb.fn.sum<number>(eb.case().when(eb.and([eb('published_at', '>=', period.fromAt), eb('published_at', '<', period.toAt)])).then(1).else(0).end()).as('inPeriod'),
      ])
      .executeTakeFirstOrThrow();
    const byKind = await published.select(['kind as value', (eb) => eb.fn.countAll().as('count')]).groupBy('kind').execute();
    const byProvider = await published.select(['provider_id as value', (eb) => eb.fn.max('provider_name').as('name'), (eb) => eb.fn.countAll().as('count')]).groupBy('provider_id').execute();
    const byIndustry = await db.selectFrom('catalog_entry as e').innerJoin('participant as p', 'p.id', 'e.provider_id').where('e.status', '=', 'published')
      .select(['p.industry_section as value', (eb) => eb.fn.countAll().as('count')]).groupBy('p.industry_section').execute();
    const formats = await this.rows<{ value: string; count: unknown }>(
      this.database.dialect === 'postgres'
        ? sql`SELECT coalesce(d->>'format', d->>'mediaType') AS value, count(DISTINCT e.id) AS count FROM catalog_entry e
              CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.entry::jsonb->'distributions', '[]'::jsonb)) d
              WHERE e.status = 'published' AND coalesce(d->>'format', d->>'mediaType') IS NOT NULL GROUP BY 1`
        : sql`SELECT coalesce(json_extract(d.value, '$.format'), json_extract(d.value, '$.mediaType')) AS value, count(DISTINCT e.id) AS count
              FROM catalog_entry e, json_each(e.entry, '$.distributions') d
              WHERE e.status = 'published' AND coalesce(json_extract(d.value, '$.format'), json_extract(d.value, '$.mediaType')) IS NOT NULL GROUP BY 1`,
    );
    const offers = await this.rows<{ mode: string; model: string; offers: unknown; entries: unknown }>(
      this.database.dialect === 'postgres'
        ? sql`SELECT o->>'accessMode' AS mode, o->>'priceModel' AS model, count(*) AS offers, count(DISTINCT e.id) AS entries FROM catalog_entry e
              CROSS JOIN LATERAL jsonb_array_elements(e.offers::jsonb) o WHERE e.status = 'published' GROUP BY 1, 2`
        : sql`SELECT json_extract(o.value, '$.accessMode') AS mode, json_extract(o.value, '$.priceModel') AS model, count(*) AS offers, count(DISTINCT e.id) AS entries
              FROM catalog_entry e, json_each(e.offers) o WHERE e.status = 'published' GROUP BY 1, 2`,
    );
    // Entries per access mode need distinct entries across price models: counted apart.
    const entriesByMode = await this.rows<{ value: string; count: unknown }>(
      this.database.dialect === 'postgres'
        ? sql`SELECT o->>'accessMode' AS value, count(DISTINCT e.id) AS count FROM catalog_entry e
              CROSS JOIN LATERAL jsonb_array_elements(e.offers::jsonb) o WHERE e.status = 'published' GROUP BY 1`
        : sql`SELECT json_extract(o.value, '$.accessMode') AS value, count(DISTINCT e.id) AS count
              FROM catalog_entry e, json_each(e.offers) o WHERE e.status = 'published' GROUP BY 1`,
    );
    const sum = (key: 'mode' | 'model') => {
      const counts = new Map<string, number>();
      for (const r of offers) counts.set(String(r[key] ?? ''), (counts.get(String(r[key] ?? '')) ?? 0) + n(r.offers));
      return sorted([...counts].map(([value, count]) => ({ value, count })));
    };
    return {
      published: n(totals.published),
      publishedInPeriod: n(totals.inPeriod),
      byKind: sorted(byKind.map((r) => ({ value: r.value, count: n(r.count) }))),
      byFormat: sorted(formats.map((r) => ({ value: String(r.value), count: n(r.count) }))),
      byProvider: byProvider.map((r) => ({ value: r.value, name: String(r.name ?? ''), count: n(r.count) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      byIndustry: sorted(byIndustry.map((r) => ({ value: r.value, count: n(r.count) }))),
      byAccessMode: sorted(entriesByMode.map((r) => ({ value: String(r.value ?? ''), count: n(r.count) }))),
      offers: { total: offers.reduce((t, r) => t + n(r.offers), 0), byAccessMode: sum('mode'), byPriceModel: sum('model') },
    };
  }

  /** Titles and providers of catalog entries by id, for the top products. */
  async titles(ids: string[]): Promise<Map<string, { zh: string; en: string; providerId: string; providerName: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.db.selectFrom('catalog_entry').select(['id', 'title_zh', 'title_en', 'provider_id', 'provider_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { zh: r.title_zh, en: r.title_en, providerId: r.provider_id, providerName: r.provider_name }]));
  }

  private async rows<T>(query: RawBuilder<unknown>): Promise<T[]> {
    return (await query.execute(this.database.db)).rows as T[];
  }
}
