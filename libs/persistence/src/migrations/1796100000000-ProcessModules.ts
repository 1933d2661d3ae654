import { MigrationInterface, QueryRunner } from 'typeorm';

/** Process modules: the ledger also takes repayments (money paid back). */
export class ProcessModules1796100000000 implements MigrationInterface {
  name = 'ProcessModules1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "ck_ledger_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" ADD CONSTRAINT "ck_ledger_entries_kind" CHECK (kind IN ('disbursement', 'repayment'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "ck_ledger_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" ADD CONSTRAINT "ck_ledger_entries_kind" CHECK (kind IN ('disbursement'))`);
  }
}
