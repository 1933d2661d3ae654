import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fund campaigns (issue 12): the campaign, its quotas, its timeline, its contributions and each unit's
 * running totals; notifications may now be about a campaign instead of a case.
 *
 * - `contributions` and `campaign_events` are append-only, enforced by the database (the same
 *   `refuse_change()` triggers as `case_events`): a correction is a reversal entry.
 * - `campaign_unit_totals` is updated in the same transaction as each contribution; its row lock
 *   serializes one unit's entries, which makes receipt numbers gap-free.
 * - `campaign_code_counters` numbers campaigns per year (`VD-2026-0001`); no entity, like
 *   `unit_tree_version`.
 */
export class Campaigns1796185866553 implements MigrationInterface {
  name = 'Campaigns1796185866553';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE "campaigns" ("id" uuid NOT NULL, "code" character varying(32) NOT NULL, "organization_id" uuid NOT NULL,
      "unit_id" uuid NOT NULL, "title" text NOT NULL, "fund_name" text NOT NULL, "purpose" text NOT NULL, "target" bigint NOT NULL,
      "start_date" date NOT NULL, "end_date" date NOT NULL, "suggestion" bigint, "public" boolean NOT NULL DEFAULT false,
      "status" character varying(16) NOT NULL, "last_seq" integer NOT NULL DEFAULT 0, "workflow_id" text NOT NULL,
      "request_hash" character varying(64) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "launched_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "uq_campaigns_code" UNIQUE ("code"),
      CONSTRAINT "ck_campaigns_status" CHECK (status IN ('draft', 'open', 'closed', 'cancelled')),
      CONSTRAINT "ck_campaigns_target" CHECK (target >= 1),
      CONSTRAINT "ck_campaigns_dates" CHECK (end_date >= start_date),
      CONSTRAINT "PK_campaigns" PRIMARY KEY ("id"))`);
    await q(`CREATE INDEX "ix_campaigns_unit_id" ON "campaigns" ("unit_id") `);
    await q(`CREATE TABLE "campaign_quotas" ("campaign_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "amount" bigint NOT NULL,
      "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_campaign_quotas_amount" CHECK (amount >= 0),
      CONSTRAINT "PK_campaign_quotas" PRIMARY KEY ("campaign_id", "unit_id"))`);
    await q(`CREATE TABLE "campaign_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "campaign_id" uuid NOT NULL, "seq" integer NOT NULL,
      "action" character varying(32) NOT NULL, "actor_id" uuid, "actor_name" text, "unit_id" uuid, "comment" text, "data" jsonb,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_key" character varying(300), "request_hash" character varying(64),
      CONSTRAINT "uq_campaign_events_seq" UNIQUE ("campaign_id", "seq"),
      CONSTRAINT "uq_campaign_events_key" UNIQUE ("campaign_id", "event_key"),
      CONSTRAINT "PK_campaign_events" PRIMARY KEY ("id"))`);
    await q(`CREATE TABLE "contributions" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "receipt_no" integer,
      "donor_kind" character varying(16) NOT NULL, "donor_name" text, "donor_member_id" uuid, "amount" bigint NOT NULL,
      "contribution_date" date NOT NULL, "method" character varying(16) NOT NULL, "note" text, "reverses" uuid,
      "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "idempotency_key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL,
      CONSTRAINT "uq_contributions_idempotency" UNIQUE ("created_by", "idempotency_key"),
      CONSTRAINT "uq_contributions_receipt" UNIQUE ("campaign_id", "unit_id", "receipt_no"),
      CONSTRAINT "uq_contributions_reverses" UNIQUE ("reverses"),
      CONSTRAINT "ck_contributions_donor_kind" CHECK (donor_kind IN ('member', 'resident', 'organization', 'anonymous')),
      CONSTRAINT "ck_contributions_method" CHECK (method IN ('cash', 'transfer', 'in-kind')),
      CONSTRAINT "ck_contributions_entry" CHECK ((reverses IS NULL AND amount > 0 AND receipt_no IS NOT NULL) OR (reverses IS NOT NULL AND amount < 0 AND receipt_no IS NULL)),
      CONSTRAINT "PK_contributions" PRIMARY KEY ("id"))`);
    await q(`CREATE INDEX "ix_contributions_unit_created" ON "contributions" ("campaign_id", "unit_id", "created_at") `);
    await q(`CREATE TABLE "campaign_unit_totals" ("campaign_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "collected" bigint NOT NULL DEFAULT '0',
      "entries" integer NOT NULL DEFAULT 0, "last_receipt" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_campaign_unit_totals" PRIMARY KEY ("campaign_id", "unit_id"))`);
    const fk = (table: string, name: string, column: string, target: string, onDelete = 'RESTRICT') =>
      q(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`);
    await fk('campaigns', 'fk_campaigns_organization', 'organization_id', 'organizations');
    await fk('campaigns', 'fk_campaigns_unit', 'unit_id', 'units');
    await fk('campaigns', 'fk_campaigns_created_by', 'created_by', 'users');
    await fk('campaign_quotas', 'fk_campaign_quotas_campaign', 'campaign_id', 'campaigns');
    await fk('campaign_quotas', 'fk_campaign_quotas_unit', 'unit_id', 'units');
    await fk('campaign_events', 'fk_campaign_events_campaign', 'campaign_id', 'campaigns');
    await fk('contributions', 'fk_contributions_campaign', 'campaign_id', 'campaigns');
    await fk('contributions', 'fk_contributions_unit', 'unit_id', 'units');
    await fk('contributions', 'fk_contributions_member', 'donor_member_id', 'members');
    await fk('contributions', 'fk_contributions_reverses', 'reverses', 'contributions');
    await fk('contributions', 'fk_contributions_created_by', 'created_by', 'users');
    await fk('campaign_unit_totals', 'fk_campaign_unit_totals_campaign', 'campaign_id', 'campaigns');
    await fk('campaign_unit_totals', 'fk_campaign_unit_totals_unit', 'unit_id', 'units');

    // Notifications about a campaign: no case, the campaign and its event's seq instead.
    await q(`ALTER TABLE "notifications" ALTER COLUMN "case_id" DROP NOT NULL`);
    await q(`ALTER TABLE "notifications" ADD "campaign_id" uuid`);
    await q(`ALTER TABLE "notifications" ADD CONSTRAINT "uq_notifications_user_campaign_event_kind" UNIQUE ("user_id", "campaign_id", "event_seq", "kind")`);
    await q(`ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject" CHECK (num_nonnulls(case_id, campaign_id) = 1)`);
    await fk('notifications', 'fk_notifications_campaign', 'campaign_id', 'campaigns');

    // By hand: what TypeORM does not model. Per-year campaign numbers.
    await q(`CREATE TABLE "campaign_code_counters" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_campaign_code_counters" PRIMARY KEY ("year"))`);
    // The ledger and the timeline are append-only, as case_events and ledger_entries are.
    for (const table of ['contributions', 'campaign_events']) {
      await q(`CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const table of ['campaign_events', 'contributions']) {
      await q(`DROP TRIGGER "tr_${table}_no_truncate" ON "${table}"`);
      await q(`DROP TRIGGER "tr_${table}_append_only" ON "${table}"`);
    }
    await q(`DROP TABLE "campaign_code_counters"`);
    await q(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_campaign"`);
    await q(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject"`);
    await q(`ALTER TABLE "notifications" DROP CONSTRAINT "uq_notifications_user_campaign_event_kind"`);
    // Campaign notifications have no case: they go with the column.
    await q(`DELETE FROM "notifications" WHERE "case_id" IS NULL`);
    await q(`ALTER TABLE "notifications" DROP COLUMN "campaign_id"`);
    await q(`ALTER TABLE "notifications" ALTER COLUMN "case_id" SET NOT NULL`);
    await q(`DROP TABLE "campaign_unit_totals"`);
    await q(`DROP TABLE "contributions"`);
    await q(`DROP TABLE "campaign_events"`);
    await q(`DROP TABLE "campaign_quotas"`);
    await q(`DROP TABLE "campaigns"`);
  }
}
