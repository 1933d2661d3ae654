import { DataSource } from 'typeorm';

/**
 * Key of the PostgreSQL advisory lock that serializes migrations. The API and the worker both migrate at
 * boot; with several replicas starting at once, exactly one applies each migration while the others wait
 * and then find nothing pending.
 */
export const MIGRATION_LOCK_KEY = 0x4c69_656e; // "Lien"

/** Runs pending migrations under the advisory lock, each in its own transaction. Returns the names applied. */
export async function runMigrationsLocked(
  dataSource: DataSource,
  whileLocked?: (dataSource: DataSource) => Promise<void>,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (whileLocked) await whileLocked(dataSource);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
