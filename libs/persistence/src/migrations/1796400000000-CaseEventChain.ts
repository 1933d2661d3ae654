import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper evidence for the audit trail: every case event carries `hash`, a SHA-256 over its own content
 * and `prev_hash`, the hash of the event stored before it in the same case. Editing or deleting a row
 * (which takes a superuser switching off the append-only trigger) breaks the chain from that row on;
 * `npm run audit:verify` and GET /api/admin/audit/verify recompute it (AuditChainService).
 *
 * Why a BEFORE INSERT trigger rather than the projection's code: every writer gets it (the API, the
 * worker's activity, the reconciler, an operator's manual INSERT), and the "previous event" is read
 * under a lock in the same transaction that writes, which application code cannot do in its single
 * statement. The chain follows the order of insertion (`chain_pos`), not `seq`: the read model may
 * receive a case's events out of seq order (a dead caller's change is written later by the reconciler).
 *
 * Concurrency: the trigger takes a transaction-scoped advisory lock per case before reading the last
 * link, so two transactions writing one case chain one after the other; the function is VOLATILE,
 * so under READ COMMITTED (the app's level) its read after the wait sees the other's committed row,
 * and rows inserted earlier by the same statement. Should a writer ever run under REPEATABLE READ and
 * miss a link, UNIQUE (case_id, chain_pos) fails its statement (the projection is retried) instead of
 * letting the chain fork. A duplicate event (ON CONFLICT (case_id, seq) DO NOTHING) runs the trigger
 * but is not inserted, so it takes no position.
 *
 * The hashed text is `jsonb_build_array(...)::text` (jsonb prints one canonical form) with `at` in UTC
 * to the microsecond, so the hash does not depend on the session's time zone. `id` is not hashed: it
 * is drawn before the lock and need not follow the chain's order.
 *
 * Existing rows are chained here in seq order, all cases at once by a recursive query (one step per
 * event position, so as many steps as the longest case has events).
 */
export class CaseEventChain1796400000000 implements MigrationInterface {
  name = 'CaseEventChain1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" ADD "chain_pos" integer`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD "prev_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD "hash" character varying(64)`);
    await queryRunner.query(`
      CREATE FUNCTION case_event_hash(p_prev_hash text, p_chain_pos int, p_case_id uuid, p_seq int, p_action text,
        p_actor_id uuid, p_actor_name text, p_step_id text, p_level_code text, p_unit_id uuid, p_comment text, p_data jsonb,
        p_at timestamptz, p_update_id text, p_request_hash text) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          p_prev_hash, p_chain_pos, p_case_id, p_seq, p_action, p_actor_id, p_actor_name, p_step_id, p_level_code, p_unit_id,
          p_comment, p_data, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_update_id, p_request_hash
        )::text, 'UTF8')), 'hex')
      $$`);

    // Existing rows, in seq order per case. The append-only trigger is off for this one UPDATE only
    // (the migration's transaction; no other writer sees it off).
    await queryRunner.query(`ALTER TABLE "case_events" DISABLE TRIGGER "tr_case_events_append_only"`);
    await queryRunner.query(`
      WITH RECURSIVE ordered AS (
        SELECT e.*, row_number() OVER (PARTITION BY e.case_id ORDER BY e.seq)::int AS pos FROM case_events e
      ), chain AS (
        SELECT o.id, o.case_id, o.pos, case_event_hash(NULL, o.pos, o.case_id, o.seq, o.action, o.actor_id, o.actor_name, o.step_id,
                 o.level_code, o.unit_id, o.comment, o.data, o.at, o.update_id, o.request_hash) AS hash,
               NULL::text AS prev_hash
        FROM ordered o WHERE o.pos = 1
        UNION ALL
        SELECT o.id, o.case_id, o.pos, case_event_hash(c.hash, o.pos, o.case_id, o.seq, o.action, o.actor_id, o.actor_name, o.step_id,
                 o.level_code, o.unit_id, o.comment, o.data, o.at, o.update_id, o.request_hash),
               c.hash
        FROM chain c JOIN ordered o ON o.case_id = c.case_id AND o.pos = c.pos + 1
      )
      UPDATE case_events e SET chain_pos = c.pos, prev_hash = c.prev_hash, hash = c.hash FROM chain c WHERE e.id = c.id`);
    await queryRunner.query(`ALTER TABLE "case_events" ENABLE TRIGGER "tr_case_events_append_only"`);

    await queryRunner.query(`ALTER TABLE "case_events" ALTER COLUMN "chain_pos" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "case_events" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD CONSTRAINT "uq_case_events_case_chain" UNIQUE ("case_id", "chain_pos")`);
    await queryRunner.query(`
      CREATE FUNCTION case_events_chain() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        last record;
      BEGIN
        -- 0x4c54 ("LT"): this lock class; the key is the case. Held to the end of the transaction.
        PERFORM pg_advisory_xact_lock(x'4c54'::int, hashtext(NEW.case_id::text));
        SELECT chain_pos, hash INTO last FROM case_events WHERE case_id = NEW.case_id ORDER BY chain_pos DESC LIMIT 1;
        NEW.chain_pos := COALESCE(last.chain_pos, 0) + 1;
        NEW.prev_hash := last.hash;
        NEW.hash := case_event_hash(NEW.prev_hash, NEW.chain_pos, NEW.case_id, NEW.seq, NEW.action, NEW.actor_id,
          NEW.actor_name, NEW.step_id, NEW.level_code, NEW.unit_id, NEW.comment, NEW.data, NEW.at, NEW.update_id, NEW.request_hash);
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_case_events_chain" BEFORE INSERT ON "case_events" FOR EACH ROW EXECUTE FUNCTION case_events_chain()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_case_events_chain" ON "case_events"`);
    await queryRunner.query(`DROP FUNCTION case_events_chain()`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "uq_case_events_case_chain"`);
    await queryRunner.query(`DROP FUNCTION case_event_hash(text, int, uuid, int, text, uuid, text, text, text, uuid, text, jsonb, timestamptz, text, text)`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "chain_pos"`);
  }
}
