import { describeStartupError, loadAppConfig } from '@lienthong/config';
import { createDataSource, runMigrationsLocked, seedDemo } from '@lienthong/persistence';

/** `npm run migrate`: apply pending migrations (and the demo seed if SEED_DEMO=true) and exit. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const ds = await createDataSource(config.DATABASE_URL, 'lienthong-migrate').initialize();
  try {
    const applied = await runMigrationsLocked(ds, async (locked) => {
      if (config.SEED_DEMO && (await seedDemo(locked))) process.stdout.write('Demo data seeded\n');
    });
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
