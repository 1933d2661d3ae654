import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model at a million cases (bench/read-model.bench.ts measures it):
 *
 * - Case lists and search go scope first: `ix_cases_origin_created` holds a case's origin unit,
 *   creation time, id and folded search text, so a ward's or a district's search is an index-only
 *   scan over its own cases (a few thousand to ~100k index tuples) instead of a trigram lookup over
 *   the whole table, whose common trigrams ("  t", " ho", "thi", …) made every search cost ~50 ms.
 *   It replaces the plain `ix_cases_origin_unit_id` (same leading column).
 * - The inbox reads a partial index of pending cases only, ordered as the inbox is (due, then
 *   submitted), carrying what the inbox filters on, so the first 100 and the counts never touch the
 *   table. It replaces `ix_cases_inbox`.
 * - `unit_tree_version` is bumped (by statement triggers, in the changing transaction) whenever units
 *   or levels change, so the API can cache an organization's tree and know for certain when to drop it.
 */
export class ReadModelAtScale1795570000000 implements MigrationInterface {
  name = 'ReadModelAtScale1795570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_cases_origin_created" ON "cases" ("origin_unit_id", "created_at") INCLUDE ("id", "search_text")`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_cases_origin_unit_id"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_pending_inbox" ON "cases" ("deciding_unit_id", "due_at", "created_at")
       INCLUDE ("id", "created_by", "decided_by", "process_type") WHERE status = 'pending'`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_cases_inbox"`);

    await queryRunner.query(
      `CREATE TABLE "unit_tree_version" ("id" smallint NOT NULL DEFAULT 1, "version" bigint NOT NULL DEFAULT 0,
       CONSTRAINT "PK_unit_tree_version" PRIMARY KEY ("id"), CONSTRAINT "ck_unit_tree_version_single" CHECK (id = 1))`,
    );
    await queryRunner.query(`INSERT INTO "unit_tree_version" ("id", "version") VALUES (1, 0)`);
    await queryRunner.query(`
      CREATE FUNCTION bump_unit_tree_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE unit_tree_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END
      $$`);
    for (const table of ['units', 'organization_levels']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_tree_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_tree_version()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['organization_levels', 'units']) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_tree_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION bump_unit_tree_version()`);
    await queryRunner.query(`DROP TABLE "unit_tree_version"`);
    await queryRunner.query(`CREATE INDEX "ix_cases_inbox" ON "cases" ("status", "deciding_unit_id", "due_at") `);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_pending_inbox"`);
    await queryRunner.query(`CREATE INDEX "ix_cases_origin_unit_id" ON "cases" ("origin_unit_id") `);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_origin_created"`);
  }
}
