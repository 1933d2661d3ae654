import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in under attack (issue 15):
 * - `sign_in_throttles`: failed sign-ins counted per username (`user:<name>`) and per client address
 *   (`addr:<ip>`) in a window, shared by every API replica. An attempt reserves its count with one
 *   atomic upsert before the slow password hash, so concurrent guesses cannot all slip under the limit.
 * - `auth_events`: sign-ins, refused sign-ins and sign-outs with the client's address; append-only,
 *   by the same trigger as the case events (refuse_change()).
 */
export class SignInGuard1796186294171 implements MigrationInterface {
  name = 'SignInGuard1796186294171';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttles" ("key" character varying(200) NOT NULL, "failures" integer NOT NULL,
       "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_sign_in_throttles" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sign_in_throttles_window" ON "sign_in_throttles" ("window_started_at")`);
    await queryRunner.query(
      `CREATE TABLE "auth_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
       "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event" character varying(16) NOT NULL,
       "username" character varying(64) NOT NULL, "user_id" uuid, "address" character varying(64) NOT NULL,
       "user_agent" character varying(300), "outcome" character varying(64),
       CONSTRAINT "ck_auth_events_event" CHECK (event IN ('sign_in', 'sign_in_failed', 'sign_out')),
       CONSTRAINT "PK_auth_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_events_at" ON "auth_events" ("at")`);
    await queryRunner.query(`CREATE INDEX "ix_auth_events_username_at" ON "auth_events" ("username", "at")`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_auth_events_append_only" BEFORE UPDATE OR DELETE ON "auth_events" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_auth_events_no_truncate" BEFORE TRUNCATE ON "auth_events" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "auth_events"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttles"`);
  }
}
