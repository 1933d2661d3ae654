import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectionChecks1795560000000 implements MigrationInterface {
  name = 'ProjectionChecks1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"projection_checks\" (\"case_id\" uuid NOT NULL, \"update_id\" character varying(300) NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_projection_checks\" PRIMARY KEY (\"case_id\", \"update_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_projection_checks_due_at\" ON \"projection_checks\" (\"due_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_projection_checks_due_at\"");
    await queryRunner.query("DROP TABLE \"projection_checks\"");
  }
}
