import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register a ward keeps (issue 14): member code, join date, party membership, status with its date,
 * and the audit of Excel imports. Existing rows keep their ids (cases refer to them) and are given their
 * organization and a code `HV-000001`… in the order they were registered.
 *
 * A trigger fills `organization_id` from the unit (on every insert and move) and a missing `member_code`
 * from a sequence, so inserts that know neither (the demo seed, an operator's SQL) still satisfy NOT NULL.
 */
export class MembersRegister1796520000000 implements MigrationInterface {
  name = 'MembersRegister1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "members" ADD "organization_id" uuid`);
    await q(`ALTER TABLE "members" ADD "member_code" character varying(32)`);
    await q(`ALTER TABLE "members" ADD "join_date" date`);
    await q(`ALTER TABLE "members" ADD "party_member" boolean NOT NULL DEFAULT false`);
    await q(`ALTER TABLE "members" ADD "status" character varying(10) NOT NULL DEFAULT 'active'`);
    await q(`ALTER TABLE "members" ADD "status_date" date`);
    await q(`ALTER TABLE "members" ADD "updated_at" TIMESTAMP WITH TIME ZONE`);
    await q(`CREATE SEQUENCE "members_code_seq"`);
    await q(`UPDATE "members" m SET "organization_id" = u."organization_id" FROM "units" u WHERE u."id" = m."unit_id"`);
    await q(`UPDATE "members" m SET "member_code" = 'HV-' || lpad(o."n"::text, 6, '0')
      FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS "n" FROM "members") o WHERE m."id" = o."id"`);
    await q(`SELECT setval('members_code_seq', (SELECT count(*) FROM "members") + 1, false)`);
    await q(`ALTER TABLE "members" ALTER COLUMN "organization_id" SET NOT NULL`);
    await q(`ALTER TABLE "members" ALTER COLUMN "member_code" SET NOT NULL`);
    await q(`ALTER TABLE "members" ADD CONSTRAINT "ck_members_status" CHECK (status IN ('active', 'moved', 'deceased'))`);
    await q(`ALTER TABLE "members" ADD CONSTRAINT "ck_members_status_date" CHECK (status = 'active' OR status_date IS NOT NULL)`);
    await q(`ALTER TABLE "members" ADD CONSTRAINT "uq_members_organization_code" UNIQUE ("organization_id", "member_code")`);
    await q(`ALTER TABLE "members" ADD CONSTRAINT "fk_members_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q(`CREATE FUNCTION members_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT organization_id INTO NEW.organization_id FROM units WHERE id = NEW.unit_id;
        IF NEW.member_code IS NULL THEN
          NEW.member_code := 'HV-' || lpad(nextval('members_code_seq')::text, 6, '0');
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER "tr_members_fill" BEFORE INSERT OR UPDATE OF "unit_id", "member_code" ON "members" FOR EACH ROW EXECUTE FUNCTION members_fill()`);

    await q(`CREATE TABLE "member_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "user_id" uuid NOT NULL,
      "file_name" text NOT NULL, "rows" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "unchanged" integer NOT NULL,
      "errors" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_member_imports" PRIMARY KEY ("id"))`);
    await q(`CREATE INDEX "ix_member_imports_unit_created" ON "member_imports" ("unit_id", "created_at")`);
    await q(`ALTER TABLE "member_imports" ADD CONSTRAINT "fk_member_imports_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "member_imports" ADD CONSTRAINT "fk_member_imports_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Append-only, as the case audit trail (refuse_change() from the CasesReadModel migration).
    await q(`CREATE TRIGGER "tr_member_imports_append_only" BEFORE UPDATE OR DELETE ON "member_imports" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q(`CREATE TRIGGER "tr_member_imports_no_truncate" BEFORE TRUNCATE ON "member_imports" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE "member_imports"`);
    await q(`DROP TRIGGER "tr_members_fill" ON "members"`);
    await q(`DROP FUNCTION members_fill()`);
    await q(`ALTER TABLE "members" DROP CONSTRAINT "fk_members_organization"`);
    await q(`ALTER TABLE "members" DROP CONSTRAINT "uq_members_organization_code"`);
    await q(`ALTER TABLE "members" DROP CONSTRAINT "ck_members_status_date"`);
    await q(`ALTER TABLE "members" DROP CONSTRAINT "ck_members_status"`);
    await q(`DROP SEQUENCE "members_code_seq"`);
    for (const column of ['updated_at', 'status_date', 'status', 'party_member', 'join_date', 'member_code', 'organization_id']) {
      await q(`ALTER TABLE "members" DROP COLUMN "${column}"`);
    }
  }
}
