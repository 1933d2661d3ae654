import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795447841265 implements MigrationInterface {
  name = 'Initial1795447841265';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organization_levels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "name" text NOT NULL, "rank" integer NOT NULL, CONSTRAINT "uq_organization_levels_rank" UNIQUE ("organization_id", "rank"), CONSTRAINT "uq_organization_levels_code" UNIQUE ("organization_id", "code"), CONSTRAINT "PK_1cd96ec26560f16c2a37f1d0d8e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7e27c3b62c681fbe3e2322535f2" UNIQUE ("code"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "level_id" uuid NOT NULL, "parent_id" uuid, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_units_organization_id" ON "units" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_units_parent_id" ON "units" ("parent_id") `);
    await queryRunner.query(`CREATE TABLE "members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "full_name" text NOT NULL, "gender" character varying(8), "birth_year" integer, "address" text, "phone" character varying(20), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_members_gender" CHECK (gender IS NULL OR gender IN ('male', 'female')), CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_members_unit_id" ON "members" ("unit_id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "uq_memberships_user_unit" UNIQUE ("user_id", "unit_id"), CONSTRAINT "ck_memberships_role" CHECK (role IN ('member', 'officer', 'chair', 'admin')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_unit_id" ON "memberships" ("unit_id") `);
    await queryRunner.query(`CREATE TABLE "smoke_pings" ("id" uuid NOT NULL, "message" text NOT NULL, "requested_by" uuid NOT NULL, "workflow_id" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_047e7048dd0fc33af762f149c02" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "organization_levels" ADD CONSTRAINT "FK_5a3d316b3da93025ea08edcf322" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_477b8c9890c6a2f692c2e1f78ca" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_1cb2859b13ae048c132fb2dfbc7" FOREIGN KEY ("level_id") REFERENCES "organization_levels"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "members" ADD CONSTRAINT "FK_2f36a0acb827fffd18fd7e6ad8b" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_b4993a44d8d974c81ee51d78078" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_b4993a44d8d974c81ee51d78078"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"`);
    await queryRunner.query(`ALTER TABLE "members" DROP CONSTRAINT "FK_2f36a0acb827fffd18fd7e6ad8b"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_1cb2859b13ae048c132fb2dfbc7"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_477b8c9890c6a2f692c2e1f78ca"`);
    await queryRunner.query(`ALTER TABLE "organization_levels" DROP CONSTRAINT "FK_5a3d316b3da93025ea08edcf322"`);
    await queryRunner.query(`DROP TABLE "smoke_pings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_unit_id"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."ix_members_unit_id"`);
    await queryRunner.query(`DROP TABLE "members"`);
    await queryRunner.query(`DROP INDEX "public"."ix_units_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_units_organization_id"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TABLE "organization_levels"`);
  }
}
