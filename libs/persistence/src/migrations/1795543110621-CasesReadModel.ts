import { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesReadModel1795543110621 implements MigrationInterface {
  name = 'CasesReadModel1795543110621';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cases\" (\"id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"process_type\" character varying(64) NOT NULL, \"definition_version\" integer NOT NULL, \"origin_unit_id\" uuid NOT NULL, \"title\" text NOT NULL, \"status\" character varying(16) NOT NULL, \"current_step\" character varying(64), \"current_level\" character varying(32), \"deciding_unit_id\" uuid, \"due_at\" TIMESTAMP WITH TIME ZONE, \"overdue\" boolean NOT NULL DEFAULT false, \"escalated\" boolean NOT NULL DEFAULT false, \"requested_amount\" bigint, \"approved_amount\" bigint, \"disbursed_amount\" bigint NOT NULL DEFAULT '0', \"funding_source\" text, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"last_seq\" integer NOT NULL, \"decided_by\" uuid array NOT NULL DEFAULT '{}', \"search_text\" text NOT NULL, \"request_hash\" character varying(64) NOT NULL, \"state\" jsonb NOT NULL, \"workflow_id\" text NOT NULL, CONSTRAINT \"ck_cases_status\" CHECK (status IN ('pending', 'returned', 'in_progress', 'completed', 'rejected', 'cancelled')), CONSTRAINT \"PK_264acb3048c240fb89aa34626db\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_cases_origin_unit_id\" ON \"cases\" (\"origin_unit_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_cases_created_at\" ON \"cases\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_cases_inbox\" ON \"cases\" (\"status\", \"deciding_unit_id\", \"due_at\") ");
    await queryRunner.query("CREATE TABLE \"case_events\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"case_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"action\" character varying(32) NOT NULL, \"actor_id\" uuid, \"actor_name\" text, \"step_id\" character varying(64), \"level_code\" character varying(32), \"unit_id\" uuid, \"comment\" text, \"data\" jsonb, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"update_id\" character varying(300), \"request_hash\" character varying(64), CONSTRAINT \"uq_case_events_case_seq\" UNIQUE (\"case_id\", \"seq\"), CONSTRAINT \"PK_61f203ee26b76c6438bbcc7bde6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"ledger_entries\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"case_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"kind\" character varying(16) NOT NULL, \"amount\" bigint NOT NULL, \"entry_date\" date NOT NULL, \"note\" text, \"recorded_by\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"uq_ledger_entries_case_seq\" UNIQUE (\"case_id\", \"seq\"), CONSTRAINT \"ck_ledger_entries_kind\" CHECK (kind IN ('disbursement')), CONSTRAINT \"ck_ledger_entries_amount\" CHECK (amount > 0), CONSTRAINT \"PK_6efcb84411d3f08b08450ae75d5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"event_seq\" integer NOT NULL, \"kind\" character varying(32) NOT NULL, \"params\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"uq_notifications_user_event_kind\" UNIQUE (\"user_id\", \"case_id\", \"event_seq\", \"kind\"), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notifications_user_created\" ON \"notifications\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"cases\" ADD CONSTRAINT \"FK_c47a144982a0234b25f91e07717\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cases\" ADD CONSTRAINT \"FK_a5aba3d7f77a1469ebb00f514a1\" FOREIGN KEY (\"origin_unit_id\") REFERENCES \"units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cases\" ADD CONSTRAINT \"FK_fac3f84790b0ed598b36c190076\" FOREIGN KEY (\"deciding_unit_id\") REFERENCES \"units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cases\" ADD CONSTRAINT \"FK_16623a33f4933798b679f058d0b\" FOREIGN KEY (\"created_by\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"case_events\" ADD CONSTRAINT \"FK_259dbf949114e25670ac6cad205\" FOREIGN KEY (\"case_id\") REFERENCES \"cases\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ledger_entries\" ADD CONSTRAINT \"FK_ceeece64ef258f8eb526e11cea2\" FOREIGN KEY (\"case_id\") REFERENCES \"cases\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ledger_entries\" ADD CONSTRAINT \"FK_08864e606b285dc0cd35c6e4ca3\" FOREIGN KEY (\"recorded_by\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_63e5f2b81ae561b30d23c1ab6e6\" FOREIGN KEY (\"case_id\") REFERENCES \"cases\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");

    // By hand: what TypeORM does not model.
    // Diacritic-insensitive search: search_text is folded by the projection, matched by trigrams.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_cases_search_text" ON "cases" USING gin ("search_text" gin_trgm_ops)`);
    // The audit trail and the ledger are append-only, enforced by the database itself: no UPDATE,
    // DELETE or TRUNCATE, whatever the application (or a hurried operator) tries.
    await queryRunner.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const table of ['case_events', 'ledger_entries']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ledger_entries', 'case_events']) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tr_${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_change()`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_search_text"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_63e5f2b81ae561b30d23c1ab6e6\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\"");
    await queryRunner.query("ALTER TABLE \"ledger_entries\" DROP CONSTRAINT \"FK_08864e606b285dc0cd35c6e4ca3\"");
    await queryRunner.query("ALTER TABLE \"ledger_entries\" DROP CONSTRAINT \"FK_ceeece64ef258f8eb526e11cea2\"");
    await queryRunner.query("ALTER TABLE \"case_events\" DROP CONSTRAINT \"FK_259dbf949114e25670ac6cad205\"");
    await queryRunner.query("ALTER TABLE \"cases\" DROP CONSTRAINT \"FK_16623a33f4933798b679f058d0b\"");
    await queryRunner.query("ALTER TABLE \"cases\" DROP CONSTRAINT \"FK_fac3f84790b0ed598b36c190076\"");
    await queryRunner.query("ALTER TABLE \"cases\" DROP CONSTRAINT \"FK_a5aba3d7f77a1469ebb00f514a1\"");
    await queryRunner.query("ALTER TABLE \"cases\" DROP CONSTRAINT \"FK_c47a144982a0234b25f91e07717\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_user_created\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP TABLE \"ledger_entries\"");
    await queryRunner.query("DROP TABLE \"case_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_cases_inbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_cases_created_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_cases_origin_unit_id\"");
    await queryRunner.query("DROP TABLE \"cases\"");
  }
}
