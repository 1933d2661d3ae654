import { describeStartupError, loadStackConfig } from '@lienthong/config';
import { AuditChainService, createDataSource } from '@lienthong/persistence';
import { embeddedPostgresUrl } from './stack/embedded-postgres';

/**
 * `npm run audit:verify`: recomputes every case's hash chain in the audit trail (case_events) and names
 * the first broken event of each case. Exit code 0 when every chain holds, 2 when one is broken.
 * Reads DATABASE_URL like the apps, or without it the database of a running `npm start`;
 * `--json` prints the whole report for archiving.
 */
async function main(): Promise<void> {
  const stack = loadStackConfig();
  const url = stack.DATABASE_URL ?? embeddedPostgresUrl(stack.EMBEDDED_PG_PORT, 'lienthong');
  const ds = await createDataSource(url, 'lienthong-audit-verify').initialize();
  try {
    const report = await new AuditChainService(ds).verify();
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      process.stdout.write(`Checked ${report.eventsChecked} events of ${report.casesChecked} cases at ${report.checkedAt}\n`);
      for (const b of report.broken) {
        process.stdout.write(`BROKEN case ${b.caseId}: event ${b.eventId} (seq ${b.seq}, chain position ${b.chainPos}): ${b.reason}\n`);
      }
      process.stdout.write(report.broken.length ? `${report.broken.length} case(s) with a broken chain\n` : 'Every chain holds.\n');
    }
    process.exitCode = report.broken.length ? 2 : 0;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
