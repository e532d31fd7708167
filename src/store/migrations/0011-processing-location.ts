import type { Kysely } from 'kysely';

/**
 * Where the consumer declares it processes the data (`spatial`, ADR 0010), held with the
 * negotiation that carried the declaration and the agreement signed under it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dsp_negotiation').addColumn('processing_location', 'text').execute();
  await db.schema.alterTable('dsp_agreement').addColumn('processing_location', 'text').execute();
}
