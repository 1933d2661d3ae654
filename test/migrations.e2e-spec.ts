import { createDataSource, DEMO_USERS, Member, runMigrationsLocked, seedDemo, Unit, User } from '@lienthong/persistence';
import { createTestDatabase } from './support/test-apps';

describe('migrations and the demo seed (real PostgreSQL)', () => {
  it('on an empty database, the migrations leave no schema difference from the entities', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      expect(applied.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await runMigrationsLocked(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('every migration reverts (down) to an empty schema and applies again', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      expect(tables).toEqual([]);
      // Functions of our own (extensions' members aside, such as pgcrypto's, which TypeORM installs).
      const functions = await ds.query(
        `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
      );
      expect(functions).toEqual([]);
      expect(await ds.query(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`)).toEqual([]);
      expect(await runMigrationsLocked(ds)).toEqual(applied);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('several processes migrating and seeding at once (api + worker replicas) apply each step exactly once', async () => {
    const db = await createTestDatabase();
    const sources = await Promise.all([1, 2, 3].map(() => createDataSource(db.url).initialize()));
    try {
      const results = await Promise.all(sources.map((ds) => runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined))));
      expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
      const [ds] = sources;
      expect(await ds.getRepository(User).count()).toBe(DEMO_USERS.length);
      expect(await ds.getRepository(Unit).count()).toBe(6);
      expect(await seedDemo(ds)).toBe(false);
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
      await db.drop();
    }
  });

  it('stores Vietnamese text as given and refuses a role that does not exist', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      await runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined));
      const names = (await ds.getRepository(Member).find()).map((m) => m.fullName);
      expect(names).toContain('Đặng Văn Toàn');
      expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
      const user = await ds.getRepository(User).findOneByOrFail({ username: 'admin' });
      const unit = await ds.getRepository(Unit).findOneByOrFail({ name: 'Chi hội 2' });
      await expect(
        ds.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'king')`, [user.id, unit.id]),
      ).rejects.toThrow(/ck_memberships_role/);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
