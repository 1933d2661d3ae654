import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a donor agreed to be named in the campaign's public disclosure (Nghị định 93/2021 publishes
 * totals; a donor's name only with their consent). Existing entries did not ask: they stay unnamed.
 * Adding a column with a constant default rewrites no row, so the append-only triggers do not fire.
 */
export class ContributionDonorConsent1796410000000 implements MigrationInterface {
  name = 'ContributionDonorConsent1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contributions" ADD "donor_public_name" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contributions" DROP COLUMN "donor_public_name"`);
  }
}
