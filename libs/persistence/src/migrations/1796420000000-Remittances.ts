import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign remittances and extension requests (issue 12): each waits for its parent unit's decision,
 * a one-step case; the unit's totals gain what it remitted, what of that was confirmed, and what its
 * children remitted to it and it confirmed (`received`).
 *
 * By hand: neither table is ever deleted from, and a row's status moves once, from pending, with only
 * the decision's columns (`decided_at`, `decision_comment`): the trigger refuses anything else. Each
 * move is also an event in the campaign's timeline, written in the same transaction.
 */
export class Remittances1796420000000 implements MigrationInterface {
  name = 'Remittances1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign_extensions" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "until" date NOT NULL, "reason" text NOT NULL, "status" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, CONSTRAINT "uq_campaign_extensions_case" UNIQUE ("case_id"), CONSTRAINT "uq_campaign_extensions_idempotency" UNIQUE ("created_by", "idempotency_key"), CONSTRAINT "ck_campaign_extensions_status" CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')), CONSTRAINT "PK_campaign_extensions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_extensions_unit" ON "campaign_extensions" ("campaign_id", "unit_id") `);
    await queryRunner.query(`CREATE TABLE "campaign_remittances" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "parent_unit_id" uuid NOT NULL, "amount" bigint NOT NULL, "remittance_date" date NOT NULL, "reference" text, "status" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, CONSTRAINT "uq_campaign_remittances_case" UNIQUE ("case_id"), CONSTRAINT "uq_campaign_remittances_idempotency" UNIQUE ("created_by", "idempotency_key"), CONSTRAINT "ck_campaign_remittances_amount" CHECK (amount >= 1), CONSTRAINT "ck_campaign_remittances_status" CHECK (status IN ('pending', 'confirmed', 'disputed', 'withdrawn')), CONSTRAINT "PK_campaign_remittances" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_remittances_unit" ON "campaign_remittances" ("campaign_id", "unit_id") `);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" ADD "remitted" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" ADD "confirmed" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" ADD "received" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" ADD CONSTRAINT "fk_campaign_extensions_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" ADD CONSTRAINT "fk_campaign_extensions_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" ADD CONSTRAINT "fk_campaign_extensions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" ADD CONSTRAINT "fk_campaign_remittances_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" ADD CONSTRAINT "fk_campaign_remittances_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" ADD CONSTRAINT "fk_campaign_remittances_parent_unit" FOREIGN KEY ("parent_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" ADD CONSTRAINT "fk_campaign_remittances_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE FUNCTION decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status <> 'pending' OR NEW.status = 'pending'
           OR (to_jsonb(NEW) - 'status' - 'decided_at' - 'decision_comment') <> (to_jsonb(OLD) - 'status' - 'decided_at' - 'decision_comment') THEN
          RAISE EXCEPTION '%: only a pending row is decided, once, and nothing else changes', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['campaign_remittances', 'campaign_extensions']) {
      await queryRunner.query(`CREATE TRIGGER "tr_${table}_decide_once" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION decide_once()`);
      await queryRunner.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['campaign_remittances', 'campaign_extensions']) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tr_${table}_decide_once" ON "${table}"`);
    }
    await queryRunner.query('DROP FUNCTION decide_once()');
    await queryRunner.query(`ALTER TABLE "campaign_remittances" DROP CONSTRAINT "fk_campaign_remittances_created_by"`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" DROP CONSTRAINT "fk_campaign_remittances_parent_unit"`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" DROP CONSTRAINT "fk_campaign_remittances_unit"`);
    await queryRunner.query(`ALTER TABLE "campaign_remittances" DROP CONSTRAINT "fk_campaign_remittances_campaign"`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" DROP CONSTRAINT "fk_campaign_extensions_created_by"`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" DROP CONSTRAINT "fk_campaign_extensions_unit"`);
    await queryRunner.query(`ALTER TABLE "campaign_extensions" DROP CONSTRAINT "fk_campaign_extensions_campaign"`);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" DROP COLUMN "received"`);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" DROP COLUMN "confirmed"`);
    await queryRunner.query(`ALTER TABLE "campaign_unit_totals" DROP COLUMN "remitted"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_remittances_unit"`);
    await queryRunner.query(`DROP TABLE "campaign_remittances"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_extensions_unit"`);
    await queryRunner.query(`DROP TABLE "campaign_extensions"`);
  }
}
