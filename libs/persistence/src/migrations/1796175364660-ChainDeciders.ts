import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who decides a step, beyond "the officers and chairs of its unit":
 *
 * - `council_members`: the members of a unit's council, who vote on its council steps (a case freezes
 *   them when it is submitted).
 * - `cases.deciding_roles` / `cases.deciding_user_ids`: the current step reserved to some roles (the
 *   chair signs) or to a council's members; null for every other step, as for every case before.
 * - The inbox's partial index carries both, so the inbox still never reads the table.
 */
export class ChainDeciders1796175364660 implements MigrationInterface {
  name = 'ChainDeciders1796175364660';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "council_members" ("unit_id" uuid NOT NULL, "user_id" uuid NOT NULL,
       "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_council_members" PRIMARY KEY ("unit_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_council_members_user_id" ON "council_members" ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "council_members" ADD CONSTRAINT "fk_council_members_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_members" ADD CONSTRAINT "fk_council_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "deciding_roles" text array`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "deciding_user_ids" uuid array`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_pending_inbox"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_pending_inbox" ON "cases" ("deciding_unit_id", "due_at", "created_at")
       INCLUDE ("id", "created_by", "decided_by", "process_type", "deciding_roles", "deciding_user_ids") WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_pending_inbox"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_pending_inbox" ON "cases" ("deciding_unit_id", "due_at", "created_at")
       INCLUDE ("id", "created_by", "decided_by", "process_type") WHERE status = 'pending'`,
    );
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "deciding_user_ids"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "deciding_roles"`);
    await queryRunner.query(`ALTER TABLE "council_members" DROP CONSTRAINT "fk_council_members_user"`);
    await queryRunner.query(`ALTER TABLE "council_members" DROP CONSTRAINT "fk_council_members_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_council_members_user_id"`);
    await queryRunner.query(`DROP TABLE "council_members"`);
  }
}
