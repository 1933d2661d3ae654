import { MigrationInterface, QueryRunner } from 'typeorm';
import { VIETNAM_CALENDAR_SEED } from '@lienthong/domain';

/**
 * The working-day calendar (`calendar_days`): public holidays, days off in their place and make-up
 * working days, seeded for 2025–2030 from libs/domain/src/calendar/vietnam-holidays.ts. Admins correct
 * it through the API; rows already there (a re-run after a revert) are left as they are.
 */
export class CalendarDays1795580000000 implements MigrationInterface {
  name = 'CalendarDays1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_days" ("date" date NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "updated_by" uuid,
       "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
       CONSTRAINT "ck_calendar_days_kind" CHECK (kind IN ('holiday', 'working')), CONSTRAINT "PK_calendar_days" PRIMARY KEY ("date"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_days" ADD CONSTRAINT "fk_calendar_days_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id")
       ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "calendar_days" ("date", "kind", "name")
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[]) ON CONFLICT ("date") DO NOTHING`,
      [VIETNAM_CALENDAR_SEED.map((d) => d.date), VIETNAM_CALENDAR_SEED.map((d) => d.kind), VIETNAM_CALENDAR_SEED.map((d) => d.name)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_days" DROP CONSTRAINT "fk_calendar_days_updated_by"`);
    await queryRunner.query(`DROP TABLE "calendar_days"`);
  }
}
